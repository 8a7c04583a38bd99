package org.oligotrial.design;

import java.util.ArrayList;
import java.util.List;

/**
 * What a group-sequential design is asked to be. Immutable; validated on construction.
 *
 * @param informationRates the information rates of the K looks, increasing, the last 1 (rpact
 *     {@code informationRates}); K from 1 to 20
 * @param alpha the significance level, from 1e-6 to 0.5; with {@code sides = 2} split between the tails
 * @param sides 1 (reject for large z) or 2 (reject for large |z|, symmetric bounds)
 * @param power the power wanted at the drift of the design, above alpha and below 1
 * @param efficacy how the efficacy bounds are found
 * @param futility the futility rule (one-sided designs only)
 * @param binding whether the efficacy bounds count on stopping at the futility bounds (binding) or are computed as
 *     if there were none (non-binding, as rpact's {@code bindingFutility = FALSE})
 */
public record GroupSequentialSpec(
    List<Double> informationRates, double alpha, int sides, double power, EfficacyBoundary efficacy,
    FutilityRule futility, boolean binding) {

  /** Most looks a design may have. */
  public static final int MAX_LOOKS = 20;

  /**
   * @throws IllegalArgumentException naming the first value out of range
   */
  public GroupSequentialSpec {
    require(informationRates != null && !informationRates.isEmpty(), "information rates are missing");
    informationRates = List.copyOf(informationRates);
    int k = informationRates.size();
    require(k <= MAX_LOOKS, "at most " + MAX_LOOKS + " looks, got " + k);
    double prev = 0;
    for (double t : informationRates) {
      require(t > prev && t <= 1, "information rates must increase from above 0 to 1, got " + informationRates);
      prev = t;
    }
    require(Math.abs(prev - 1) < 1e-12, "the last information rate must be 1, got " + prev);
    require(alpha >= 1e-6 && alpha <= 0.5, "alpha must be from 0.000001 to 0.5, got " + alpha);
    require(sides == 1 || sides == 2, "sides must be 1 or 2, got " + sides);
    require(power > alpha / sides && power < 1, "power must be above alpha and below 1, got " + power);
    require(efficacy != null, "the efficacy boundary is missing");
    require(futility != null, "the futility rule is missing (FutilityRule.None for none)");
    if (!(futility instanceof FutilityRule.None)) {
      require(sides == 1 || futility instanceof FutilityRule.BetaSpending, "a two-sided design takes its futility"
          + " bounds from beta spending (inner region |Z| < b, as rpact's getDesignGroupSequential(sided = 2,"
          + " typeBetaSpending = ...)); fixed futility z values are for one-sided designs only");
      require(k >= 2, "futility bounds need at least two looks");
    }
    if (futility instanceof FutilityRule.FixedZ f) {
      require(f.z().size() == k - 1, "futility z values: one for each of the " + (k - 1)
          + " interim looks, got " + f.z().size());
      for (double z : f.z()) {
        require(!Double.isNaN(z) && z < 38, "futility z values must be numbers below 38, got " + z);
      }
    }
    require(!binding || !(futility instanceof FutilityRule.None), "binding needs a futility rule");
  }

  /** Equally spaced information rates {@code 1/K, 2/K, ..., 1}. */
  public static List<Double> equallySpaced(int looks) {
    if (looks < 1 || looks > MAX_LOOKS) {
      throw new IllegalArgumentException("looks must be from 1 to " + MAX_LOOKS + ", got " + looks);
    }
    List<Double> rates = new ArrayList<>();
    for (int i = 1; i <= looks; i++) {
      rates.add((double) i / looks);
    }
    return rates;
  }

  /** The number of looks K. */
  public int looks() {
    return informationRates.size();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
