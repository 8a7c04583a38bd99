package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MinimizationRuleTest {

  @Test
  void scoresMatchAHandWorkedExample() {
    // Two factors, weights 1 and 2, arms A:B = 1:1. At the new participant's levels:
    // factor 1 counts A=3, B=1; factor 2 counts A=2, B=2.
    // G(A) = 1*|4-1| + 2*|3-2| = 3 + 2 = 5; G(B) = 1*|3-2| + 2*|2-3| = 1 + 2 = 3 -> B minimizes.
    double[] scores = new double[2];
    MinimizationRule.scores(new int[][] {{3, 1}, {2, 2}}, new double[] {1, 2}, new int[] {1, 1}, ImbalanceMeasure.RANGE,
        new double[2], scores);
    assertThat(scores).containsExactly(5, 3);
    assertThat(MinimizationRule.minimizingCount(scores)).isEqualTo(1);
    assertThat(MinimizationRule.isMinimizing(scores, 1)).isTrue();
  }

  @Test
  void varianceUsesRatioAdjustedCounts() {
    // Arms 2:1, counts A=4, B=2 at the level: adjusted (2, 2).
    // A: (5/2, 2) -> variance (0.25^2 * 2) / 1 = 0.125; B: (2, 3) -> variance 0.5^2 * 2 = 0.5.
    double[] scores = new double[2];
    MinimizationRule.scores(new int[][] {{4, 2}}, new double[] {1}, new int[] {2, 1}, ImbalanceMeasure.VARIANCE,
        new double[2], scores);
    assertThat(scores[0]).isCloseTo(0.125, within(1e-12));
    assertThat(scores[1]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void drawBelowPGivesTheMinimizingArmAndAboveItTheOther() {
    double[] scores = {5, 3};
    assertThat(MinimizationRule.choose(scores, 0.8, 0.0)).isEqualTo(1);
    assertThat(MinimizationRule.choose(scores, 0.8, 0.7999)).isEqualTo(1);
    assertThat(MinimizationRule.choose(scores, 0.8, 0.8)).isZero();
    assertThat(MinimizationRule.choose(scores, 0.8, 0.9999)).isZero();
    assertThat(MinimizationRule.choose(scores, 1.0, 0.9999999)).isEqualTo(1);
  }

  @Test
  void tiesAreBrokenUniformlyOverTheDraw() {
    double[] tie3 = {2, 2, 2};
    int[] hits = new int[3];
    for (int i = 0; i < 3000; i++) {
      hits[MinimizationRule.choose(tie3, 0.8, (i + 0.5) / 3000)]++;
    }
    assertThat(hits).containsExactly(1000, 1000, 1000);
    // two of three arms tie for the minimum: each gets p/2 of the draws
    double[] tie2 = {1, 1, 4};
    int[] h2 = new int[3];
    for (int i = 0; i < 1000; i++) {
      h2[MinimizationRule.choose(tie2, 0.8, (i + 0.5) / 1000)]++;
    }
    assertThat(h2).containsExactly(400, 400, 200);
  }

  @Test
  void roundingNoiseDoesNotBreakATie() {
    assertThat(MinimizationRule.minimizingCount(new double[] {0.1 + 0.2, 0.3})).isEqualTo(2);
  }
}
