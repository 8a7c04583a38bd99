package org.oligotrial.randomization.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.randomization.MethodParameters;
import org.oligotrial.randomization.RandomizationScheme;
import org.oligotrial.randomization.Nct03119519;

class TrialSimulationTest {

  private static final double[][] PREVALENCE = {{0.3, 0.7}, {0.35, 0.65}, {0.25, 0.75}, {0.4, 0.6}, {0.4, 0.6}};
  private static final List<RandomizationScheme> METHODS = List.of(
      Nct03119519.scheme(new MethodParameters.PermutedBlocks(List.of(2, 4, 6))),
      Nct03119519.scheme(MethodParameters.Minimization.equalWeights(5, 0.8)),
      Nct03119519.scheme(new MethodParameters.Simple()));

  @Test
  void theSameSeedGivesTheSameSummaries() {
    assertThat(TrialSimulation.run(METHODS, PREVALENCE, 148, 200, 42))
        .isEqualTo(TrialSimulation.run(METHODS, PREVALENCE, 148, 200, 42));
  }

  @Test
  void onThisTrialsFactorsMinimizationBalancesBetterThanBlocksAndBlocksBetterThanSimple() {
    List<MethodSummary> s = TrialSimulation.run(METHODS, PREVALENCE, 148, 1000, 7);
    MethodSummary blocks = s.get(0);
    MethodSummary min = s.get(1);
    MethodSummary simple = s.get(2);
    assertThat(min.overallImbalance().mean()).isLessThan(blocks.overallImbalance().mean());
    assertThat(blocks.overallImbalance().mean()).isLessThan(simple.overallImbalance().mean());
    assertThat(min.worstLevelImbalance().mean()).isLessThan(blocks.worstLevelImbalance().mean());
    // with 32 strata and 148 participants most used strata end inside a block
    assertThat(blocks.incompleteBlockShare().mean()).isBetween(0.5, 1.0);
    assertThat(min.incompleteBlockShare()).isNull();
    // simple 1:1 is guessed exactly half the time; the restricted methods more often
    assertThat(simple.correctGuessRate()).isEqualTo(0.5);
    assertThat(blocks.correctGuessRate()).isGreaterThan(0.5);
    assertThat(min.correctGuessRate()).isGreaterThan(0.5);
  }

  @Test
  void badSettingsAreRefusedWithAClearMessage() {
    assertThatThrownBy(() -> TrialSimulation.run(METHODS, PREVALENCE, 0, 10, 1)).hasMessageContaining("participants");
    assertThatThrownBy(() -> TrialSimulation.run(METHODS, new double[][] {{0.5, 0.5}}, 10, 10, 1))
        .hasMessageContaining("5 factors");
    double[][] bad = {{0.3, 0.8}, {0.35, 0.65}, {0.25, 0.75}, {0.4, 0.6}, {0.4, 0.6}};
    assertThatThrownBy(() -> TrialSimulation.run(METHODS, bad, 10, 10, 1)).hasMessageContaining("histology add up to");
  }
}
