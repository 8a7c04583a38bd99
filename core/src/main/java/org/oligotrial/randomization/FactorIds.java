package org.oligotrial.randomization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oligotrial.protocol.Protocol;

/**
 * Reads factor ids written under earlier versions of a protocol file as today's ids. Each factor of the protocol may
 * declare {@code formerIds}; records, states and audit history keep the ids they were written with (the audit trail
 * is hash-chained and never rewritten), and whoever compares them with today's values passes them through here first.
 *
 * <p>Keys that are rewritten: a factor id ({@code therapy}), a level key ({@code therapy=targeted}, as in {@link
 * RandomizationState#byLevel()}), a stratum key ({@code histology=squamous;therapy=targeted}) and the JSON object of a
 * participant's levels. Immutable and thread-safe.
 */
public final class FactorIds {
  private final Map<String, String> current;

  private FactorIds(Map<String, String> current) {
    this.current = Map.copyOf(current);
  }

  /** The former-to-current mapping of {@code protocol}'s factors. */
  public static FactorIds of(Protocol protocol) {
    Objects.requireNonNull(protocol, "protocol");
    Map<String, String> m = new LinkedHashMap<>();
    for (org.oligotrial.protocol.StratificationFactor f : protocol.stratification()) {
      f.formerIds().forEach(former -> m.put(former, f.id()));
    }
    return new FactorIds(m);
  }

  /** An explicit former-to-current mapping. */
  public static FactorIds of(Map<String, String> formerToCurrent) {
    return new FactorIds(formerToCurrent);
  }

  /** The former-to-current mapping. */
  public Map<String, String> mapping() {
    return current;
  }

  /** Today's id of {@code id} (itself when it is not a former id). */
  public String id(String id) {
    return current.getOrDefault(id, id);
  }

  /** The levels keyed by today's ids, order kept. */
  public ParticipantFactors levels(ParticipantFactors levels) {
    Map<String, String> m = new LinkedHashMap<>();
    levels.levels().forEach((k, v) -> m.put(id(k), v));
    return new ParticipantFactors(m);
  }

  /** A level key {@code factor=level} with today's factor id. */
  public String levelKey(String key) {
    int eq = key.indexOf('=');
    return eq < 0 ? key : id(key.substring(0, eq)) + key.substring(eq);
  }

  /** A stratum key {@code f1=l1;f2=l2;...} with today's factor ids ({@code all} stays). */
  public String stratumKey(String key) {
    if (!key.contains("=")) {
      return key;
    }
    List<String> parts = List.of(key.split(";", -1));
    return String.join(";", parts.stream().map(this::levelKey).toList());
  }
}
