package org.oligotrial.survival;

import java.util.Arrays;

/**
 * Treats follow-up times that differ only by floating-point noise as tied, exactly as R's {@code aeqSurv}, which
 * {@code survfit}, {@code survdiff} and {@code coxph} apply by default ({@code timefix = TRUE}). Without it, times
 * such as {@code 0.1 + 0.2} and {@code 0.3} would count as two distinct times.
 *
 * <p>Rule: let \(y_1 < \dots < y_m\) be the distinct times. The gap \(y_{j+1} - y_j\) is a tie when
 * \(y_{j+1} - y_j \le \epsilon\) or \((y_{j+1} - y_j) / \bar{|y|} \le \epsilon\), with \(\epsilon = \sqrt{2^{-52}}\)
 * and \(\bar{|y|}\) the mean of the distinct absolute times. The cut points are \(y_1\) and every \(y_{j+1}\) whose gap
 * is not a tie; each time is replaced by the largest cut point not above it. Integer-valued day counts below about
 * \(6 \times 10^7\) are never changed.
 *
 * <p>Thread-safe (stateless); arguments are not modified.
 *
 * <p>References:
 *
 * <ol>
 *   <li>Therneau T. A package for survival analysis in R, vignette "Roundoff error and tied times". survival 3.x,
 *       CRAN; 2022. https://CRAN.R-project.org/package=survival
 * </ol>
 */
public final class AlmostEqualTimes {

  /** R's default tolerance, {@code sqrt(.Machine$double.eps)}. */
  public static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private AlmostEqualTimes() {}

  /**
   * The times with near-ties merged; the same array instance when there are none.
   *
   * @throws NullPointerException when {@code times} is null
   */
  public static double[] apply(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    double[] cuts = cuts(sorted);
    if (cuts == null) {
      return times;
    }
    double[] out = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      out[i] = cutBelow(cuts, times[i]);
    }
    return out;
  }

  /**
   * The cut points for sorted finite times (duplicates allowed), or null when no two distinct times are nearly
   * equal.
   */
  static double[] cuts(double[] sorted) {
    int n = sorted.length;
    if (n < 2) {
      return null;
    }
    // distinct values and the mean of their absolute values
    double[] y = new double[n];
    int m = 0;
    double sumAbs = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || sorted[i] != y[m - 1]) {
        y[m++] = sorted[i];
        sumAbs += Math.abs(sorted[i]);
      }
    }
    double meanAbs = sumAbs / m;
    boolean any = false;
    boolean[] tied = new boolean[m];
    for (int j = 1; j < m; j++) {
      double dy = y[j] - y[j - 1];
      if (dy <= TOLERANCE || dy / meanAbs <= TOLERANCE) {
        tied[j] = true;
        any = true;
      }
    }
    if (!any) {
      return null;
    }
    int c = 0;
    double[] cuts = new double[m];
    for (int j = 0; j < m; j++) {
      if (!tied[j]) {
        cuts[c++] = y[j];
      }
    }
    return Arrays.copyOf(cuts, c);
  }

  /** The largest cut point not above {@code t} ({@code findInterval}); {@code t} is never below the first cut. */
  static double cutBelow(double[] cuts, double t) {
    int k = Arrays.binarySearch(cuts, t);
    return k >= 0 ? cuts[k] : cuts[-k - 2];
  }

  /** Maps sorted times to their cut points in place, in one pass. */
  static void mapSorted(double[] sorted, double[] cuts) {
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      double t = sorted[i];
      while (k + 1 < cuts.length && cuts[k + 1] <= t) {
        k++;
      }
      sorted[i] = cuts[k];
    }
  }
}
