package org.oligotrial.randomization;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The arms and their integer allocation ratio, for example RT+ : RT- = 1 : 1 or 2 : 1. Arm {@code k} is meant to
 * receive the share {@code r_k / R} of the participants, where {@code R} is {@link #sum()}.
 *
 * @param arms two or more distinct arm codes, in a fixed order (arm index = position)
 * @param weights one positive integer per arm
 * @throws IllegalArgumentException when the lists differ in length, an arm repeats or a weight is not positive
 */
public record AllocationRatio(List<String> arms, List<Integer> weights) {
  public AllocationRatio {
    Objects.requireNonNull(arms, "arms");
    Objects.requireNonNull(weights, "weights");
    arms = List.copyOf(arms);
    weights = List.copyOf(weights);
    if (arms.size() < 2) {
      throw new IllegalArgumentException("randomization needs at least two arms, got " + arms);
    }
    if (arms.size() != weights.size()) {
      throw new IllegalArgumentException("ratio " + weights + " does not have one weight per arm " + arms);
    }
    if (new HashSet<>(arms).size() != arms.size() || arms.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("arms must be distinct and named: " + arms);
    }
    for (int w : weights) {
      if (w < 1 || w > 1000) {
        throw new IllegalArgumentException("ratio weights must be whole numbers from 1 to 1000, got " + weights);
      }
    }
  }

  /** Equal allocation between the given arms. */
  public static AllocationRatio equal(String... arms) {
    return new AllocationRatio(List.of(arms), java.util.Collections.nCopies(arms.length, 1));
  }

  /**
   * Parses a ratio such as {@code 1:1} or {@code 2:1} for the given arms.
   *
   * @throws IllegalArgumentException when the text is not colon-separated positive integers, one per arm
   */
  public static AllocationRatio parse(String text, List<String> arms) {
    Objects.requireNonNull(text, "ratio");
    String[] parts = text.trim().split(":", -1);
    if (parts.length != arms.size()) {
      throw new IllegalArgumentException(
          "ratio '" + text + "' needs " + arms.size() + " whole numbers separated by ':' (one per arm " + arms + ")");
    }
    Integer[] w = new Integer[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        w[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ratio '" + text + "' is not whole numbers separated by ':'");
      }
    }
    return new AllocationRatio(arms, List.of(w));
  }

  /** The number of arms. */
  public int armCount() {
    return arms.size();
  }

  /** {@code R}, the sum of the weights: the smallest complete block. */
  public int sum() {
    return weights.stream().mapToInt(Integer::intValue).sum();
  }

  /** The weights as a new array. */
  public int[] weightArray() {
    return weights.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The ratio written as {@code 2:1}. */
  @Override
  public String toString() {
    return String.join(":", weights.stream().map(String::valueOf).toList()) + " " + arms;
  }
}
