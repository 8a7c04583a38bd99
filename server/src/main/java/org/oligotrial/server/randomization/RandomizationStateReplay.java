package org.oligotrial.server.randomization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.oligotrial.randomization.FactorIds;
import org.oligotrial.server.audit.StateReplay;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The randomization feature's part of the {@link StateReplay}: each {@code randomization} row (sequence_number, arm,
 * stratum, factors_json against the participant's audit fields {@code randomization.*}). Factor ids in audited strata
 * and factor levels written before a factor was renamed are read through the protocol's {@code formerIds}
 * ({@link FactorIds}): the trail keeps the ids it was written with, the table holds today's. Thread-safe.
 */
public final class RandomizationStateReplay implements StateReplay.Source {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcClient jdbc;
  private final FactorIds factorIds;

  /** The randomization rows of {@code jdbc}, reading former factor ids as {@code factorIds} says. */
  public RandomizationStateReplay(JdbcClient jdbc, FactorIds factorIds) {
    this.jdbc = jdbc;
    this.factorIds = Objects.requireNonNull(factorIds, "factorIds");
  }

  @Override
  public long compare(StateReplay.Comparison c) {
    long[] compared = {0};
    jdbc.sql("SELECT participant_id, sequence_number, arm, stratum, factors_json FROM randomization"
        + " ORDER BY participant_id").query(rs -> {
          compared[0]++;
          String id = rs.getString("participant_id");
          Map<String, String> a = c.audited(StateReplay.PARTICIPANT, id);
          String key = "randomization " + id;
          if (a == null || !a.containsKey("randomization.arm")) {
            c.differs(key + ": no audit history (row inserted outside the application)");
            return;
          }
          c.column(key, "sequence_number", a.get("randomization.sequence"),
              Integer.toString(rs.getInt("sequence_number")));
          c.column(key, "arm", a.get("randomization.arm"), rs.getString("arm"));
          String stratum = a.get("randomization.stratum");
          c.column(key, "stratum", stratum == null ? null : factorIds.stratumKey(stratum), rs.getString("stratum"));
          c.column(key, "factors_json", factors(a.get("randomization.factors")), rs.getString("factors_json"));
        });
    return compared[0];
  }

  /** Audited factor levels (a JSON object) with today's factor ids, written as the service writes them. */
  private String factors(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(json);
      if (!n.isObject()) {
        return json;
      }
      Map<String, String> out = new LinkedHashMap<>();
      n.properties().forEach(e -> out.put(factorIds.id(e.getKey()), StateReplay.jsonText(e.getValue())));
      return JSON.writeValueAsString(out);
    } catch (JacksonException e) {
      return json;
    }
  }
}
