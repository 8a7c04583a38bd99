package org.oligotrial.randomization.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.protocol.FactorLevel;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.StratificationFactor;

/**
 * The level probabilities a simulated cohort is drawn with, per factor of a protocol: the prevalences the protocol
 * states ({@code stratification[].levels[].prevalence}), overridden by the user's, and for the levels without one
 * the rest of 1 shared equally ({@code (1 - sum of stated) / unstated}). A factor without any stated prevalence has
 * equal levels. Factors are drawn independently. Stateless and thread-safe.
 */
public final class LevelPrevalences {
  private LevelPrevalences() {}

  /**
   * The probabilities, one row per factor in protocol order, one entry per level in level order.
   *
   * @param overrides {@code factor.level} (or {@code factor}, meaning its first level) to a probability from 0 to 1
   * @throws IllegalArgumentException naming the key when a factor or level is unknown, a value is outside 0 to 1, or
   *     the stated values of a factor exceed 1 (or do not add up to 1 when every level has one)
   */
  public static double[][] of(Protocol protocol, Map<String, Double> overrides) {
    List<StratificationFactor> factors = protocol.stratification();
    List<Map<String, Double>> stated = new ArrayList<>();
    for (StratificationFactor f : factors) {
      Map<String, Double> m = new LinkedHashMap<>();
      for (FactorLevel l : f.levels()) {
        m.put(l.code(), l.prevalence() == null ? null : l.prevalence().doubleValue());
      }
      stated.add(m);
    }
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      String key = e.getKey();
      int dot = key.indexOf('.');
      String factor = dot < 0 ? key : key.substring(0, dot);
      int f = indexOf(factors, factor);
      if (f < 0) {
        throw new IllegalArgumentException("unknown factor " + factor + " (one of "
            + factors.stream().map(StratificationFactor::id).toList() + ")");
      }
      String level = dot < 0 ? factors.get(f).levels().get(0).code() : key.substring(dot + 1);
      if (!stated.get(f).containsKey(level)) {
        throw new IllegalArgumentException(factor + ": unknown level " + level + " (one of "
            + stated.get(f).keySet() + ")");
      }
      double v = e.getValue();
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(key + ": must be from 0 to 1, was " + v);
      }
      // a user's value for a two-level factor decides the other level too
      if (stated.get(f).size() == 2) {
        stated.get(f).replaceAll((k, old) -> null);
      }
      stated.get(f).put(level, v);
    }
    double[][] out = new double[factors.size()][];
    for (int f = 0; f < factors.size(); f++) {
      Map<String, Double> m = stated.get(f);
      double sum = 0;
      int unstated = 0;
      for (Double v : m.values()) {
        if (v == null) {
          unstated++;
        } else {
          sum += v;
        }
      }
      String id = factors.get(f).id();
      if (sum > 1 + 1e-9 || (unstated == 0 && Math.abs(sum - 1) > 1e-9)) {
        throw new IllegalArgumentException(id + ": the level prevalences add up to " + sum + ", not 1");
      }
      out[f] = new double[m.size()];
      int l = 0;
      for (Double v : m.values()) {
        out[f][l++] = v != null ? v : unstated == 1 ? 1 - sum : (1 - sum) / unstated;
      }
    }
    return out;
  }

  /** The probabilities as {@code factor -> level -> probability}, for reports. */
  public static Map<String, Map<String, Double>> named(Protocol protocol, double[][] probabilities) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (int f = 0; f < probabilities.length; f++) {
      Map<String, Double> m = new LinkedHashMap<>();
      StratificationFactor factor = protocol.stratification().get(f);
      for (int l = 0; l < probabilities[f].length; l++) {
        m.put(factor.levels().get(l).code(), probabilities[f][l]);
      }
      out.put(factor.id(), m);
    }
    return out;
  }

  private static int indexOf(List<StratificationFactor> factors, String id) {
    for (int i = 0; i < factors.size(); i++) {
      if (factors.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
