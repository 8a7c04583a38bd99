package org.oligotrial.randomization.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oligotrial.randomization.AllocationRatio;
import org.oligotrial.randomization.ImbalanceMeasure;
import org.oligotrial.randomization.MethodParameters;
import org.oligotrial.randomization.RandomizationScheme;
import org.oligotrial.randomization.StratificationFactor;

/** Metrics on cohorts small enough to work by hand; each result holds for any random stream. */
class SimulationRunTest {

  private static final StratificationFactor F = StratificationFactor.of("f", "a", "b");
  private static final AllocationRatio ONE_TO_ONE = AllocationRatio.equal("A", "B");

  private static SimulationRun run(MethodParameters method, int[][] cohort, long seed) {
    SimulationRun r = new SimulationRun(new RandomizationScheme(List.of(F), ONE_TO_ONE, method));
    r.run(cohort, cohort.length, new SplittableRandom(seed));
    return r;
  }

  @Test
  void threeParticipantsInOneStratumWithBlocksOfTwo() {
    for (long seed = 0; seed < 20; seed++) {
      SimulationRun r = run(new MethodParameters.PermutedBlocks(List.of(2)), new int[][] {{0}, {0}, {0}}, seed);
      // block 1 = (x, y), block 2 starts: arms 2 and 1 -> |A-B| = 1, also within level a
      assertThat(r.overallImbalance()).isEqualTo(1);
      assertThat(r.worstLevelImbalance()).isEqualTo(1);
      // one stratum used, its last block holds 1 of 2 -> share 1
      assertThat(r.incompleteBlockShare()).isEqualTo(1);
      // guesses: block start is a tie (1/2), second position is forced (1), new block start a tie (1/2) -> 2 of 3
      assertThat(r.correctGuesses()).isEqualTo(2.0);
    }
  }

  @Test
  void fourParticipantsFillingTwoStrataLeaveNoIncompleteBlock() {
    SimulationRun r = run(new MethodParameters.PermutedBlocks(List.of(2)), new int[][] {{0}, {1}, {0}, {1}}, 3);
    assertThat(r.incompleteBlockShare()).isZero();
    assertThat(r.overallImbalance()).isZero();
    assertThat(r.worstLevelImbalance()).isZero();
    assertThat(r.correctGuesses()).isEqualTo(0.5 + 0.5 + 1 + 1);
  }

  @Test
  void oneParticipantInEachStratumLeavesBothBlocksIncomplete() {
    SimulationRun r = run(new MethodParameters.PermutedBlocks(List.of(2)), new int[][] {{0}, {1}}, 5);
    assertThat(r.incompleteBlockShare()).isEqualTo(1);
    assertThat(r.correctGuesses()).isEqualTo(1.0);
  }

  @Test
  void deterministicMinimizationAlternatesWithinEachLevel() {
    for (long seed = 0; seed < 20; seed++) {
      SimulationRun r = run(new MethodParameters.Minimization(List.of(1.0), ImbalanceMeasure.RANGE, 1.0),
          new int[][] {{0}, {0}, {1}, {1}}, seed);
      // level a: tie then forced; level b: tie then forced -> balanced everywhere
      assertThat(r.overallImbalance()).isZero();
      assertThat(r.worstLevelImbalance()).isZero();
      assertThat(r.incompleteBlockShare()).isNaN();
      assertThat(r.correctGuesses()).isEqualTo(0.5 + 1 + 0.5 + 1);
    }
  }

  @Test
  void simpleRandomizationIsGuessedHalfTheTimeExactlyForOneToOne() {
    int[][] cohort = new int[100][1];
    SimulationRun r = run(new MethodParameters.Simple(), cohort, 9);
    assertThat(r.correctGuesses()).isEqualTo(50.0);
  }

  @Test
  void levelsAreDrawnByCumulativeProbability() {
    double[] p = {0.3, 0.7};
    assertThat(TrialSimulation.drawLevel(p, 0.0)).isZero();
    assertThat(TrialSimulation.drawLevel(p, 0.2999)).isZero();
    assertThat(TrialSimulation.drawLevel(p, 0.3)).isEqualTo(1);
    assertThat(TrialSimulation.drawLevel(p, 0.9999)).isEqualTo(1);
  }

  @Test
  void distributionUsesNearestRankPercentile() {
    double[] v = new double[20];
    for (int i = 0; i < 20; i++) {
      v[19 - i] = i + 1;
    }
    assertThat(Distribution.of(v)).isEqualTo(new Distribution(10.5, 19, 20));
    assertThat(Distribution.of(new double[] {4})).isEqualTo(new Distribution(4, 4, 4));
  }
}
