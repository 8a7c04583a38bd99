/**
 * Monte Carlo comparison of randomization methods on a trial's factors: many simulated cohorts, each randomized by
 * every method with the same allocation rules as the live randomizers ({@link
 * org.oligotrial.randomization.PermutedBlock}, {@link org.oligotrial.randomization.MinimizationRule}), reporting
 * balance, unfinished blocks and how often a site could guess the next arm.
 */
package org.oligotrial.randomization.simulation;
