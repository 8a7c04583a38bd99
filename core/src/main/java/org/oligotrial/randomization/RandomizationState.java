package org.oligotrial.randomization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a randomizer needs to know about the allocations so far: how many there were, and the arm counts per stratum
 * and per factor level. Immutable (each allocation gives a new state) and made of plain maps and lists, so the
 * server can store it as JSON; it can also be rebuilt from the allocation log with {@link #fromHistory}.
 *
 * @param allocated the number of allocations so far (the next sequence number is {@code allocated + 1})
 * @param armTotals allocations per arm, in arm order
 * @param byStratum stratum key to allocations per arm (strata without allocations are absent)
 * @param byLevel {@code factor=level} to allocations per arm (levels without allocations are absent)
 */
public record RandomizationState(
    int allocated, List<Integer> armTotals, Map<String, List<Integer>> byStratum, Map<String, List<Integer>> byLevel) {
  public RandomizationState {
    Objects.requireNonNull(armTotals, "arm totals");
    armTotals = List.copyOf(armTotals);
    byStratum = copy(Objects.requireNonNull(byStratum, "stratum counts"));
    byLevel = copy(Objects.requireNonNull(byLevel, "level counts"));
    if (allocated < 0 || armTotals.stream().mapToInt(Integer::intValue).sum() != allocated) {
      throw new IllegalArgumentException("arm totals " + armTotals + " do not add up to " + allocated + " allocations");
    }
    int arms = armTotals.size();
    for (Map<String, List<Integer>> m : List.of(byStratum, byLevel)) {
      m.forEach((key, counts) -> {
        if (counts.size() != arms || counts.stream().anyMatch(c -> c == null || c < 0)) {
          throw new IllegalArgumentException("counts of " + key + " must be " + arms + " non-negative numbers, got " + counts);
        }
      });
    }
    if (armTotals.stream().anyMatch(c -> c < 0)
        || byStratum.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum() != allocated) {
      throw new IllegalArgumentException("stratum counts do not add up to " + allocated + " allocations");
    }
  }

  /** The state before the first allocation of a trial with {@code arms} arms. */
  public static RandomizationState empty(int arms) {
    return new RandomizationState(0, Collections.nCopies(arms, 0), Map.of(), Map.of());
  }

  /**
   * The state after the allocations in {@code history}, in order.
   *
   * @throws IllegalArgumentException when the sequence numbers do not run 1, 2, 3, ...
   */
  public static RandomizationState fromHistory(RandomizationScheme scheme, List<Allocation> history) {
    RandomizationState s = empty(scheme.ratio().armCount());
    for (Allocation a : history) {
      s = s.after(scheme, a);
    }
    return s;
  }

  /**
   * This state with {@code allocation} counted.
   *
   * @throws IllegalArgumentException when the allocation's sequence number is not the next one or its levels do not
   *     fit the scheme
   */
  public RandomizationState after(RandomizationScheme scheme, Allocation allocation) {
    if (allocation.sequence() != allocated + 1) {
      throw new IllegalArgumentException(
          "allocation #" + allocation.sequence() + " does not follow " + allocated + " allocations");
    }
    int[] levels = scheme.levelIndices(allocation.factors());
    int arm = allocation.armIndex();
    Map<String, List<Integer>> strata = new TreeMap<>(byStratum);
    strata.put(allocation.stratumKey(), increment(byStratum.get(allocation.stratumKey()), arm));
    Map<String, List<Integer>> lv = new TreeMap<>(byLevel);
    for (int f = 0; f < levels.length; f++) {
      String key = scheme.levelKey(f, levels[f]);
      lv.put(key, increment(byLevel.get(key), arm));
    }
    return new RandomizationState(allocated + 1, increment(armTotals, arm), strata, lv);
  }

  /** Allocations to arm {@code arm} in stratum {@code stratumKey} so far. */
  public int stratumCount(String stratumKey, int arm) {
    List<Integer> c = byStratum.get(stratumKey);
    return c == null ? 0 : c.get(arm);
  }

  /** All allocations in stratum {@code stratumKey} so far. */
  public int stratumTotal(String stratumKey) {
    List<Integer> c = byStratum.get(stratumKey);
    return c == null ? 0 : c.stream().mapToInt(Integer::intValue).sum();
  }

  /** Allocations to arm {@code arm} at factor level {@code levelKey} ({@code factor=level}) so far. */
  public int levelCount(String levelKey, int arm) {
    List<Integer> c = byLevel.get(levelKey);
    return c == null ? 0 : c.get(arm);
  }

  private List<Integer> increment(List<Integer> counts, int arm) {
    List<Integer> c = new ArrayList<>(counts == null ? Collections.nCopies(armTotals.size(), 0) : counts);
    if (arm < 0 || arm >= c.size()) {
      throw new IllegalArgumentException("no arm with index " + arm);
    }
    c.set(arm, c.get(arm) + 1);
    return List.copyOf(c);
  }

  private static Map<String, List<Integer>> copy(Map<String, List<Integer>> m) {
    Map<String, List<Integer>> c = new TreeMap<>();
    m.forEach((k, v) -> c.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(c);
  }
}
