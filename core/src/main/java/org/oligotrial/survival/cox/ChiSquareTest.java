package org.oligotrial.survival.cox;

import org.apache.commons.math3.special.Gamma;

/**
 * A chi-square test statistic with its degrees of freedom and upper-tail p-value.
 *
 * @param chisq the statistic
 * @param df degrees of freedom
 * @param p {@code P(X >= chisq)} for {@code X ~ chi^2(df)}, computed from the upper regularised gamma function so that
 *     small p-values keep their relative precision; NaN when the statistic is NaN, 0 when it is infinite
 */
public record ChiSquareTest(double chisq, int df, double p) {

  /** The test of {@code chisq} on {@code df} degrees of freedom. */
  public static ChiSquareTest of(double chisq, int df) {
    return new ChiSquareTest(chisq, df, upperTail(chisq, df));
  }

  /** {@code P(X >= x)} for {@code X ~ chi^2(df)}: {@code Q(df/2, x/2)}. */
  static double upperTail(double x, int df) {
    if (Double.isNaN(x) || df <= 0) {
      return Double.NaN;
    }
    if (x <= 0) {
      return 1;
    }
    if (Double.isInfinite(x)) {
      return 0; // the continued fraction of Q diverges at infinity
    }
    return Gamma.regularizedGammaQ(df / 2.0, x / 2.0, 1e-16, Integer.MAX_VALUE);
  }
}
