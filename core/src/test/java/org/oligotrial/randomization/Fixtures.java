package org.oligotrial.randomization;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared test inputs: random participants on the trial's factors and a helper to randomize a whole cohort. */
final class Fixtures {
  private Fixtures() {}

  static List<ParticipantFactors> participants(RandomizationScheme scheme, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<ParticipantFactors> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] idx = new int[scheme.factors().size()];
      for (int f = 0; f < idx.length; f++) {
        idx[f] = rnd.nextInt(scheme.factors().get(f).levels().size());
      }
      out.add(scheme.participant(idx));
    }
    return out;
  }

  static List<AllocationStep> randomizeAll(Randomizer r, List<ParticipantFactors> participants) {
    RandomizationState state = RandomizationState.empty(r.scheme().ratio().armCount());
    List<AllocationStep> steps = new ArrayList<>();
    for (ParticipantFactors p : participants) {
      AllocationStep step = r.allocate(state, p);
      steps.add(step);
      state = step.state();
    }
    return steps;
  }

  static List<Allocation> allocations(List<AllocationStep> steps) {
    return steps.stream().map(AllocationStep::allocation).toList();
  }
}
