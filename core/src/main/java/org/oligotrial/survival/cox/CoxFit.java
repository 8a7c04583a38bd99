package org.oligotrial.survival.cox;

import java.util.List;

/**
 * The result of {@link CoxModel#fit}: what {@code summary(coxph(...))} reports. Immutable.
 *
 * @param n the number of subjects used
 * @param events the number of events
 * @param ties the handling of tied event times
 * @param coefficients one per covariate column, in the order given
 * @param logLikNull the log partial likelihood at {@code beta = 0}
 * @param logLik the log partial likelihood at the estimate
 * @param likelihoodRatio {@code 2 (logLik - logLikNull)} on the number of estimated coefficients
 * @param wald {@code b' V^{-1} b} over the estimated coefficients (R's {@code wald.test}; {@code summary} prints it
 *     rounded to 2 decimals, this is unrounded)
 * @param score the score (log-rank) test at {@code beta = 0}: {@code U(0)' I(0)^{-1} U(0)}
 * @param concordance Harrell's concordance of the linear predictor, within strata
 * @param iterations Newton-Raphson iterations used
 * @param converged false when the iteration limit was reached first
 * @param warnings plain-language warnings (non-convergence, possibly infinite or aliased coefficients), empty if none
 * @param variance the estimated covariance matrix of the coefficients, in the order of {@code coefficients} (rows and
 *     columns of aliased coefficients are 0)
 */
public record CoxFit(
    int n, int events, Ties ties, List<CoxCoefficient> coefficients, double logLikNull, double logLik,
    ChiSquareTest likelihoodRatio, ChiSquareTest wald, ChiSquareTest score, Concordance concordance, int iterations,
    boolean converged, List<String> warnings, double[][] variance) {

  public CoxFit {
    coefficients = List.copyOf(coefficients);
    warnings = List.copyOf(warnings);
    variance = copy(variance);
  }

  /** A copy of the covariance matrix. */
  @Override
  public double[][] variance() {
    return copy(variance);
  }

  /** The coefficient with this name. */
  public CoxCoefficient coefficient(String name) {
    return coefficients.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no coefficient named '" + name + "'"));
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
