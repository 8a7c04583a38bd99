package org.oligotrial.randomization;

/**
 * How Pocock-Simon minimization measures the imbalance of the ratio-adjusted arm counts {@code x_k = n_k / r_k}
 * within one factor level.
 *
 * <ul>
 *   <li>{@link #RANGE}: {@code max_k x_k - min_k x_k} (Pocock and Simon's range; for two arms and 1:1 it is {@code
 *       |n_A - n_B|}).
 *   <li>{@link #VARIANCE}: {@code sum_k (x_k - xbar)^2 / (K - 1)}, the sample variance of the adjusted counts.
 * </ul>
 *
 * <p>Both are zero exactly when the counts follow the ratio. Thread-safe (stateless).
 */
public enum ImbalanceMeasure {
  RANGE,
  VARIANCE;

  /** The measure of {@code x}, which must have at least two entries. */
  public double of(double[] x) {
    if (this == RANGE) {
      double min = x[0];
      double max = x[0];
      for (int k = 1; k < x.length; k++) {
        min = Math.min(min, x[k]);
        max = Math.max(max, x[k]);
      }
      return max - min;
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return ss / (x.length - 1);
  }
}
