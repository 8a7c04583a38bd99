package org.oligotrial.survival.cox;

/**
 * One coefficient of a Cox model, as a row of {@code summary(coxph(...))}: the log hazard ratio, its hazard ratio,
 * standard error, Wald z and two-sided p, and the 95% Wald confidence interval of the hazard ratio
 * \( \exp(\hat\beta \pm z_{0.975}\,\mathrm{se}) \).
 *
 * <p>An aliased coefficient (its covariate is a linear combination of the others, R's {@code NA}) has every number
 * NaN.
 *
 * @param name the covariate name; for a dummy of a categorical column the column name followed by the level, as R
 *     names it (e.g. {@code sexmale})
 * @param coef the log hazard ratio per unit of the covariate
 * @param hazardRatio {@code exp(coef)}
 * @param se the standard error of {@code coef} (square root of the diagonal of the inverse information)
 * @param z {@code coef / se}
 * @param p the two-sided p-value {@code P(chi^2_1 >= z^2)}
 * @param lower lower 95% confidence limit of the hazard ratio
 * @param upper upper 95% confidence limit of the hazard ratio
 * @param aliased whether the coefficient could not be estimated (collinear covariate)
 */
public record CoxCoefficient(
    String name, double coef, double hazardRatio, double se, double z, double p, double lower, double upper,
    boolean aliased) {

  /** {@code qnorm(0.975)} as R computes it. */
  static final double Z975 = 1.959963984540054;

  static CoxCoefficient of(String name, double coef, double se) {
    double z = coef / se;
    return new CoxCoefficient(
        name, coef, Math.exp(coef), se, z, ChiSquareTest.upperTail(z * z, 1),
        Math.exp(coef - Z975 * se), Math.exp(coef + Z975 * se), false);
  }

  static CoxCoefficient aliased(String name) {
    double nan = Double.NaN;
    return new CoxCoefficient(name, nan, nan, nan, nan, nan, nan, nan, true);
  }
}
