package org.oligotrial.survival;

import java.util.List;

/**
 * The result of a (stratified) log-rank test.
 *
 * @param chisq the chi-square statistic
 * @param df the degrees of freedom: the number of groups with a positive expected count, minus one
 * @param p the upper-tail chi-square probability of {@code chisq}
 * @param groups one line per group in level order
 * @param variance the variance-covariance matrix of observed minus expected ({@code survdiff}'s {@code var}); a copy
 *     is returned
 * @param strata the number of strata (1 when unstratified)
 */
public record LogRankResult(double chisq, int df, double p, List<LogRankGroup> groups, double[][] variance,
    int strata) {

  public LogRankResult {
    groups = List.copyOf(groups);
    variance = copy(variance);
  }

  @Override
  public double[][] variance() {
    return copy(variance);
  }

  private static double[][] copy(double[][] v) {
    double[][] c = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      c[i] = v[i].clone();
    }
    return c;
  }
}
