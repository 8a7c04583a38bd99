package org.oligotrial.randomization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks an allocation log. {@link #withSeed} replays every allocation with the randomizer from the recorded factor
 * levels, in order, and compares the whole allocation (arm, stratum, list position or draw and scores). {@link
 * #fromRecordedDraws} needs no seed: for minimization and simple randomization it recomputes each arm from the
 * recorded draw and the history before it. Stateless and thread-safe.
 */
public final class AllocationReplay {
  private AllocationReplay() {}

  /**
   * The outcome of a replay.
   *
   * @param checked allocations checked
   * @param mismatches one line per allocation that did not reproduce (empty when all did)
   */
  public record Report(int checked, List<String> mismatches) {
    public Report {
      mismatches = List.copyOf(mismatches);
    }

    /** Whether every allocation reproduced. */
    public boolean reproduced() {
      return mismatches.isEmpty();
    }
  }

  /** Replays {@code log} with {@code randomizer} (which holds the seed) from the empty state. */
  public static Report withSeed(Randomizer randomizer, List<Allocation> log) {
    Objects.requireNonNull(log, "log");
    RandomizationScheme scheme = randomizer.scheme();
    RandomizationState state = RandomizationState.empty(scheme.ratio().armCount());
    List<String> mismatches = new ArrayList<>();
    for (Allocation recorded : log) {
      AllocationStep step;
      try {
        step = randomizer.allocate(state, recorded.factors());
      } catch (IllegalArgumentException e) {
        mismatches.add("#" + recorded.sequence() + ": " + e.getMessage());
        break;
      }
      if (!step.allocation().equals(recorded)) {
        mismatches.add("#" + recorded.sequence() + ": recorded " + recorded.explain() + " but replay gives "
            + step.allocation().explain());
      }
      state = step.state();
    }
    return new Report(log.size(), mismatches);
  }

  /**
   * Recomputes each arm of a minimization or simple-randomization log from its recorded draw.
   *
   * @throws IllegalArgumentException when the scheme uses permuted blocks (their lists need the seed)
   */
  public static Report fromRecordedDraws(RandomizationScheme scheme, List<Allocation> log) {
    if (scheme.method() instanceof MethodParameters.PermutedBlocks) {
      throw new IllegalArgumentException("permuted block lists can only be checked with the seed");
    }
    RandomizationState state = RandomizationState.empty(scheme.ratio().armCount());
    List<String> mismatches = new ArrayList<>();
    for (Allocation recorded : log) {
      double draw;
      if (recorded.basis() instanceof AllocationBasis.MinimizationScores m) {
        draw = m.draw();
      } else if (recorded.basis() instanceof AllocationBasis.SimpleDraw s) {
        draw = s.draw();
      } else {
        mismatches.add("#" + recorded.sequence() + ": no recorded draw");
        break;
      }
      AllocationStep step;
      try {
        step = scheme.method() instanceof MethodParameters.Minimization
            ? MinimizationRandomizer.allocateWithDraw(scheme, state, recorded.factors(), draw)
            : SimpleRandomizer.allocateWithDraw(scheme, state, recorded.factors(), draw);
      } catch (IllegalArgumentException e) {
        mismatches.add("#" + recorded.sequence() + ": " + e.getMessage());
        break;
      }
      if (!step.allocation().equals(recorded)) {
        mismatches.add("#" + recorded.sequence() + ": recorded " + recorded.explain() + " but the draw gives "
            + step.allocation().explain());
      }
      state = step.state();
    }
    return new Report(log.size(), mismatches);
  }
}
