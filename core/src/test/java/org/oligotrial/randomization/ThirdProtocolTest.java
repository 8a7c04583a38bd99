package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.randomization.simulation.MethodSummary;
import org.oligotrial.randomization.simulation.TrialSimulation;

/**
 * A protocol resembling neither real trial (test resource three-arms.yaml: arms high-dose, low-dose, observation at
 * 2:1:1; factors cell_type and ps of three levels each; minimization with the variance measure and p = 0.75) is
 * randomized by the same code, which therefore holds nothing of NCT03119519 (two arms, 1:1, five two-level factors)
 * or SABR-COMET (two arms, 1:2, one factor).
 *
 * <p>Bounds. Target shares are r_k / R = 2/4, 1/4, 1/4. Under simple (unrestricted) randomization the count of arm k
 * among N allocations is Binomial(N, r_k / R), standard deviation sqrt(N p (1 - p)): for N = 400 that is 10.0 for
 * the 1/2 arm and 8.66 for the 1/4 arms. Minimization and permuted blocks restrict the imbalance further, so a
 * deviation beyond 3 standard deviations of simple randomization (30 and 26) would be a failure of the method (the
 * chance of it even without restriction is below 0.3 %). The runs are seeded, so the test replays exactly.
 */
class ThirdProtocolTest {
  private static final Protocol THREE = TestProtocols.threeArms();

  @Test
  void minimizationAllocatesTwoToOneToOneWithinThreeStandardDeviations() {
    RandomizationScheme scheme = ProtocolRandomization.scheme(THREE);
    int n = 400;
    List<AllocationStep> steps = Fixtures.randomizeAll(Randomizers.create(scheme, SecretSeed.derivedFrom("three 1")),
        Fixtures.participants(scheme, n, 7));
    RandomizationState end = steps.get(steps.size() - 1).state();
    double[] target = {0.5, 0.25, 0.25};
    double[] threeSd = {3 * Math.sqrt(n * 0.5 * 0.5), 3 * Math.sqrt(n * 0.25 * 0.75), 3 * Math.sqrt(n * 0.25 * 0.75)};
    for (int k = 0; k < 3; k++) {
      assertThat((double) end.armTotals().get(k)).as(scheme.ratio().arms().get(k))
          .isCloseTo(n * target[k], org.assertj.core.data.Offset.offset(threeSd[k]));
    }
    // minimization with p = 0.75 keeps the ratio-adjusted counts n_k / r_k close: far tighter than 3 SD
    double[] adjusted = {end.armTotals().get(0) / 2.0, end.armTotals().get(1) / 1.0, end.armTotals().get(2) / 1.0};
    assertThat(ImbalanceMeasure.RANGE.of(adjusted)).isLessThanOrEqualTo(5);
    // every one of the six factor levels (about 133 participants each) is balanced too: 3 SD of the 1/2 arm in
    // Binomial(133, 1/2) is 3 * 5.8 = 17
    for (int f = 0; f < 2; f++) {
      for (int l = 0; l < 3; l++) {
        String key = scheme.levelKey(f, l);
        int total = 0;
        for (int k = 0; k < 3; k++) {
          total += end.levelCount(key, k);
        }
        assertThat((double) end.levelCount(key, 0)).as(key).isCloseTo(total / 2.0,
            org.assertj.core.data.Offset.offset(3 * Math.sqrt(total * 0.25)));
      }
    }
  }

  @Test
  void theAlternativePermutedBlocksKeepEveryStratumWithinOneBlockOfTheRatio() {
    RandomizationScheme scheme = ProtocolRandomization.scheme(THREE, THREE.randomization().alternativeMethod());
    assertThat(scheme.method()).isEqualTo(new MethodParameters.PermutedBlocks(List.of(4, 8)));
    List<AllocationStep> steps = Fixtures.randomizeAll(Randomizers.create(scheme, SecretSeed.derivedFrom("three 2")),
        Fixtures.participants(scheme, 300, 11));
    RandomizationState end = steps.get(steps.size() - 1).state();
    // within a stratum, after each complete block the counts are exactly 2:1:1 (block size 4 or 8); an open block
    // of at most 8 can add at most 4, 2 and 2 to the arms beyond the exact ratio of the complete blocks
    for (String stratum : scheme.allStrata()) {
      int total = end.stratumTotal(stratum);
      for (int k = 0; k < 3; k++) {
        double expected = total * scheme.ratio().weights().get(k) / 4.0;
        assertThat((double) end.stratumCount(stratum, k)).as(stratum + " arm " + k)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(8 * scheme.ratio().weights().get(k) / 4.0));
      }
    }
  }

  @Test
  void theSimulationShowsTheSharesOfEachArmAndLevel() {
    // 200 runs x 400 = 80,000 allocations: the share of a 1/4 arm has SD sqrt(0.25 * 0.75 / 80000) = 0.0015 even
    // unrestricted, so 0.01 is over 6 SD
    List<MethodSummary> s = TrialSimulation.run(List.of(ProtocolRandomization.scheme(THREE),
        ProtocolRandomization.scheme(THREE, "simple")), new double[][] {{0.2, 0.5, 0.3}, {1 / 3.0, 1 / 3.0, 1 / 3.0}},
        400, 200, 5);
    for (MethodSummary m : s) {
      assertThat(m.arms()).extracting(MethodSummary.ArmShare::arm)
          .containsExactly("high-dose", "low-dose", "observation");
      assertThat(m.arms()).extracting(MethodSummary.ArmShare::target).containsExactly(0.5, 0.25, 0.25);
      for (MethodSummary.ArmShare a : m.arms()) {
        assertThat(a.share()).as(m.method() + " " + a.arm()).isCloseTo(a.target(),
            org.assertj.core.data.Offset.offset(0.01));
      }
      // six level rows; level prevalences as drawn: cell_type=sq 0.2 of 400 = 80 per run (SD of the mean over 200
      // runs sqrt(400 * 0.2 * 0.8 / 200) = 0.57)
      assertThat(m.levels()).hasSize(6);
      assertThat(m.levels().get(0).factor()).isEqualTo("cell_type");
      assertThat(m.levels().get(0).level()).isEqualTo("sq");
      assertThat(m.levels().get(0).meanCount()).isCloseTo(80, org.assertj.core.data.Offset.offset(3.0));
    }
  }

  @Test
  void sabrCometsOneToTwoShowsInTheSimulation() {
    Protocol sabr = TestProtocols.sabrCometLike();
    // 99 patients as SABR-COMET; 500 runs = 49,500 allocations: SD of the 1/3 share sqrt(2/9 / 49500) = 0.0021
    MethodSummary m = TrialSimulation.run(List.of(ProtocolRandomization.scheme(sabr)), new double[][] {{0.5, 0.5}},
        99, 500, 3).get(0);
    assertThat(m.arms()).extracting(MethodSummary.ArmShare::arm).containsExactly("SOC", "SOC+SABR");
    assertThat(m.arms().get(0).share()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(m.arms().get(1).share()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(m.levels()).extracting(MethodSummary.LevelBalance::level).containsExactly("1-3", "4-5");
  }
}
