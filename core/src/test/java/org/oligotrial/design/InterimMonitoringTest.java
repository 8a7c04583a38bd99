package org.oligotrial.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.oligotrial.design.MonitoringResult.Decision;

/**
 * Monitoring against R 4.2.2 Patched (2022-11-10 r83330), rpact 3.3.4, and hand-derived formulas. The dataset: 120
 * planned events, 1:1, designed for HR 0.6, one-sided alpha 0.025, O'Brien-Fleming-type spending; looks at 38 events
 * (log-rank z -1.52) and 81 events (z -2.31). rpact calls (in {@code src/test/resources/design/
 * rpact-group-sequential.R}): {@code d <- getDesignGroupSequential(informationRates = c(38/120, 81/120, 1), alpha =
 * 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF")}, {@code ds <- getDataset(overallEvents = c(38, 81),
 * overallLogRanks = c(-1.52, -2.31), overallAllocationRatios = c(1, 1))}, {@code getAnalysisResults(d, ds, thetaH1 =
 * 0.6, nPlanned = 39, directionUpper = FALSE)} (and without {@code thetaH1} for the trend; with the first look only
 * and {@code nPlanned = c(43, 39)}).
 */
class InterimMonitoringTest {

  static final Percentage REL = Percentage.withPercentage(1e-4); // 1e-6 relative

  static MonitoringPlan plan(List<Double> rates, String futility, boolean binding) {
    return new MonitoringPlan(new GroupSequentialSpec(rates, 0.025, 1, 0.8,
        EfficacyBoundary.parse("of"), FutilityRule.parse(futility), binding), 120, 0.6, 1);
  }

  static final List<Double> REALISED = List.of(38 / 120.0, 81 / 120.0, 1.0);

  @Test
  void boundsAreRecomputedAtTheRealisedInformation() {
    // planned at 1/3 and 2/3, observed at 38/120 and 81/120: the bounds of the design at the realised rates,
    // rpact criticalValues 3.815227899030706, 2.4923496022820473
    MonitoringResult m = InterimMonitoring.monitor(plan(GroupSequentialSpec.equallySpaced(3), "none", false),
        List.of(ObservedLook.ofLogRank(38, -1.52), ObservedLook.ofLogRank(81, -2.31)));
    assertThat(m.looks().get(0).criticalZ()).isCloseTo(3.815227899030706, REL);
    assertThat(m.looks().get(1).criticalZ()).isCloseTo(2.4923496022820473, REL);
    assertThat(m.looks().get(1).informationFraction()).isEqualTo(81 / 120.0);
    // alpha spent 2 (1 - Phi(z_{0.9875} / sqrt(81/120)))
    assertThat(m.looks().get(1).cumulativeAlpha())
        .isCloseTo(2 * Normal.upper(-Normal.quantile(0.0125) / Math.sqrt(81 / 120.0)), Offset.offset(1e-15));
    assertThat(m.latest().decision()).isEqualTo(Decision.CONTINUE);
  }

  @Test
  void repeatedConfidenceIntervalsAgreeWithRpact() {
    MonitoringResult m = InterimMonitoring.monitor(plan(REALISED, "none", false),
        List.of(ObservedLook.ofLogRank(38, -1.52), ObservedLook.ofLogRank(81, -2.31)));
    // rpact repeatedConfidenceIntervalLowerBounds / UpperBounds (its iterative solution, to about 5e-7)
    assertThat(m.looks().get(0).rciLower()).isCloseTo(0.17711145960851707, REL);
    assertThat(m.looks().get(0).rciUpper()).isCloseTo(2.1057469821706785, REL);
    assertThat(m.looks().get(1).rciLower()).isCloseTo(0.34397402305109248, REL);
    assertThat(m.looks().get(1).rciUpper()).isCloseTo(1.0413543527238718, REL);
    // by hand: exp(-2.31 * 2 / sqrt(81)) = 0.59849725926576 (rpact's "cumulative effect size" 0.5985)
    assertThat(m.looks().get(1).hazardRatio()).isCloseTo(Math.exp(-2.31 * 2 / 9), Offset.offset(1e-15));
  }

  @Test
  void conditionalPowerAgreesWithRpact() {
    MonitoringResult m = InterimMonitoring.monitor(plan(REALISED, "none", false),
        List.of(ObservedLook.ofLogRank(38, -1.52), ObservedLook.ofLogRank(81, -2.31)));
    // look 1: two later looks, rpact conditionalPower by the last look
    assertThat(m.looks().get(0).conditionalPowerDesign()).isCloseTo(0.83062746870341764, REL);
    assertThat(m.looks().get(0).conditionalPowerTrend()).isCloseTo(0.80977962290226302, REL);
    assertThat(m.looks().get(1).conditionalPowerDesign()).isCloseTo(0.92294956092837044, REL);
    assertThat(m.looks().get(1).conditionalPowerTrend()).isCloseTo(0.92407468109307045, REL);
  }

  @Test
  void conditionalPowerWithOneLookLeftIsTheBValueFormula() {
    // B-value (Lan and Wittes 1988): CP = 1 - Phi((c_K - z sqrt(t) - theta sqrt(I_D) (1 - t)) / sqrt(1 - t)),
    // t = 81/120, z = 2.31, I_D = 120/4 = 30, theta = -log(0.6); c_K is the final bound of the monitored design
    MonitoringResult m = InterimMonitoring.monitor(plan(REALISED, "none", false),
        List.of(ObservedLook.ofLogRank(38, -1.52), ObservedLook.ofLogRank(81, -2.31)));
    double cK = GroupSequentialBoundaries.compute(plan(REALISED, "none", false).spec()).stages().get(2).criticalZ();
    double t = 81 / 120.0;
    double drift = -Math.log(0.6) * Math.sqrt(30);
    double expected = Normal.upper((cK - 2.31 * Math.sqrt(t) - drift * (1 - t)) / Math.sqrt(1 - t));
    assertThat(m.looks().get(1).conditionalPowerDesign()).isCloseTo(expected, Offset.offset(1e-9));
    // the trend: theta-hat sqrt(I_D) = z / sqrt(t)
    double trend = 2.31 / Math.sqrt(t);
    assertThat(m.looks().get(1).conditionalPowerTrend()).isCloseTo(
        Normal.upper((cK - 2.31 * Math.sqrt(t) - trend * (1 - t)) / Math.sqrt(1 - t)), Offset.offset(1e-9));
  }

  @Test
  void decisions() {
    MonitoringPlan p = plan(GroupSequentialSpec.equallySpaced(3), "beta-of", false);
    // z = 4.0 above the first bound (about 3.8): efficacy
    assertThat(InterimMonitoring.monitor(p, List.of(ObservedLook.ofLogRank(38, -4.0))).latest().decision())
        .isEqualTo(Decision.STOP_FOR_EFFICACY);
    // a trend against the experimental arm at 40 events: below the beta-spending futility bound
    MonitoringResult harm = InterimMonitoring.monitor(p, List.of(ObservedLook.ofLogRank(40, 1.0)));
    assertThat(harm.latest().futilityZ()).isGreaterThan(-1.0);
    assertThat(harm.latest().decision()).isEqualTo(Decision.STOP_FOR_FUTILITY);
    // the planned events reached without crossing: final, not rejected, no conditional power
    MonitoringResult fin = InterimMonitoring.monitor(p, List.of(ObservedLook.ofLogRank(40, -1.0),
        ObservedLook.ofLogRank(80, -1.5), ObservedLook.ofLogRank(121, -1.9)));
    assertThat(fin.latest().isFinal()).isTrue();
    assertThat(fin.latest().cumulativeAlpha()).isEqualTo(0.025);
    assertThat(fin.latest().decision()).isEqualTo(Decision.FINAL_NOT_REJECTED);
    assertThat(fin.latest().conditionalPowerDesign()).isNaN();
    assertThat(fin.latest().futilityZ()).isEqualTo(fin.latest().criticalZ());
  }

  @Test
  void coxEstimateGivesTheInterval() {
    // exp(log 0.62 -/+ c_1 0.33)
    MonitoringResult m = InterimMonitoring.monitor(plan(REALISED, "none", false),
        List.of(new ObservedLook(38, -1.52, 0.62, 0.33)));
    double c = m.latest().criticalZ();
    assertThat(m.latest().rciLower()).isCloseTo(Math.exp(Math.log(0.62) - c * 0.33), Offset.offset(1e-15));
    assertThat(m.latest().rciUpper()).isCloseTo(Math.exp(Math.log(0.62) + c * 0.33), Offset.offset(1e-15));
  }

  @Test
  void badLooksAreRefused() {
    MonitoringPlan p = plan(GroupSequentialSpec.equallySpaced(3), "none", false);
    assertThatThrownBy(() -> InterimMonitoring.monitor(p, List.of(ObservedLook.ofLogRank(50, -1),
        ObservedLook.ofLogRank(40, -1)))).hasMessageContaining("look 2: events must increase");
    assertThatThrownBy(() -> InterimMonitoring.monitor(p, List.of(ObservedLook.ofLogRank(130, -1),
        ObservedLook.ofLogRank(140, -1)))).hasMessageContaining("look 1 reached the planned events");
    assertThatThrownBy(() -> ObservedLook.ofLogRank(0, 1)).hasMessageContaining("events must be positive");
    assertThatThrownBy(() -> new MonitoringPlan(new GroupSequentialSpec(GroupSequentialSpec.equallySpaced(2), 0.025,
        1, 0.8, EfficacyBoundary.parse("classical-of"), new FutilityRule.None(), false), 100, 0.6, 1))
        .hasMessageContaining("alpha-spending");
  }

  @Test
  void aTwoSidedDesignWithFutilityIsRefusedForMonitoringNamingTheWayOut() {
    MonitoringPlan p = new MonitoringPlan(new GroupSequentialSpec(GroupSequentialSpec.equallySpaced(3), 0.05, 2, 0.8,
        EfficacyBoundary.parse("of"), FutilityRule.parse("beta-pocock"), false), 120, 0.6, 1);
    assertThatThrownBy(() -> InterimMonitoring.monitor(p, List.of(ObservedLook.ofLogRank(40, -1))))
        .hasMessageContaining("two-sided design with futility bounds is not supported")
        .hasMessageContaining("without the futility rule");
  }
}
