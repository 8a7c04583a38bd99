package org.oligotrial.survival;

/**
 * The median survival time with its confidence interval, read off the Kaplan-Meier curve and its confidence band
 * exactly as R's {@code print.survfit} (function {@code survmean}).
 *
 * <p>Rule, applied to a step curve \(y\) at times \(t\): keep the times where \(y\) is defined and
 * \(y < 0.5 + \epsilon\) (\(\epsilon = \sqrt{2^{-52}}\)); if none, the median is not reached (NaN). Otherwise, if the
 * first kept \(y\) equals 0.5 (within \(\epsilon\)) and the curve later drops below it, the median is the midpoint
 * between that time and the first time the curve is lower; else it is the first kept time. The estimate applies it to
 * \(S\); the lower limit to the lower band (which reaches 0.5 first), the upper limit to the upper band.
 *
 * <p>References:
 *
 * <ol>
 *   <li>Brookmeyer R, Crowley J. A confidence interval for the median survival time. Biometrics 1982;38:29-41.
 *       doi:10.2307/2530286
 *   <li>Therneau T. survival: Survival Analysis, R package 3.5-3, function {@code print.survfit}; CRAN 2023.
 * </ol>
 *
 * @param estimate the median survival time in the unit of the data; NaN when not reached
 * @param lower the lower confidence limit; NaN when not reached
 * @param upper the upper confidence limit; NaN when not reached (common: the lower band stays above 0.5)
 */
public record MedianSurvival(double estimate, double lower, double upper) {

  private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  /** Whether the median was reached. */
  public boolean reached() {
    return !Double.isNaN(estimate);
  }

  /** The median of the curve and its band. */
  static MedianSurvival of(double[] time, double[] survival, double[] lower, double[] upper) {
    return new MedianSurvival(minmin(survival, time), minmin(lower, time), minmin(upper, time));
  }

  /** R's {@code minmin(y, x)} in {@code survmean}. */
  static double minmin(double[] y, double[] x) {
    int first = -1;
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(y[i]) && y[i] < 0.5 + TOLERANCE) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return Double.NaN;
    }
    double y1 = y[first];
    if (Math.abs(y1 - 0.5) < TOLERANCE) {
      for (int i = first + 1; i < y.length; i++) {
        if (!Double.isNaN(y[i]) && y[i] < y1) { // among the kept values: defined and below 0.5 + eps
          return (x[first] + x[i]) / 2;
        }
      }
    }
    return x[first];
  }
}
