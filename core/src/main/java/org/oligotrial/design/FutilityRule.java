package org.oligotrial.design;

import java.util.List;

/**
 * The futility (acceptance) bounds of a group-sequential design: none, beta spending (the bound at each interim
 * spends the type II error \( \beta(t_k) - \beta(t_{k-1}) \) under the alternative; rpact
 * {@code typeBetaSpending}; for a two-sided design the inner region \( |Z_k| &lt; b_k \), see
 * {@link GroupSequentialBoundaries}), or fixed z values at the interim looks (rpact {@code futilityBounds}; one-sided
 * designs only). Whether the
 * efficacy bounds count on them (binding) is said in {@link GroupSequentialSpec#binding()}.
 */
public sealed interface FutilityRule {

  /** Short name for the command line and the protocol file, {@code none} without futility bounds. */
  String label();

  /** No futility bounds. */
  record None() implements FutilityRule {
    @Override
    public String label() {
      return "none";
    }
  }

  /** Beta spending with {@code function}. */
  record BetaSpending(SpendingFunction function) implements FutilityRule {
    @Override
    public String label() {
      return "beta-" + function.label();
    }
  }

  /** Fixed z bounds at the K - 1 interim looks ({@code -Infinity}: none at that look). */
  record FixedZ(List<Double> z) implements FutilityRule {
    public FixedZ {
      z = List.copyOf(z);
    }

    @Override
    public String label() {
      return "z:" + String.join(",", z.stream().map(String::valueOf).toList());
    }
  }

  /**
   * Reads {@code none}, {@code beta-of}, {@code beta-pocock}, {@code beta-hsd:GAMMA}, {@code beta-kd:RHO} or
   * {@code z:z1,z2,...}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static FutilityRule parse(String text) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("none")) {
      return new None();
    }
    if (s.startsWith("beta-")) {
      return new BetaSpending(SpendingFunction.parse(s.substring(5)));
    }
    if (s.startsWith("z:")) {
      try {
        return new FixedZ(java.util.Arrays.stream(s.substring(2).split(",")).map(String::trim)
            .map(Double::parseDouble).toList());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("futility z values must be numbers separated by commas, got '"
            + text + "'");
      }
    }
    throw new IllegalArgumentException("unknown futility rule '" + text
        + "' (beta-of, beta-pocock, beta-hsd:GAMMA, beta-kd:RHO, z:z1,...)");
  }
}
