package org.oligotrial.survival.cox;

import java.util.Arrays;

/**
 * Merges times that differ only by floating-point rounding, as R's {@code coxph} does by default
 * ({@code coxph.control(timefix = TRUE)}, survival's {@code aeqSurv}): among the sorted distinct times {@code y}, a
 * gap {@code y[k+1] - y[k]} at most {@code sqrt(machine epsilon)} (about 1.5e-8), absolutely or relative to the mean
 * of {@code |y|}, ties {@code y[k+1]} to {@code y[k]}; every time is replaced by the first time of its chain of tied
 * values. Times computed in different ways (e.g. {@code 0.1 + 0.2} and {@code 0.3}) thus count as tied.
 */
final class TimeFix {

  private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private TimeFix() {}

  /**
   * Applies the rule in place.
   *
   * @param time the times
   * @param sorted whether {@code time} is already in ascending order
   * @return whether any time changed
   */
  static boolean apply(double[] time, boolean sorted) {
    int n = time.length;
    double[] y = sorted ? time : time.clone();
    if (!sorted) {
      Arrays.sort(y);
    }
    // distinct values and their mean absolute value
    int m = 0;
    double sumAbs = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || y[i] != y[i - 1]) {
        m++;
        sumAbs += Math.abs(y[i]);
      }
    }
    double meanAbs = sumAbs / m;
    boolean anyTied = false;
    double previous = Double.NaN;
    for (int i = 0; i < n; i++) {
      if (i > 0 && y[i] != y[i - 1]) {
        double gap = y[i] - previous;
        if (gap <= TOLERANCE || gap / meanAbs <= TOLERANCE) {
          anyTied = true;
          break;
        }
      }
      previous = y[i];
    }
    if (!anyTied) {
      return false;
    }
    double[] distinct = new double[m];
    double[] cut = new double[m];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || y[i] != y[i - 1]) {
        distinct[k] = y[i];
        boolean tied = k > 0 && (y[i] - distinct[k - 1] <= TOLERANCE
            || (y[i] - distinct[k - 1]) / meanAbs <= TOLERANCE);
        cut[k] = tied ? cut[k - 1] : y[i];
        k++;
      }
    }
    for (int i = 0; i < n; i++) {
      time[i] = cut[Arrays.binarySearch(distinct, time[i])];
    }
    return true;
  }
}
