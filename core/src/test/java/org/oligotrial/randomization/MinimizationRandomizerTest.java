package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimizationRandomizerTest {

  private static RandomizationScheme trial(double p) {
    return Nct03119519.scheme(MethodParameters.Minimization.equalWeights(5, p));
  }

  /** G(arm) for 1:1 with the range measure and equal weights, computed from the state independently of the rule. */
  private static int g(RandomizationScheme scheme, RandomizationState state, ParticipantFactors p, int arm) {
    int sum = 0;
    int[] idx = scheme.levelIndices(p);
    for (int f = 0; f < idx.length; f++) {
      String key = scheme.levelKey(f, idx[f]);
      int a = state.levelCount(key, 0) + (arm == 0 ? 1 : 0);
      int b = state.levelCount(key, 1) + (arm == 1 ? 1 : 0);
      sum += Math.abs(a - b);
    }
    return sum;
  }

  @Test
  void withPEqualToOneEveryAllocationGoesToAMinimizingArm() {
    RandomizationScheme scheme = trial(1.0);
    for (long t = 0; t < 10; t++) {
      Randomizer r = Randomizers.create(scheme, SecretSeed.derivedFrom("p1 " + t));
      RandomizationState state = RandomizationState.empty(2);
      for (ParticipantFactors p : Fixtures.participants(scheme, 148, t)) {
        AllocationStep step = r.allocate(state, p);
        int chosen = step.allocation().armIndex();
        assertThat(g(scheme, state, p, chosen)).isLessThanOrEqualTo(g(scheme, state, p, 1 - chosen));
        state = step.state();
      }
      assertThat(Math.abs(state.armTotals().get(0) - state.armTotals().get(1))).isLessThanOrEqualTo(1 + 5);
    }
  }

  @Test
  void withPEqualToPointEightTheMinimizingArmIsChosenAboutFourTimesInFive() {
    RandomizationScheme scheme = trial(0.8);
    int decided = 0;
    int minimizing = 0;
    for (long t = 0; t < 20; t++) {
      for (AllocationStep s : Fixtures.randomizeAll(Randomizers.create(scheme, SecretSeed.derivedFrom("p08 " + t)),
          Fixtures.participants(scheme, 148, 100 + t))) {
        AllocationBasis.MinimizationScores m = (AllocationBasis.MinimizationScores) s.allocation().basis();
        if (m.minimizingArms().size() == 1) {
          decided++;
          minimizing += m.minimizingArms().contains(s.allocation().arm()) ? 1 : 0;
        }
      }
    }
    // binomial: sd = sqrt(0.8*0.2/decided) < 0.01 for decided > 1600; tolerance about 4 sd
    assertThat(decided).isGreaterThan(1600);
    assertThat((double) minimizing / decided).isCloseTo(0.8, within(0.04));
  }

  @Test
  void tiedFirstAllocationsSplitEvenlyAcrossSeeds() {
    RandomizationScheme scheme = trial(0.8);
    ParticipantFactors p = scheme.participant(new int[5]);
    int toFirst = 0;
    int n = 2000;
    for (int i = 0; i < n; i++) {
      AllocationStep s = Randomizers.create(scheme, SecretSeed.derivedFrom("tie " + i)).allocate(RandomizationState.empty(2), p);
      assertThat(((AllocationBasis.MinimizationScores) s.allocation().basis()).minimizingArms()).hasSize(2);
      toFirst += s.allocation().armIndex() == 0 ? 1 : 0;
    }
    // binomial(2000, 0.5): sd 22.4; tolerance about 4.5 sd
    assertThat(toFirst).isBetween(900, 1100);
  }

  @Test
  void replayReproducesEveryArmWithTheSeedAndFromTheRecordedDrawsAlone() {
    RandomizationScheme scheme = trial(0.8);
    SecretSeed seed = SecretSeed.derivedFrom("replay");
    List<Allocation> log = Fixtures.allocations(Fixtures.randomizeAll(Randomizers.create(scheme, seed),
        Fixtures.participants(scheme, 148, 11)));
    assertThat(AllocationReplay.withSeed(Randomizers.create(scheme, seed), log).reproduced()).isTrue();
    AllocationReplay.Report byDraws = AllocationReplay.fromRecordedDraws(scheme, log);
    assertThat(byDraws.reproduced()).isTrue();
    assertThat(byDraws.checked()).isEqualTo(148);
  }

  @Test
  void aTamperedArmIsCaughtByTheReplay() {
    RandomizationScheme scheme = trial(0.8);
    SecretSeed seed = SecretSeed.derivedFrom("tamper");
    List<Allocation> log = new ArrayList<>(Fixtures.allocations(Fixtures.randomizeAll(Randomizers.create(scheme, seed),
        Fixtures.participants(scheme, 30, 12))));
    Allocation a = log.get(9);
    log.set(9, new Allocation(a.sequence(), a.factors(), a.stratumKey(), a.method(), 1 - a.armIndex(),
        scheme.ratio().arms().get(1 - a.armIndex()), a.basis()));
    AllocationReplay.Report report = AllocationReplay.fromRecordedDraws(scheme, log);
    assertThat(report.reproduced()).isFalse();
    assertThat(report.mismatches().get(0)).startsWith("#10:");
    assertThat(AllocationReplay.withSeed(Randomizers.create(scheme, seed), log).mismatches().get(0)).startsWith("#10:");
  }

  @Test
  void theSameStateAndParticipantGiveTheSameAllocation() {
    RandomizationScheme scheme = trial(0.8);
    Randomizer r = Randomizers.create(scheme, SecretSeed.derivedFrom("pure"));
    List<AllocationStep> steps = Fixtures.randomizeAll(r, Fixtures.participants(scheme, 50, 5));
    RandomizationState before = steps.get(48).state();
    ParticipantFactors p = steps.get(49).allocation().factors();
    assertThat(r.allocate(before, p)).isEqualTo(r.allocate(before, p)).isEqualTo(steps.get(49));
  }

  @Test
  void twoToOneMinimizationKeepsTheLongRunProportionNearTwoThirds() {
    RandomizationScheme scheme = new RandomizationScheme(Nct03119519.FACTORS,
        AllocationRatio.parse("2:1", List.of("RT+", "RT-")), MethodParameters.Minimization.equalWeights(5, 0.8));
    List<AllocationStep> steps = Fixtures.randomizeAll(Randomizers.create(scheme, SecretSeed.derivedFrom("2:1")),
        Fixtures.participants(scheme, 3000, 21));
    double share = steps.get(steps.size() - 1).state().armTotals().get(0) / 3000.0;
    // minimization keeps marginal counts near the ratio; tolerance 0.02 (binomial sd would be 0.0086)
    assertThat(share).isCloseTo(2.0 / 3, within(0.02));
  }

  @Test
  void explanationNamesScoresDrawAndArm() {
    RandomizationScheme scheme = trial(0.8);
    Allocation a = Randomizers.create(scheme, SecretSeed.derivedFrom("explain"))
        .allocate(RandomizationState.empty(2), scheme.participant(new int[5])).allocation();
    assertThat(a.explain()).startsWith("#1 RT").contains("minimization", "all arms tied", "draw u=");
  }
}
