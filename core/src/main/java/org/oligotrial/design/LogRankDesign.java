package org.oligotrial.design;

/**
 * The assumptions of a two-arm trial with a time-to-event endpoint analysed by the log-rank test. Immutable;
 * validated on construction.
 *
 * @param hazardRatio the hazard ratio experimental : control to detect (positive, not 1)
 * @param alpha the significance level, in (0, 1); with {@code sides = 2} it is split between the two tails
 * @param sides 1 or 2
 * @param power the probability to reject when the hazard ratio is true, in (0, 1)
 * @param allocationRatio patients experimental : control (1 for 1:1), positive
 * @param controlMedianMonths the median time to event in the control arm (months, positive); event times are taken
 *     as exponential
 * @param accrualMonths the length of the accrual period (months, positive); accrual is uniform
 * @param followUpMonths the follow-up after the last patient is enrolled (months, non-negative); the analysis is at
 *     {@code accrual + followUp}
 */
public record LogRankDesign(
    double hazardRatio, double alpha, int sides, double power, double allocationRatio, double controlMedianMonths,
    double accrualMonths, double followUpMonths) {

  /**
   * @throws IllegalArgumentException naming the first value out of range
   */
  /** Smallest significance level taken. */
  public static final double MIN_ALPHA = 1e-6;

  public LogRankDesign {
    require(hazardRatio > 0 && hazardRatio != 1 && Double.isFinite(hazardRatio),
        "hazard ratio must be positive and not 1, got " + hazardRatio);
    // below 1e-6 the normal quantile of the inverse error function loses its digits; above 0.5 is no test
    require(alpha >= MIN_ALPHA && alpha <= 0.5, "alpha must be from 0.000001 to 0.5, got " + alpha);
    require(sides == 1 || sides == 2, "sides must be 1 or 2, got " + sides);
    require(power > 0 && power < 1, "power must be between 0 and 1, got " + power);
    require(sides == 1 ? power > alpha : power > alpha / 2, "power must exceed the significance level");
    require(allocationRatio > 0 && Double.isFinite(allocationRatio),
        "allocation ratio must be positive, got " + allocationRatio);
    require(controlMedianMonths > 0 && Double.isFinite(controlMedianMonths),
        "control median must be positive (months), got " + controlMedianMonths);
    require(accrualMonths > 0 && Double.isFinite(accrualMonths),
        "accrual period must be positive (months), got " + accrualMonths);
    require(followUpMonths >= 0 && Double.isFinite(followUpMonths),
        "follow-up must be non-negative (months), got " + followUpMonths);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The same assumptions with another hazard ratio. */
  public LogRankDesign withHazardRatio(double hr) {
    return new LogRankDesign(hr, alpha, sides, power, allocationRatio, controlMedianMonths, accrualMonths,
        followUpMonths);
  }
}
