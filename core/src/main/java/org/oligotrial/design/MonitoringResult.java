package org.oligotrial.design;

import java.util.List;

/**
 * The monitoring of a trial up to its latest look (see {@link InterimMonitoring}). Immutable.
 *
 * @param plan the plan
 * @param looks each observed look in order
 */
public record MonitoringResult(MonitoringPlan plan, List<Look> looks) {

  public MonitoringResult {
    looks = List.copyOf(looks);
  }

  /** The latest look. */
  public Look latest() {
    return looks.get(looks.size() - 1);
  }

  /** What the rule says at a look. */
  public enum Decision {
    /** Neither bound crossed before the final analysis. */
    CONTINUE,
    /** The efficacy bound is reached: stop and reject H0. */
    STOP_FOR_EFFICACY,
    /** The futility bound is reached (advice only when the bounds are non-binding). */
    STOP_FOR_FUTILITY,
    /** The final analysis did not reach the efficacy bound: H0 is not rejected. */
    FINAL_NOT_REJECTED
  }

  /**
   * One look.
   *
   * @param number 1 for the first look
   * @param events observed events
   * @param informationFraction events over the planned events (at most 1)
   * @param isFinal whether this look is the final analysis (the planned events or the planned number of looks
   *     reached): it spends all the alpha left
   * @param z the test statistic oriented so that large values favour the experimental arm
   * @param criticalZ the efficacy bound recomputed at the realised information (for two sides, of |z|)
   * @param futilityZ the futility bound at the realised information, {@code NaN} without futility
   * @param cumulativeAlpha the alpha spent up to this look
   * @param hazardRatio the hazard ratio estimate
   * @param rciLower the lower end of the repeated confidence interval of the hazard ratio (coverage
   *     1 - alpha for two sides, 1 - 2 alpha for one side, simultaneously over the looks)
   * @param rciUpper its upper end
   * @param conditionalPowerDesign the probability to cross an efficacy bound at a later planned look given this
   *     look's z, under the design's hazard ratio (futility ignored); {@code NaN} at the final analysis
   * @param conditionalPowerTrend the same under the current estimate of the effect
   * @param decision what the rule says
   */
  public record Look(int number, double events, double informationFraction, boolean isFinal, double z,
      double criticalZ, double futilityZ, double cumulativeAlpha, double hazardRatio, double rciLower,
      double rciUpper, double conditionalPowerDesign, double conditionalPowerTrend, Decision decision) {}
}
