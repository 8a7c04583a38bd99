package org.oligotrial.randomization.simulation;

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
 */
public record MethodSummary(
    String method, String parameters, Distribution overallImbalance, Distribution worstLevelImbalance,
    Distribution incompleteBlockShare, double correctGuessRate) {}
