package org.oligotrial.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Agreement with R 4.2.2 Patched (2022-11-10 r83330), rpact 3.3.4, {@code getSampleSizeSurvival(...)} fields
 * {@code eventsFixed}, {@code nFixed}, {@code nFixed1}, {@code nFixed2} printed with {@code sprintf("%.17g")};
 * tolerance 1e-9 relative.
 */
class LogRankSampleSizeTest {

  private static final double REL = 1e-9;

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * REL));
  }

  private static void agrees(LogRankDesign d, EventsFormula f, double events, double n, double n1, double n2) {
    SampleSize s = LogRankSampleSize.compute(d, f);
    close(s.events(), events);
    close(s.patients(), n);
    close(s.patientsExperimental(), n1);
    close(s.patientsControl(), n2);
  }

  // getSampleSizeSurvival(hazardRatio = 0.6, alpha = 0.05, sided = 2, beta = 0.2, allocationRatioPlanned = 1,
  //   median2 = 6, accrualTime = c(0, 24), followUpTime = 12, typeOfComputation = "Schoenfeld" / "Freedman")
  private static final LogRankDesign TWO_SIDED = new LogRankDesign(0.6, 0.05, 2, 0.8, 1, 6, 24, 12);

  @Test
  void schoenfeldTwoSidedOneToOne() {
    agrees(TWO_SIDED, EventsFormula.SCHOENFELD, 120.31570437749922, 141.26641107740787, 70.633205538703933,
        70.633205538703933);
    SampleSize s = LogRankSampleSize.compute(TWO_SIDED, EventsFormula.SCHOENFELD);
    assertThat(s.eventsNeeded()).isEqualTo(121);
    assertThat(s.patientsNeeded()).isEqualTo(142);
    close(s.hazardControl(), 0.11552453009332421);
    close(s.hazardExperimental(), 0.069314718055994526);
  }

  @Test
  void freedmanTwoSidedOneToOne() {
    agrees(TWO_SIDED, EventsFormula.FREEDMAN, 125.58207574958537, 147.44982152232521, 73.724910761162604,
        73.724910761162604);
  }

  @Test
  void oneSidedTwoToOne() {
    // hazardRatio = 0.6, alpha = 0.025, sided = 1, beta = 0.1, allocationRatioPlanned = 2, median2 = 10,
    // accrualTime = c(0, 30), followUpTime = 6
    LogRankDesign d = new LogRankDesign(0.6, 0.025, 1, 0.9, 2, 10, 30, 6);
    agrees(d, EventsFormula.SCHOENFELD, 181.20216589116279, 296.71737983235715, 197.81158655490478,
        98.905793277452389);
    agrees(d, EventsFormula.FREEDMAN, 158.9247738042894, 260.23829374082862, 173.49219582721909,
        86.746097913609546);
  }

  @Test
  void harmfulHazardRatioWithMoreControls() {
    // hazardRatio = 1.5, alpha = 0.05, sided = 1, beta = 0.2, allocationRatioPlanned = 0.5, median2 = 12,
    // accrualTime = c(0, 18), followUpTime = 24
    LogRankDesign d = new LogRankDesign(1.5, 0.05, 1, 0.8, 0.5, 12, 18, 24);
    agrees(d, EventsFormula.SCHOENFELD, 169.22856988773029, 193.34334622301336, 64.447782074337781,
        128.89556414867556);
    agrees(d, EventsFormula.FREEDMAN, 151.4726521844843, 173.05724118600017, 57.685747062000054,
        115.37149412400011);
  }

  @Test
  void detectableHazardRatioInvertsTheSampleSize() {
    double n = LogRankSampleSize.compute(TWO_SIDED, EventsFormula.SCHOENFELD).patients();
    assertThat(LogRankSampleSize.detectableHazardRatio(TWO_SIDED, n, EventsFormula.SCHOENFELD))
        .isCloseTo(0.6, within(1e-8));
  }

  @Test
  void eventProbabilityByHand() {
    // lambda = log 2 / 6, a = 24, f = 12: exp(-2 log 2) = 1/4, exp(-6 log 2) = 1/64;
    // P = 1 - (1/4 - 1/64) / (24 log 2 / 6) = 1 - 0.234375 / (4 log 2)
    assertThat(LogRankSampleSize.eventProbability(Math.log(2) / 6, 24, 12))
        .isCloseTo(1 - 0.234375 / (4 * Math.log(2)), within(1e-15));
  }

  @Test
  void refusesValuesOutOfRange() {
    assertThatThrownBy(() -> new LogRankDesign(1, 0.05, 2, 0.8, 1, 6, 24, 12)).hasMessageContaining("hazard ratio");
    assertThatThrownBy(() -> new LogRankDesign(0.6, 0.05, 3, 0.8, 1, 6, 24, 12)).hasMessageContaining("sides");
    assertThatThrownBy(() -> new LogRankDesign(0.6, 0.05, 2, 1.2, 1, 6, 24, 12)).hasMessageContaining("power");
    assertThatThrownBy(() -> new LogRankDesign(0.6, 0.05, 2, 0.8, 1, 6, 0, 12)).hasMessageContaining("accrual");
  }

  @Test
  void theSmallestAlphaKeepsAnAccurateQuantileAndASmallerOneIsRefused() {
    // Python 3.11 statistics.NormalDist().inv_cdf(5e-7) = -4.89163847569859 (Wichura's AS 241)
    SampleSize s = LogRankSampleSize.compute(new LogRankDesign(0.6, 1e-6, 2, 0.8, 1, 6, 24, 12),
        EventsFormula.SCHOENFELD);
    close(s.criticalZ(), 4.89163847569859);
    assertThatThrownBy(() -> new LogRankDesign(0.6, 1e-300, 2, 0.8, 1, 6, 24, 12)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new LogRankDesign(0.6, 0.6, 1, 0.8, 1, 6, 24, 12)).hasMessageContaining("alpha");
  }

  @Test
  void aDesignNeedingMoreThanABillionIsRefusedNotOverflowed() {
    // allocation 1e300:1 makes (1 + r)^2 / r overflow; a control median of 1e300 months makes every event improbable
    assertThatThrownBy(() -> LogRankSampleSize.compute(new LogRankDesign(0.6, 0.05, 2, 0.8, 1e300, 6, 24, 12),
        EventsFormula.SCHOENFELD)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(
        "no feasible design");
    assertThatThrownBy(() -> LogRankSampleSize.compute(new LogRankDesign(0.6, 0.05, 2, 0.8, 1, 1e300, 24, 12),
        EventsFormula.FREEDMAN)).hasMessageStartingWith("no feasible design");
  }

  @Test
  void eventProbabilityKeepsItsDigitsForAnUncommonEvent() {
    // lambda = 1e-8 / 24, a = 24, f = 12: P = lambda (f + a / 2) - O(lambda^2) = 1e-8 - 5e-17; the difference of two
    // exponentials near 1 would lose half the digits (6.08e-9), exp(-lf) * expm1 keeps them
    assertThat(LogRankSampleSize.eventProbability(1e-8 / 24, 24, 12)).isCloseTo(1e-8, within(1e-14));
  }
}
