package org.oligotrial.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * More agreement with R 4.2.2 Patched (2022-11-10 r83330), survival 3.5-3: a categorical covariate whose levels hold
 * punctuation, strata with Breslow ties, and many strata. Data written by {@code write.csv(colon, "colon.csv",
 * row.names = FALSE, na = "")} and read back with {@code read.csv(..., stringsAsFactors = TRUE)} (so rx levels
 * Lev, Lev+5FU, Obs). Expected values {@code sprintf("%.15g")}: coef, sqrt(diag(fit$var)), fit$loglik,
 * fit$wald.test, fit$score, fit$concordance["concordance"]; tolerance 1e-9 relative.
 */
class CoxModelAgreesWithRMoreDatasetsTest {

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
  }

  private static void agrees(CoxFit fit, double[] coef, double[] se, double ll0, double ll, double wald,
      double score, double concordance) {
    for (int j = 0; j < coef.length; j++) {
      close(fit.coefficients().get(j).coef(), coef[j]);
      close(fit.coefficients().get(j).se(), se[j]);
    }
    close(fit.logLikNull(), ll0);
    close(fit.logLik(), ll);
    close(fit.wald().chisq(), wald);
    close(fit.score().chisq(), score);
    close(fit.concordance().value(), concordance);
  }

  private static CoxFit fit(RDataset d, String strata, Ties ties, String... covariates) {
    return CoxModel.fit(d.numbers("time"), d.events("status"), strata == null ? null : d.strata(strata),
        d.covariates(covariates), CoxOptions.of(ties));
  }

  private static final String[] COLON = {"time", "status", "rx", "sex", "age", "obstruct", "nodes"};

  @Test
  void colonWithTreatmentLevelsContainingPlus() {
    // coxph(Surv(time, status) ~ rx + sex + age + obstruct + nodes, colon2): n 1822, 897 events, 6 iterations
    RDataset colon = RDataset.load("colon.csv").complete(COLON);
    CoxFit fit = fit(colon, null, Ties.EFRON, "rx", "sex", "age", "obstruct", "nodes");
    assertThat(fit.n()).isEqualTo(1822);
    assertThat(fit.iterations()).isEqualTo(6);
    assertThat(fit.coefficients()).extracting(CoxCoefficient::name)
        .containsExactly("rxLev+5FU", "rxObs", "sex", "age", "obstruct", "nodes");
    agrees(fit,
        new double[] {-0.394470819179668, 0.0616672959936958, -0.0757253520875106, 0.00144253602683349,
            0.23992422085081, 0.0871884213214127},
        new double[] {0.0864343278924317, 0.0778440493394494, 0.0671948752115832, 0.00282181030650278,
            0.0821169077279145, 0.00629733378042699},
        -6423.96800176597, -6335.34794119503, 235.680991211056, 238.185976534149, 0.639406578278215);
    close(fit.wald().p(), 4.69302293177137e-48);
    close(fit.score().p(), 1.36964425806098e-48);
    close(fit.likelihoodRatio().p(), 1.30807078921866e-35);
  }

  @Test
  void colonBreslowStratifiedByEventType() {
    // coxph(Surv(time, status) ~ rx + sex + age + obstruct + nodes + strata(etype), colon2, ties = "breslow")
    RDataset colon = RDataset.load("colon.csv").complete(COLON);
    CoxFit fit = fit(colon, "etype", Ties.BRESLOW, "rx", "sex", "age", "obstruct", "nodes");
    agrees(fit,
        new double[] {-0.3946701845869, 0.0664431154248508, -0.0808459605278833, 0.00152715781524574,
            0.248356560988807, 0.0883441682580748},
        new double[] {0.0864694248193692, 0.0778892979030769, 0.0672274657426169, 0.00282430914926955,
            0.0821203580222836, 0.00626613830953616},
        -5804.68401073251, -5713.66400856814, 243.688346329821, 246.522383480943, 0.642963103398958);
  }

  @Test
  void lungWithEighteenInstitutionStrata() {
    // coxph(Surv(time, status) ~ age + ph.karno + strata(inst), lung2): n 226, 163 events, 4 iterations
    RDataset lung = RDataset.load("lung.csv").complete("time", "status", "age", "ph.karno", "inst");
    CoxFit fit = fit(lung, "inst", Ties.EFRON, "age", "ph.karno");
    assertThat(List.of(fit.n(), fit.events(), fit.iterations())).containsExactly(226, 163, 4);
    agrees(fit, new double[] {0.0128525760166399, -0.0237555999292583},
        new double[] {0.0102670185400772, 0.0071048242645169},
        -329.134600455633, -321.25819243449, 16.2661720123302, 16.5679404686796, 0.658902361199745);
  }
}
