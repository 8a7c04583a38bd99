package org.oligotrial.randomization;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that defines how a trial randomizes, except the secret seed: the stratification factors, the arms with
 * their ratio and the method with its parameters. Immutable and thread-safe.
 *
 * <p>The stratum of a participant is the combination of its levels, keyed as {@code
 * histology=squamous;first_line=targeted;...} in factor order ({@code all} when there are no factors).
 *
 * @param factors the stratification factors, distinct names (may be empty for simple randomization)
 * @param ratio the arms and their allocation ratio
 * @param method the method and its parameters
 * @throws IllegalArgumentException when a block size is not a multiple of the ratio sum, the minimization weights
 *     do not match the factors, factor names repeat, or a method that needs factors has none
 */
public record RandomizationScheme(List<StratificationFactor> factors, AllocationRatio ratio, MethodParameters method) {
  public RandomizationScheme {
    Objects.requireNonNull(factors, "factors");
    Objects.requireNonNull(ratio, "ratio");
    Objects.requireNonNull(method, "method");
    factors = List.copyOf(factors);
    if (new HashSet<>(factors.stream().map(StratificationFactor::name).toList()).size() != factors.size()) {
      throw new IllegalArgumentException("factor names repeat: " + factors.stream().map(StratificationFactor::name).toList());
    }
    if (method instanceof MethodParameters.PermutedBlocks b) {
      for (int size : b.blockSizes()) {
        if (size % ratio.sum() != 0) {
          throw new IllegalArgumentException(
              "block size " + size + " is not a multiple of the ratio sum " + ratio.sum() + " (" + ratio + ")");
        }
      }
    }
    if (method instanceof MethodParameters.Minimization m) {
      if (factors.isEmpty()) {
        throw new IllegalArgumentException("minimization needs at least one factor");
      }
      if (m.factorWeights().size() != factors.size()) {
        throw new IllegalArgumentException(
            "minimization has " + m.factorWeights().size() + " weights for " + factors.size() + " factors");
      }
    }
  }

  /** The number of strata: the product of the factors' level counts (1 without factors). */
  public int strataCount() {
    int n = 1;
    for (StratificationFactor f : factors) {
      n *= f.levels().size();
    }
    return n;
  }

  /**
   * The level index of the participant on each factor, in factor order.
   *
   * @throws IllegalArgumentException naming the factor when a level is missing or not one of the factor's levels, or
   *     when the participant has a factor the scheme does not know
   */
  public int[] levelIndices(ParticipantFactors participant) {
    Objects.requireNonNull(participant, "participant factors");
    int[] idx = new int[factors.size()];
    for (int f = 0; f < factors.size(); f++) {
      StratificationFactor factor = factors.get(f);
      String level = participant.levels().get(factor.name());
      if (level == null) {
        throw new IllegalArgumentException("missing level for factor " + factor.name() + " (one of " + factor.levels() + ")");
      }
      idx[f] = factor.indexOf(level);
      if (idx[f] < 0) {
        throw new IllegalArgumentException(
            "factor " + factor.name() + " has no level '" + level + "' (one of " + factor.levels() + ")");
      }
    }
    for (String name : participant.levels().keySet()) {
      if (factors.stream().noneMatch(f -> f.name().equals(name))) {
        throw new IllegalArgumentException("unknown factor " + name);
      }
    }
    return idx;
  }

  /** The stratum key of a participant (validated as in {@link #levelIndices}). */
  public String stratumKey(ParticipantFactors participant) {
    return stratumKey(levelIndices(participant));
  }

  /** The stratum key of the given level indices. */
  public String stratumKey(int[] levelIndices) {
    if (factors.isEmpty()) {
      return "all";
    }
    StringBuilder sb = new StringBuilder();
    for (int f = 0; f < factors.size(); f++) {
      if (f > 0) {
        sb.append(';');
      }
      sb.append(factors.get(f).name()).append('=').append(factors.get(f).levels().get(levelIndices[f]));
    }
    return sb.toString();
  }

  /** The key of one factor level, {@code factor=level}, as used in {@link RandomizationState}. */
  public String levelKey(int factor, int level) {
    return factors.get(factor).name() + "=" + factors.get(factor).levels().get(level);
  }

  /** Every stratum key, in lexicographic order of level indices (the first factor varies slowest). */
  public List<String> allStrata() {
    List<String> keys = new ArrayList<>();
    int[] idx = new int[factors.size()];
    for (int s = 0; s < strataCount(); s++) {
      keys.add(stratumKey(idx));
      for (int f = factors.size() - 1; f >= 0; f--) {
        if (++idx[f] < factors.get(f).levels().size()) {
          break;
        }
        idx[f] = 0;
      }
    }
    return keys;
  }

  /** The participant factors with the given level indices. */
  public ParticipantFactors participant(int[] levelIndices) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int f = 0; f < factors.size(); f++) {
      m.put(factors.get(f).name(), factors.get(f).levels().get(levelIndices[f]));
    }
    return new ParticipantFactors(m);
  }
}
