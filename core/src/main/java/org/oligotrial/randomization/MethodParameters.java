package org.oligotrial.randomization;

import java.util.List;
import java.util.Objects;

/**
 * The method a trial randomizes with and its parameters, as the protocol names them. One of {@link PermutedBlocks},
 * {@link Minimization} or {@link Simple}.
 */
public sealed interface MethodParameters {

  /** The method's short name as used on the command line and in logs: blocks, minimization or simple. */
  String methodName();

  /**
   * Stratified permuted blocks: each block size is drawn uniformly from {@code blockSizes}; every size must be a
   * multiple of the ratio sum (checked by {@link RandomizationScheme}).
   *
   * @param blockSizes one or more distinct positive sizes, for example 2, 4, 6 for a 1:1 ratio
   */
  record PermutedBlocks(List<Integer> blockSizes) implements MethodParameters {
    public PermutedBlocks {
      Objects.requireNonNull(blockSizes, "block sizes");
      blockSizes = List.copyOf(blockSizes);
      if (blockSizes.isEmpty() || blockSizes.stream().anyMatch(s -> s < 1 || s > 1000)) {
        throw new IllegalArgumentException("block sizes must be one or more whole numbers from 1 to 1000, got " + blockSizes);
      }
      if (blockSizes.stream().distinct().count() != blockSizes.size()) {
        throw new IllegalArgumentException("block sizes repeat: " + blockSizes);
      }
    }

    @Override
    public String methodName() {
      return "blocks";
    }

    /** The largest block size. */
    public int largestBlock() {
      return blockSizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
  }

  /**
   * Pocock-Simon minimization.
   *
   * @param factorWeights one non-negative weight per factor of the scheme, at least one positive
   * @param measure how imbalance within a factor level is measured
   * @param preferredArmProbability {@code p}, the probability of assigning a minimizing arm when the arms are not
   *     all tied; from 0.5 to 1 (1 = deterministic minimization). The protocol default is 0.8.
   */
  record Minimization(List<Double> factorWeights, ImbalanceMeasure measure, double preferredArmProbability)
      implements MethodParameters {
    public Minimization {
      Objects.requireNonNull(factorWeights, "factor weights");
      Objects.requireNonNull(measure, "imbalance measure");
      factorWeights = List.copyOf(factorWeights);
      if (factorWeights.stream().anyMatch(w -> !(w >= 0) || Double.isInfinite(w))
          || factorWeights.stream().noneMatch(w -> w > 0)) {
        throw new IllegalArgumentException(
            "factor weights must be finite and non-negative with at least one positive, got " + factorWeights);
      }
      if (!(preferredArmProbability >= 0.5 && preferredArmProbability <= 1)) {
        throw new IllegalArgumentException(
            "the probability of the minimizing arm must be from 0.5 to 1, got " + preferredArmProbability);
      }
    }

    /** Equal weights for {@code factors} factors, the range measure and {@code p}. */
    public static Minimization equalWeights(int factors, double p) {
      return new Minimization(java.util.Collections.nCopies(factors, 1.0), ImbalanceMeasure.RANGE, p);
    }

    @Override
    public String methodName() {
      return "minimization";
    }
  }

  /** Simple (unrestricted) randomization: each participant independently, with the ratio's probabilities. */
  record Simple() implements MethodParameters {
    @Override
    public String methodName() {
      return "simple";
    }
  }
}
