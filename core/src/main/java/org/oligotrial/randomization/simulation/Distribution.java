package org.oligotrial.randomization.simulation;

import java.util.Arrays;

/**
 * Mean, 95th percentile and maximum of a metric over the simulated runs.
 *
 * @param mean arithmetic mean
 * @param p95 95th percentile by the nearest-rank method: the {@code ceil(0.95 n)}-th smallest value
 * @param max the largest value
 */
public record Distribution(double mean, double p95, double max) {

  /** The distribution of {@code values} (not modified); {@code values} must not be empty. */
  public static Distribution of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    int rank = (int) Math.ceil(0.95 * sorted.length);
    return new Distribution(sum / sorted.length, sorted[Math.max(0, rank - 1)], sorted[sorted.length - 1]);
  }
}
