package org.oligotrial.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small examples worked by hand (the working is in each test), and the problems a fit must name. */
class CoxModelEdgeCasesTest {

  private static CoxCovariates one(String name, double... x) {
    return new CoxCovariates(List.of(name), new double[][] {x});
  }

  @Test
  void tiedEventsUseEfronOrBreslowDenominators() {
    // times 1,1,2,3 all events; at beta = 0 every risk score is 1.
    // Breslow: t=1 two events see the 4 at risk: 2 log 4; t=2: log 2; t=3: log 1.
    // Efron: t=1 denominators 4 and 4 - (1/2)*2 = 3: log 4 + log 3; then log 2 + log 1.
    double[] time = {1, 1, 2, 3};
    boolean[] event = {true, true, true, true};
    CoxCovariates x = one("x", 0, 1, 0, 1);
    CoxFit breslow = CoxModel.fit(time, event, null, x, CoxOptions.of(Ties.BRESLOW));
    CoxFit efron = CoxModel.fit(time, event, null, x, CoxOptions.of(Ties.EFRON));
    assertThat(breslow.logLikNull()).isCloseTo(-(2 * Math.log(4) + Math.log(2)), within(1e-14));
    assertThat(efron.logLikNull()).isCloseTo(-(Math.log(4) + Math.log(3) + Math.log(2)), within(1e-14));
  }

  @Test
  void scoreTestOfTwoGroupsWithoutTiesIsTheLogRankTest() {
    // group x=1 at t=1,3,5 (events); x=0 at t=2 (event), 4 (censored), 6 (event).
    // log-rank, group 1: t=1 n=6,n1=3: O=1 E=.5 V=.25; t=2 n=5,n1=2: O=0 E=.4 V=.24; t=3 n=4,n1=2: O=1 E=.5 V=.25;
    // t=5 n=2,n1=1: O=1 E=.5 V=.25; t=6 n1=0: E=0 V=0.  O-E = 1.1, V = .99, chisq = 1.21/.99 = 1.2222...
    // R 4.2.2, survival 3.5-3: survdiff(...)$chisq = 1.222222, coxph(...)$score = 1.2222222222222223
    double[] time = {1, 2, 3, 4, 5, 6};
    boolean[] event = {true, true, true, false, true, true};
    CoxFit fit = CoxModel.fit(time, event, null, one("x", 1, 0, 1, 0, 1, 0), CoxOptions.defaults());
    assertThat(fit.score().chisq()).isCloseTo(1.21 / 0.99, within(1e-14));
    assertThat(fit.score().df()).isEqualTo(1);
  }

  @Test
  void allCensoredIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> CoxModel.fit(new double[] {1, 2, 3}, new boolean[3], null, one("x", 0, 1, 0),
            CoxOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no events")
        .hasMessageContaining("censored");
  }

  @Test
  void collinearCovariateIsAliasedAndNamedAsCoxphDoes() {
    // R 4.2.2, survival 3.5-3: lung2$age2 <- 2 * lung2$age + 1; coxph(Surv(time, status) ~ age + sex + age2, lung2)
    // gives age 0.01704533, sex -0.51321852, age2 NA; logtest df 2, 14.12311
    RDataset lung = RDataset.load("lung.csv");
    double[] age = lung.numbers("age");
    double[] age2 = new double[age.length];
    for (int i = 0; i < age.length; i++) {
      age2[i] = 2 * age[i] + 1;
    }
    CoxCovariates x = new CoxCovariates(List.of("age", "sex", "age2"),
        new double[][] {age, lung.numbers("sex"), age2});
    CoxFit fit = CoxModel.fit(lung.numbers("time"), lung.events("status"), null, x, CoxOptions.defaults());
    assertThat(fit.coefficient("age2").aliased()).isTrue();
    assertThat(fit.coefficient("age2").coef()).isNaN();
    assertThat(fit.coefficient("age").coef()).isCloseTo(0.01704533, within(5e-9));
    assertThat(fit.coefficient("sex").coef()).isCloseTo(-0.51321852, within(5e-9));
    assertThat(fit.likelihoodRatio().df()).isEqualTo(2);
    assertThat(fit.likelihoodRatio().chisq()).isCloseTo(14.12311, within(5e-6));
    assertThat(fit.warnings()).anyMatch(w -> w.contains("'age2'") && w.contains("collinear"));
  }

  @Test
  void groupWithoutEventsIsReportedAsPossiblyInfinite() {
    // every event is in group g=0 (times 1-4), g=1 is censored (5-8): the likelihood rises for ever as beta_g -> -inf.
    // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ z + g, m) warns "Ran out of iterations and did not
    // converge", coef g = -22.7
    double[] time = {1, 2, 3, 4, 5, 6, 7, 8};
    boolean[] event = {true, true, true, true, false, false, false, false};
    CoxCovariates x = new CoxCovariates(List.of("z", "g"),
        new double[][] {{0.5, 1.2, 0.3, 2.2, 1.1, 0.4, 0.9, 1.7}, {0, 0, 0, 0, 1, 1, 1, 1}});
    CoxFit fit = CoxModel.fit(time, event, null, x, CoxOptions.defaults());
    assertThat(fit.coefficient("g").coef()).isLessThan(-10);
    assertThat(fit.warnings()).anyMatch(w -> w.contains("'g'") && w.contains("infinite"));
    assertThat(fit.warnings()).noneMatch(w -> w.contains("'z'"));
  }

  @Test
  void stratumCodesNeedNotBeContiguousAndTiesDoNotCrossStrata() {
    // the same data split into strata 7 and 3 gives the same fit as codes 1 and 0
    double[] time = {1, 1, 2, 2, 3, 4, 5, 6};
    boolean[] event = {true, true, true, false, true, true, false, true};
    CoxCovariates x = one("x", 0.2, 1.5, 0.3, 2.0, 0.7, 1.1, 0.1, 0.9);
    CoxFit a = CoxModel.fit(time, event, new int[] {7, 3, 7, 3, 7, 3, 7, 3}, x, CoxOptions.defaults());
    CoxFit b = CoxModel.fit(time, event, new int[] {1, 0, 1, 0, 1, 0, 1, 0}, x, CoxOptions.defaults());
    assertThat(a.coefficients().get(0).coef()).isEqualTo(b.coefficients().get(0).coef());
    assertThat(a.logLik()).isEqualTo(b.logLik());
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> CoxModel.fit(new double[] {1, -2}, new boolean[] {true, true}, null, one("x", 0, 1),
            CoxOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-negative");
    assertThatThrownBy(() -> CoxModel.fit(new double[] {1, 2}, new boolean[] {true}, null, one("x", 0, 1),
            CoxOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoxModel.fit(new double[] {1, 2}, new boolean[] {true, true}, null,
            one("x", 0, Double.NaN), CoxOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x'");
  }

  @Test
  void timesDifferingOnlyByRoundingAreTiedAsCoxphTimefix() {
    // R 4.2.2, survival 3.5-3: d <- data.frame(time = c(0.1 + 0.2, 0.3, 0.5, 0.7, 0.9, 1.1),
    //   status = c(1, 1, 1, 0, 1, 1), x = c(1, 0, 1, 0, 1, 0)); coxph(Surv(time, status) ~ x, d)
    // coef 1.0986122886676937, loglik -5.4806389233419903, -4.9573907795774446, score 1
    // (with timefix = FALSE: coef 1.005052538742069)
    double[] time = {0.1 + 0.2, 0.3, 0.5, 0.7, 0.9, 1.1};
    assertThat(time[0]).isNotEqualTo(time[1]);
    boolean[] event = {true, true, true, false, true, true};
    CoxFit fit = CoxModel.fit(time, event, null, one("x", 1, 0, 1, 0, 1, 0), CoxOptions.defaults());
    assertThat(fit.coefficients().get(0).coef()).isCloseTo(1.0986122886676937, within(1e-9));
    assertThat(fit.logLik()).isCloseTo(-4.9573907795774446, within(1e-9));
    assertThat(fit.score().chisq()).isCloseTo(1, within(1e-12));
    assertThat(time[0]).as("the caller's array is not changed").isEqualTo(0.1 + 0.2);
  }
}
