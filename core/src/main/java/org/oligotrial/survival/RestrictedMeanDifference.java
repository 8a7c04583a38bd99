package org.oligotrial.survival;

/**
 * The difference of the restricted mean survival times of two groups, {@code second - first}.
 *
 * @param first the label of the reference group
 * @param second the label of the compared group
 * @param difference {@code rmst(second) - rmst(first)}, in the unit of the data
 * @param se \(\sqrt{se_1^2 + se_2^2}\) (independent groups)
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 * @param p the two-sided p-value of the Wald test of no difference
 */
public record RestrictedMeanDifference(
    String first, String second, double difference, double se, double lower, double upper, double p) {}
