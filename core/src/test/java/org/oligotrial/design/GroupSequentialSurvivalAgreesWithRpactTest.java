package org.oligotrial.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Group-sequential log-rank designs in events, patients and times against R 4.2.2 Patched (2022-11-10 r83330),
 * rpact 3.3.4 ({@code src/test/resources/design/rpact-group-sequential.R} prints them), to 1e-6 relative
 * ({@code Percentage.withPercentage(1e-4)}). rpact rounds {@code futilityBoundsEffectScale} to 8 decimals.
 */
class GroupSequentialSurvivalAgreesWithRpactTest {

  static final Percentage REL = Percentage.withPercentage(1e-4);

  static GroupSequentialDesign design(List<Double> rates, double alpha, int sides, double power, String efficacy,
      String futility, boolean binding) {
    return GroupSequentialBoundaries.compute(new GroupSequentialSpec(rates, alpha, sides, power,
        EfficacyBoundary.parse(efficacy), FutilityRule.parse(futility), binding));
  }

  static void near(List<Double> actual, double... expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual.get(i)).as("[%d]", i).isCloseTo(expected[i], REL);
    }
  }

  /**
   * {@code getSampleSizeSurvival(getDesignGroupSequential(informationRates = c(0.5, 1), alpha = 0.025, beta = 0.2,
   * sided = 1, typeOfDesign = "asOF", typeBetaSpending = "bsOF"), hazardRatio = 0.6, median2 = 8, accrualTime = c(0,
   * 36), followUpTime = 12, allocationRatioPlanned = 1)}.
   */
  @Test
  void twoLooksWithBetaSpendingFutility() {
    SurvivalGroupSequentialDesign s = GroupSequentialSurvival.compute(
        design(List.of(0.5, 1.0), 0.025, 1, 0.8, "of", "beta-of", false), 0.6, 1, 8, 36, 12, Dropout.NONE);
    assertThat(s.eventsFixed()).isCloseTo(120.31570437749922, REL);
    assertThat(s.maximumEvents()).isCloseTo(127.05320119448328, REL);
    near(s.eventsPerStage(), 63.526600597241639, 127.05320119448328);
    assertThat(s.expectedEventsH0()).isCloseTo(81.722014006214266, REL);
    assertThat(s.expectedEventsH1()).isCloseTo(111.36677938041865, REL);
    assertThat(s.maximumPatients()).isCloseTo(154.06127636749358, REL);
    near(s.analysisTimes(), 27.377643344681164, 48);
    near(s.hrEfficacy(), 0.47549375316251324, 0.70518430937403453);
    near(s.hrFutility(), 0.86903839000000005);
    assertThat(s.hrEfficacyOtherSide()).isEmpty();
  }

  /**
   * Two-sided, allocation 2:1, drop-out: {@code getSampleSizeSurvival(getDesignGroupSequential(kMax = 3, alpha =
   * 0.05, beta = 0.1, sided = 2, typeOfDesign = "asP"), hazardRatio = 0.7, median2 = 12, accrualTime = c(0, 24),
   * followUpTime = 18, allocationRatioPlanned = 2, dropoutRate1 = 0.1, dropoutRate2 = 0.1, dropoutTime = 12)}.
   */
  @Test
  void twoSidedPocockWithDropout() {
    SurvivalGroupSequentialDesign s = GroupSequentialSurvival.compute(
        design(GroupSequentialSpec.equallySpaced(3), 0.05, 2, 0.9, "pocock", "none", false), 0.7, 2, 12, 24, 18,
        new Dropout(0.1, 12));
    assertThat(s.eventsFixed()).isCloseTo(371.6751532092859, REL);
    assertThat(s.maximumEvents()).isCloseTo(428.99527071218893, REL);
    near(s.eventsPerStage(), 142.99842357072964, 285.99684714145928, 428.99527071218893);
    assertThat(s.expectedEventsH0()).isCloseTo(420.29942979309465, REL);
    assertThat(s.expectedEventsH1()).isCloseTo(268.03363818412379, REL);
    assertThat(s.maximumPatients()).isCloseTo(649.08006677731851, REL);
    near(s.analysisTimes(), 17.607839818870428, 26.96137330207279, 42);
    near(s.hrEfficacy(), 0.66740482652536182, 0.7498615029503104, 0.790454308457337);
    near(s.hrEfficacyOtherSide(), 1.4983409772539298, 1.3335795957860568, 1.2650952614220241);
    assertThat(s.hrFutility()).isEmpty();
  }

  /**
   * A harmful-direction hazard ratio above 1 with binding fixed-z futility: {@code
   * getSampleSizeSurvival(getDesignGroupSequential(informationRates = c(0.3, 0.6, 0.8, 1), alpha = 0.025, beta = 0.2,
   * sided = 1, typeOfDesign = "asKD", gammaA = 3, futilityBounds = c(0, 0, 0.5), bindingFutility = TRUE), hazardRatio
   * = 1.5, median2 = 6, accrualTime = c(0, 18), followUpTime = 6, allocationRatioPlanned = 1, dropoutRate1 = 0.05,
   * dropoutRate2 = 0.05, dropoutTime = 12)}.
   */
  @Test
  void hazardRatioAboveOneWithBindingFutility() {
    SurvivalGroupSequentialDesign s = GroupSequentialSurvival.compute(
        design(List.of(0.3, 0.6, 0.8, 1.0), 0.025, 1, 0.8, "kd:3", "z:0,0,0.5", true), 1.5, 1, 6, 18, 6,
        new Dropout(0.05, 12));
    assertThat(s.eventsFixed()).isCloseTo(190.96804018398913, REL);
    assertThat(s.maximumEvents()).isCloseTo(204.83403667188921, REL);
    near(s.eventsPerStage(), 61.450211001566764, 122.90042200313353, 163.86722933751136, 204.83403667188921);
    assertThat(s.expectedEventsH0()).isCloseTo(116.47920519738452, REL);
    assertThat(s.expectedEventsH1()).isCloseTo(151.92671678333343, REL);
    assertThat(s.maximumPatients()).isCloseTo(248.79357315555856, REL);
    near(s.analysisTimes(), 9.7797502553152391, 15.295774408279749, 18.692168030179452, 24);
    near(s.hrEfficacy(), 2.2653706532933056, 1.5909175723107125, 1.4307529024429693, 1.3245925363719644);
    near(s.hrFutility(), 1, 1, 1.0812507899999999);
  }

  @Test
  void dropoutOutOfRangeIsRefusedByName() {
    assertThatThrownBy(() -> new Dropout(1, 12)).hasMessageContaining("drop-out probability");
    assertThatThrownBy(() -> new Dropout(0.1, 0)).hasMessageContaining("drop-out time");
  }
}
