package org.oligotrial.survival.cox;

/**
 * Settings of a Cox fit. The defaults are those of R's {@code coxph.control()}: convergence when the relative change
 * in the log partial likelihood is at most {@code 1e-9}, at most 20 Newton-Raphson iterations, Cholesky tolerance
 * {@code .Machine$double.eps^0.75}, and {@code sqrt(eps)} as the tolerance for the infinite-coefficient warning.
 *
 * @param ties Efron or Breslow
 * @param maxIterations the largest number of Newton-Raphson iterations (at least 1)
 * @param eps the convergence criterion on {@code |1 - loglik_old / loglik_new|}
 * @param cholTolerance relative pivot size below which a covariate counts as collinear
 * @param infTolerance relative size of the remaining Newton step above which a coefficient is reported as possibly
 *     infinite
 */
public record CoxOptions(Ties ties, int maxIterations, double eps, double cholTolerance, double infTolerance) {

  public CoxOptions {
    if (ties == null) {
      throw new IllegalArgumentException("ties must be given (EFRON or BRESLOW)");
    }
    if (maxIterations < 1 || !(eps > 0) || !(cholTolerance > 0) || !(infTolerance > 0)) {
      throw new IllegalArgumentException("maxIterations must be >= 1 and the tolerances > 0");
    }
  }

  /** R's defaults with the given handling of ties. */
  public static CoxOptions of(Ties ties) {
    return new CoxOptions(ties, 20, 1e-9, Math.pow(Math.ulp(1.0), 0.75), Math.sqrt(1e-9));
  }

  /** R's defaults: Efron. */
  public static CoxOptions defaults() {
    return of(Ties.EFRON);
  }
}
