package org.oligotrial.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Agreement with R 4.2.2 Patched (2022-11-10 r83330), survival 3.5-3, on the package's own datasets written to the
 * test resources with {@code write.csv(lung, "lung.csv", row.names = FALSE, na = "")} and (celltype as text)
 * {@code veteran}; R read them back with {@code read.csv} ({@code stringsAsFactors = TRUE}, so factor levels sorted).
 * Expected values are {@code sprintf("%.17g")} of {@code summary(fit)} and {@code fit} components; tolerance 1e-9
 * relative (p-values, statistics, estimates, standard errors, confidence limits, log-likelihoods) and exact counts
 * for the concordance.
 */
class CoxModelAgreesWithRTest {

  private static final double REL = 1e-9;

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * REL));
  }

  /** name, coef, se, z, p, lower, upper as printed by R. */
  private static void coefficient(CoxFit fit, String name, double coef, double se, double z, double p, double lower,
      double upper) {
    CoxCoefficient c = fit.coefficient(name);
    close(c.coef(), coef);
    close(c.se(), se);
    close(c.z(), z);
    close(c.p(), p);
    close(c.lower(), lower);
    close(c.upper(), upper);
    close(c.hazardRatio(), Math.exp(coef));
  }

  private static void tests(CoxFit fit, double ll0, double ll, double lr, double lrP, double wald, double waldP,
      double score, double scoreP) {
    close(fit.logLikNull(), ll0);
    close(fit.logLik(), ll);
    close(fit.likelihoodRatio().chisq(), lr);
    close(fit.likelihoodRatio().p(), lrP);
    close(fit.wald().chisq(), wald);
    close(fit.wald().p(), waldP);
    close(fit.score().chisq(), score);
    close(fit.score().p(), scoreP);
  }

  private static void concordance(CoxFit fit, long conc, long disc, long tiedX, long tiedY, long tiedXY, double c) {
    Concordance k = fit.concordance();
    assertThat(List.of(k.concordant(), k.discordant(), k.tiedX(), k.tiedY(), k.tiedXY()))
        .containsExactly(conc, disc, tiedX, tiedY, tiedXY);
    close(k.value(), c);
  }

  private static CoxFit fit(RDataset d, String strata, Ties ties, String... covariates) {
    return CoxModel.fit(d.numbers("time"), d.events("status"), strata == null ? null : d.strata(strata),
        d.covariates(covariates), CoxOptions.of(ties));
  }

  @Test
  void lungAgeSexEcogEfron() {
    // coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung2)
    RDataset lung = RDataset.load("lung.csv").complete("time", "status", "age", "sex", "ph.ecog");
    CoxFit fit = fit(lung, null, Ties.EFRON, "age", "sex", "ph.ecog");
    assertThat(fit.n()).isEqualTo(227);
    assertThat(fit.events()).isEqualTo(164);
    assertThat(fit.iterations()).isEqualTo(3);
    assertThat(fit.converged()).isTrue();
    assertThat(fit.warnings()).isEmpty();
    coefficient(fit, "age", 0.011066764560073482, 0.0092674110137005283, 1.1941592472496223, 0.23241568099961177,
        0.99292809716985009, 1.0296619622421546);
    coefficient(fit, "sex", -0.55261239570363097, 0.1677390537872635, -3.2944766482615693, 0.00098605137213845302,
        0.41421301854917247, 0.7994351273871465);
    coefficient(fit, "ph.ecog", 0.46372847537042766, 0.11357726616199662, 4.0829339448002395,
        4.4470666518568107e-05, 1.2726751777742971, 1.9864235812875903);
    tests(fit, -744.48045576144023, -729.23012137486194, 30.500668773156576, 1.0828176991986987e-06,
        29.929251209204654, 1.428165202304702e-06, 30.499922704949103, 1.0832092476937268e-06);
    assertThat(fit.likelihoodRatio().df()).isEqualTo(3);
    concordance(fit, 12544, 7117, 126, 28, 0, 0.63713549300045491);
  }

  @Test
  void lungAgeSexEcogBreslow() {
    // coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung2, ties = "breslow")
    RDataset lung = RDataset.load("lung.csv").complete("time", "status", "age", "sex", "ph.ecog");
    CoxFit fit = fit(lung, null, Ties.BRESLOW, "age", "sex", "ph.ecog");
    coefficient(fit, "age", 0.011041136349488499, 0.0092667701135355496, 1.1914762332736855, 0.23346668140113436,
        0.99290389775230847, 1.0296342808198);
    coefficient(fit, "sex", -0.55188956978759729, 0.16774244802101848, -3.2901008438749169, 0.001001514827865632,
        0.41450977312136023, 0.80001851087526699);
    coefficient(fit, "ph.ecog", 0.46294704059016395, 0.11357405206130104, 4.0761690913369062,
        4.5783731467028676e-05, 1.2716890646061028, 1.9848594234458432);
    tests(fit, -744.69281926616088, -729.48870517677403, 30.408228178773697, 1.1324237644499274e-06,
        29.839000839660855, 1.4919707086881225e-06, 30.406406915329907, 1.1334235498606746e-06);
    concordance(fit, 12544, 7117, 126, 28, 0, 0.63713549300045491);
  }

  @Test
  void lungAgeStratifiedBySex() {
    // coxph(Surv(time, status) ~ age + strata(sex), data = lung2)
    RDataset lung = RDataset.load("lung.csv");
    CoxFit fit = fit(lung, "sex", Ties.EFRON, "age");
    assertThat(fit.n()).isEqualTo(228);
    assertThat(fit.events()).isEqualTo(165);
    coefficient(fit, "age", 0.01621465186437834, 0.0091868546012631551, 1.7649840525557998, 0.077566445959696945,
        0.99821035104960265, 1.0348128157506971);
    tests(fit, -643.43701866939364, -641.84589631745746, 3.1822447038723567, 0.074442398859175959,
        3.1151687057762949, 0.077566445959696945, 3.1220113113480203, 0.07724138888108352);
    concordance(fit, 5631, 4658, 311, 17, 0, 0.54589622641509439);
  }

  @Test
  void veteranWithCategoricalCelltype() {
    // coxph(Surv(time, status) ~ trt + celltype + karno, data = vet2); levels adeno, large, smallcell, squamous
    RDataset vet = RDataset.load("veteran.csv");
    CoxFit fit = fit(vet, null, Ties.EFRON, "trt", "celltype", "karno");
    assertThat(fit.coefficients()).extracting(CoxCoefficient::name)
        .containsExactly("trt", "celltypelarge", "celltypesmallcell", "celltypesquamous", "karno");
    assertThat(fit.iterations()).isEqualTo(4);
    coefficient(fit, "trt", 0.26174409005751498, 0.2009230551188918, 1.3027080934173216, 0.1926744378861768,
        0.87629029001979242, 1.9261940126278561);
    coefficient(fit, "celltypelarge", -0.75936894991595627, 0.29865655831737353, -2.5426160208710273,
        0.011002606649172466, 0.26061135363205362, 0.84028609834367496);
    coefficient(fit, "celltypesmallcell", -0.32901422600463681, 0.26905792146178004, -1.2228379087191217,
        0.22139092419145409, 0.42470602221988685, 1.219364242014481);
    coefficient(fit, "celltypesquamous", -1.1539944138617664, 0.29503773769712499, -3.9113451142525202,
        9.1783509066187952e-05, 0.17688459692412223, 0.56229364030418172);
    coefficient(fit, "karno", -0.031271296047802183, 0.005165089742917032, -6.0543567690542064,
        1.4097984829120857e-09, 0.95945037365360464, 0.97907414274843507);
    tests(fit, -505.44905491805798, -474.91450892475274, 61.069091986610488, 7.3066943396648887e-12,
        63.407259600098278, 2.3971600344227939e-12, 66.548565445016095, 5.3470754933353633e-13);
    assertThat(fit.score().df()).isEqualTo(5);
    concordance(fit, 6407, 2233, 164, 39, 0, 0.73705134029986374);
  }

  @Test
  void veteranWithChosenReferenceLevel() {
    // vet3$celltype <- relevel(vet2$celltype, ref = "squamous"); coxph(Surv(time, status) ~ trt + celltype + karno)
    RDataset vet = RDataset.load("veteran.csv");
    CoxCovariates x = CovariateCoding.code(List.of(
        new CovariateCoding.RawColumn("trt", vet.text("trt"), false, null),
        new CovariateCoding.RawColumn("celltype", vet.text("celltype"), false, "squamous"),
        new CovariateCoding.RawColumn("karno", vet.text("karno"), false, null))).covariates();
    CoxFit fit = CoxModel.fit(vet.numbers("time"), vet.events("status"), null, x, CoxOptions.defaults());
    assertThat(fit.coefficients()).extracting(CoxCoefficient::name)
        .containsExactly("trt", "celltypeadeno", "celltypelarge", "celltypesmallcell", "karno");
    coefficient(fit, "celltypeadeno", 1.1539944138617677, 0.29503773769712494, 3.9113451142525251,
        9.1783509066186122e-05, 1.7784302156770535, 5.6534035036921226);
    coefficient(fit, "celltypelarge", 0.39462546394581166, 0.28224330985745821, 1.3981747313872912,
        0.16206060281166124, 0.85337068619303091, 2.5800587916723754);
    coefficient(fit, "celltypesmallcell", 0.82498018785713134, 0.26891129219478788, 3.0678525290769523,
        0.0021560298807700704, 1.3470590573993761, 3.8652897063497398);
    tests(fit, -505.44905491805798, -474.91450892475268, 61.069091986610601, 7.3066943396644929e-12,
        63.407259600098357, 2.3971600344227054e-12, 66.548565445016052, 5.3470754933354734e-13);
  }

  @Test
  void veteranBreslowStratifiedByCelltype() {
    // coxph(Surv(time, status) ~ karno + age + strata(celltype), data = vet2, ties = "breslow")
    RDataset vet = RDataset.load("veteran.csv");
    CoxFit fit = fit(vet, "celltype", Ties.BRESLOW, "karno", "age");
    coefficient(fit, "karno", -0.036561165310229224, 0.0057137899433931357, -6.3987590850281357,
        1.5664476894775304e-10, 0.95336257825604565, 0.97495657951574888);
    coefficient(fit, "age", -0.0085377723554581359, 0.0094861724461917634, -0.90002289162323168,
        0.36810806857243494, 0.97323439288418723, 1.0101055031783894);
    tests(fit, -339.14159842330781, -318.47156882068975, 41.340059205236116, 1.0546787670227803e-09,
        41.324120311486396, 1.0631175549991409e-09, 43.969976496387801, 2.831658781309345e-10);
    concordance(fit, 1600, 688, 5, 11, 0, 0.6988661142607937);
  }

  @Test
  void lungFiveCovariatesWithMissingValuesDropped() {
    // coxph(Surv(time, status) ~ age + sex + ph.karno + wt.loss + meal.cal, data = lung2); 57 rows dropped by R
    RDataset lung = RDataset.load("lung.csv").complete("time", "status", "age", "sex", "ph.karno", "wt.loss",
        "meal.cal");
    CoxFit fit = fit(lung, null, Ties.EFRON, "age", "sex", "ph.karno", "wt.loss", "meal.cal");
    assertThat(fit.n()).isEqualTo(171);
    assertThat(fit.events()).isEqualTo(124);
    coefficient(fit, "age", 0.012541480265211446, 0.01168711981393363, 1.0731027374477011, 0.28322502291809976,
        0.98968867633937729, 1.0360835778497806);
    coefficient(fit, "sex", -0.47375634790079013, 0.19755710835655513, -2.3980729007520445, 0.016481584669017904,
        0.42275554906726343, 0.91708828942785003);
    coefficient(fit, "ph.karno", -0.0096208831735620001, 0.0071260983606107452, -1.3500912682795805,
        0.17698670885761969, 0.97668823788570047, 1.0043554705738669);
    coefficient(fit, "wt.loss", -0.0027931513193689785, 0.0069871083088110346, -0.39975783914022034,
        0.68933488664392295, 0.98364754510691554, 1.0109609653193503);
    coefficient(fit, "meal.cal", -9.0470790273101468e-05, 0.00024518152575548664, -0.36899513531588718,
        0.71213135077586009, 0.99942914524918047, 1.0003901522594847);
    tests(fit, -528.23968644324691, -522.31070067239182, 11.857971541710185, 0.036786585362525451,
        11.619381218713182, 0.040392210978424867, 11.791449478191804, 0.037759886717248635);
    concordance(fit, 7124, 4073, 0, 12, 0, 0.6362418504956685);
  }

}
