package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The restricted mean worked by hand; tolerance 1e-12 absolute. */
class RestrictedMeanHandWorkedTest {

  @Test
  void areaUnderTheStepCurveAndItsVariance() {
    // times 1, 2, 2+, 3, 4+ : S = 1 on [0,1), 0.8 on [1,2), 0.6 on [2,3), 0.3 on [3,4]
    // tau = 3.5: area = 1*1 + 0.8*1 + 0.6*1 + 0.3*0.5 = 2.55
    // var = sum over event times of (area after t_i)^2 d/(n(n-d)):
    //   t=1: (0.8 + 0.6 + 0.15)^2 / 20 = 0.120125;  t=2: (0.6 + 0.15)^2 / 12 = 0.046875;  t=3: 0.15^2 / 2 = 0.01125
    //   var = 0.17825, se = 0.4221966 (R: summary(survfit(...), rmean = 3.5)$table gives 2.55, 0.4221966)
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 2, 3, 4}, new boolean[] {true, true, false, true, false});
    RestrictedMean r = RestrictedMeanSurvival.estimate(d, 3.5, 0.95).get(0);
    assertThat(r.rmst()).isCloseTo(2.55, within(1e-12));
    assertThat(r.se()).isCloseTo(Math.sqrt(0.17825), within(1e-12));
    assertThat(r.lower()).isCloseTo(2.55 - 1.959963984540054 * Math.sqrt(0.17825), within(1e-9));
  }

  @Test
  void horizonBeforeTheFirstTimeGivesTauWithNoError() {
    SurvivalData d = SurvivalData.of(new double[] {5, 6}, new boolean[] {true, false});
    RestrictedMean r = RestrictedMeanSurvival.estimate(d, 2, 0.95).get(0);
    assertThat(r.rmst()).isEqualTo(2);
    assertThat(r.se()).isZero();
  }

  @Test
  void differenceOfTwoArmsIsSecondMinusFirst() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true},
        new String[] {"A", "A", "B", "B"});
    // A: S = 1/2 on [1,2), 0 after: RMST(5) = 1 + 0.5 = 1.5;  B: S = 1/2 on [3,4): RMST(5) = 3 + 0.5 = 3.5
    List<RestrictedMean> r = RestrictedMeanSurvival.estimate(d, 5, 0.95);
    RestrictedMeanDifference diff = RestrictedMeanSurvival.difference(r, "A", "B", 0.95);
    assertThat(diff.difference()).isCloseTo(2.0, within(1e-12));
    // se: A var = (0.5)^2 * 1/(2*1) = 0.125 (the term at t=2 is 0 because n = d); same for B
    assertThat(diff.se()).isCloseTo(Math.sqrt(0.25), within(1e-12));
    assertThat(diff.p()).isBetween(0.0, 1.0);
  }

  @Test
  void rejectsANonPositiveHorizon() {
    SurvivalData d = SurvivalData.of(new double[] {1}, new boolean[] {true});
    assertThatThrownBy(() -> RestrictedMeanSurvival.estimate(d, 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
