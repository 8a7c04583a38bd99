package org.oligotrial.design;

import java.util.List;

/**
 * A computed group-sequential design (see {@link GroupSequentialBoundaries}). Immutable.
 *
 * @param spec what was asked
 * @param stages the looks in order
 * @param drift the drift \( \delta \): the mean of the final z statistic under the alternative, at which the design
 *     has its power
 * @param inflationFactor the maximum information relative to that of the fixed design with the same alpha and power:
 *     \( (\delta / (z_{1-\alpha/s} + z_{1-\beta}))^2 \)
 * @param expectedInformationH0 the expected information at stopping under H0, relative to the fixed design, the
 *     futility bounds obeyed
 * @param expectedInformationH1 the same under the alternative
 * @param power the overall power (equal to the one asked, to the root finder's precision)
 */
public record GroupSequentialDesign(
    GroupSequentialSpec spec, List<Stage> stages, double drift, double inflationFactor, double expectedInformationH0,
    double expectedInformationH1, double power) {

  public GroupSequentialDesign {
    stages = List.copyOf(stages);
  }

  /**
   * One look.
   *
   * @param informationRate its information rate
   * @param criticalZ the efficacy bound (for two sides, of |z|); {@code +Infinity} when nothing is spent there
   * @param nominalP the one-sided nominal significance level {@code 1 - Phi(criticalZ)} (rpact {@code stageLevels})
   * @param cumulativeAlpha the type I error spent up to this look (rpact {@code alphaSpent})
   * @param cumulativePower the probability to have rejected by this look under the alternative
   * @param futilityZ the futility bound, {@code NaN} when there is none (at the last look of a design with futility
   *     it equals {@code criticalZ})
   * @param rejectH0 the probability to stop for efficacy at this look under H0 (futility bounds obeyed)
   * @param futilityH0 the probability to stop for futility at this interim look under H0 (0 at the last look, where
   *     not rejecting is the end of the trial; rpact's {@code futilityProbabilities} likewise has K - 1 values)
   * @param rejectH1 the probability to stop for efficacy at this look under the alternative (for two sides, either
   *     side)
   * @param futilityH1 the probability to stop for futility at this interim look under the alternative
   */
  public record Stage(
      double informationRate, double criticalZ, double nominalP, double cumulativeAlpha, double cumulativePower,
      double futilityZ, double rejectH0, double futilityH0, double rejectH1, double futilityH1) {}
}
