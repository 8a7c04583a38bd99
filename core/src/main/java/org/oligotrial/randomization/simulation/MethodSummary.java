package org.oligotrial.randomization.simulation;

import java.util.List;

/**
 * What the simulation measured for one method.
 *
 * @param method the method's name
 * @param parameters the method's parameters in words
 * @param overallImbalance the trial-wide imbalance at the end of each run: the range over arms of {@code n_k / r_k}
 *     ({@code |n_A - n_B|} for 1:1)
 * @param worstLevelImbalance the largest such imbalance within any single factor level at the end of each run
 * @param incompleteBlockShare blocks only (else {@code null}): among the strata that received at least one
 *     participant, the share whose last block is not full at the end of the run
 * @param correctGuessRate the share of allocations a site that knows all past allocations guesses right, mean over
 *     runs (see {@link TrialSimulation} for each method's guessing rule)
 * @param arms per arm, the mean number allocated per run and the share of all allocations (to compare with the
 *     ratio's {@code r_k / R})
 * @param levels per factor level, the same within the level (the balance inside each stratum of each factor)
 */
public record MethodSummary(
    String method, String parameters, Distribution overallImbalance, Distribution worstLevelImbalance,
    Distribution incompleteBlockShare, double correctGuessRate, List<ArmShare> arms, List<LevelBalance> levels) {

  public MethodSummary {
    arms = arms == null ? List.of() : List.copyOf(arms);
    levels = levels == null ? List.of() : List.copyOf(levels);
  }

  /**
   * One arm's allocations.
   *
   * @param arm the arm's id
   * @param target the ratio's share {@code r_k / R}
   * @param meanCount allocations per run, mean over runs
   * @param share allocations to the arm / all allocations, over all runs
   */
  public record ArmShare(String arm, double target, double meanCount, double share) {}

  /**
   * The allocations within one factor level.
   *
   * @param factor the factor's id
   * @param level the level's code
   * @param meanCount participants with the level per run, mean over runs
   * @param arms the arms' shares within the level
   */
  public record LevelBalance(String factor, String level, double meanCount, List<ArmShare> arms) {
    public LevelBalance {
      arms = List.copyOf(arms);
    }
  }
}
