package org.oligotrial.server.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.oligotrial.randomization.FactorIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the audit history and compares it with the current trial tables: what the trail says each audited field
 * holds now (the new value of its latest create, update or derivation) against what the table holds. Any difference
 * is a change made without the application (a direct UPDATE), or a row added or removed outside it, and is reported
 * with table, key, column and both values.
 *
 * <p>Compared, with the audit fields that write them: {@code participant} (site_code, screening_number, status,
 * screening_version, consent_*, withdrawal_* from {@code participant}'s {@code siteCode}, {@code screeningNumber},
 * {@code status}, {@code screeningVersion}, {@code consent.*}, {@code withdrawal.*}), {@code screening_version}
 * (record_json, verdict, protocol_version from {@code screening[v].*}), {@code randomization} (sequence_number, arm,
 * stratum, factors_json from {@code randomization.*}) and {@code crf_form} (status, and each field of values_json and
 * derived_json from {@code values.*} and {@code derived.*}; a form starts ENTERED). Values are compared as the
 * services audit them (text; JSON for form values that are not strings). Factor ids in audited strata and factor
 * levels written before a factor was renamed are read through the protocol's {@code formerIds} ({@link FactorIds}):
 * the trail keeps the ids it was written with, the table holds today's.
 *
 * <p>Cost: one scan of the trail and of those tables; memory for the replayed values. Thread-safe (no state).
 */
public final class StateReplay {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PARTICIPANT = "participant";
  private static final String FORM = "form";

  private final JdbcClient jdbc;
  private final FactorIds factorIds;

  /** A replay of the database {@code jdbc}, reading former factor ids as {@code factorIds} says. */
  public StateReplay(JdbcClient jdbc, FactorIds factorIds) {
    this.jdbc = jdbc;
    this.factorIds = Objects.requireNonNull(factorIds, "factorIds");
  }

  /**
   * The outcome.
   *
   * @param recordsCompared table rows compared
   * @param differences one line each: table, key, column, the value the audit history gives and the table's
   */
  public record Result(long recordsCompared, List<String> differences) {}

  /** Replays {@code trail} and compares. */
  public Result compare(AuditTrail trail) {
    Map<String, Map<String, String>> audited = new HashMap<>();
    trail.forEach(ev -> {
      String type = ev.entry().entityType();
      if ((type.equals(PARTICIPANT) || type.equals(FORM)) && ev.entry().field() != null
          && (ev.entry().action() == AuditAction.CREATE || ev.entry().action() == AuditAction.UPDATE
              || ev.entry().action() == AuditAction.DERIVE)) {
        audited.computeIfAbsent(type + "/" + ev.entry().entityId(), k -> new LinkedHashMap<>())
            .put(ev.entry().field(), ev.entry().newValue());
      }
    });
    List<String> diffs = new ArrayList<>();
    long[] compared = {0};
    Set<String> seen = new java.util.HashSet<>();
    jdbc.sql("SELECT * FROM participant ORDER BY id").query(rs -> {
      compared[0]++;
      String id = rs.getString("id");
      seen.add(PARTICIPANT + "/" + id);
      Map<String, String> a = audited.get(PARTICIPANT + "/" + id);
      if (a == null) {
        diffs.add("participant " + id + ": no audit history (row inserted outside the application)");
        return;
      }
      String key = "participant " + id;
      cmp(diffs, key, "site_code", a.get("siteCode"), rs.getString("site_code"));
      cmp(diffs, key, "screening_number", a.get("screeningNumber"), rs.getString("screening_number"));
      cmp(diffs, key, "status", a.get("status"), rs.getString("status"));
      cmp(diffs, key, "screening_version", a.getOrDefault("screeningVersion", "1"),
          Integer.toString(rs.getInt("screening_version")));
      cmp(diffs, key, "consent_form_version", a.get("consent.formVersion"), rs.getString("consent_form_version"));
      cmp(diffs, key, "consent_date", a.get("consent.date"), text(rs.getObject("consent_date")));
      cmp(diffs, key, "consent_obtained_by", a.get("consent.obtainedBy"), rs.getString("consent_obtained_by"));
      cmp(diffs, key, "withdrawal_date", a.get("withdrawal.date"), text(rs.getObject("withdrawal_date")));
      cmp(diffs, key, "withdrawal_reason", a.get("withdrawal.reason"), rs.getString("withdrawal_reason"));
      cmp(diffs, key, "withdrawal_follow_up", a.get("withdrawal.followUpAllowed"),
          text(rs.getObject("withdrawal_follow_up")));
    });
    jdbc.sql("SELECT participant_id, version, record_json, verdict, protocol_version FROM screening_version"
        + " ORDER BY participant_id, version").query(rs -> {
          compared[0]++;
          String id = rs.getString("participant_id");
          int v = rs.getInt("version");
          Map<String, String> a = audited.getOrDefault(PARTICIPANT + "/" + id, Map.of());
          String key = "screening_version (" + id + ", " + v + ")";
          String prefix = "screening[" + v + "].";
          if (!a.containsKey(prefix + "record")) {
            diffs.add(key + ": no audit history (row inserted outside the application)");
            return;
          }
          cmp(diffs, key, "record_json", a.get(prefix + "record"), rs.getString("record_json"));
          cmp(diffs, key, "verdict", a.get(prefix + "verdict"), rs.getString("verdict"));
          cmp(diffs, key, "protocol_version", a.get(prefix + "protocolVersion"), rs.getString("protocol_version"));
        });
    jdbc.sql("SELECT participant_id, sequence_number, arm, stratum, factors_json FROM randomization"
        + " ORDER BY participant_id").query(rs -> {
          compared[0]++;
          String id = rs.getString("participant_id");
          Map<String, String> a = audited.getOrDefault(PARTICIPANT + "/" + id, Map.of());
          String key = "randomization " + id;
          if (!a.containsKey("randomization.arm")) {
            diffs.add(key + ": no audit history (row inserted outside the application)");
            return;
          }
          cmp(diffs, key, "sequence_number", a.get("randomization.sequence"),
              Integer.toString(rs.getInt("sequence_number")));
          cmp(diffs, key, "arm", a.get("randomization.arm"), rs.getString("arm"));
          String stratum = a.get("randomization.stratum");
          cmp(diffs, key, "stratum", stratum == null ? null : factorIds.stratumKey(stratum), rs.getString("stratum"));
          cmp(diffs, key, "factors_json", factors(a.get("randomization.factors")), rs.getString("factors_json"));
        });
    jdbc.sql("SELECT id, status, values_json, derived_json FROM crf_form ORDER BY id").query(rs -> {
      compared[0]++;
      String id = rs.getString("id");
      seen.add(FORM + "/" + id);
      Map<String, String> a = audited.get(FORM + "/" + id);
      String key = "crf_form " + id;
      if (a == null) {
        diffs.add(key + ": no audit history (row inserted outside the application)");
        return;
      }
      cmp(diffs, key, "status", a.getOrDefault("status", "ENTERED"), rs.getString("status"));
      fields(diffs, key, "values_json", "values.", a, rs.getString("values_json"));
      fields(diffs, key, "derived_json", "derived.", a, rs.getString("derived_json"));
    });
    for (Map.Entry<String, Map<String, String>> e : audited.entrySet()) {
      boolean created = e.getValue().containsKey("status") || e.getValue().containsKey("formType");
      if (created && !seen.contains(e.getKey())) {
        String[] k = e.getKey().split("/", 2);
        diffs.add((k[0].equals(FORM) ? "crf_form " : "participant ") + k[1]
            + ": in the audit history but not in the table (row deleted outside the application)");
      }
    }
    return new Result(compared[0], diffs);
  }

  /** Compares each field of a JSON object column with the audit's {@code prefix}-fields. */
  private static void fields(List<String> diffs, String key, String column, String prefix, Map<String, String> a,
      String json) {
    Map<String, String> table = new LinkedHashMap<>();
    if (json != null) {
      try {
        JsonNode n = JSON.readTree(json);
        n.propertyNames().forEach(name -> table.put(name, jsonText(n.get(name))));
      } catch (JacksonException e) {
        diffs.add(key + ": " + column + " is not JSON");
        return;
      }
    }
    Set<String> names = new TreeSet<>(table.keySet());
    a.keySet().stream().filter(f -> f.startsWith(prefix)).map(f -> f.substring(prefix.length())).forEach(names::add);
    for (String name : names) {
      cmp(diffs, key, column + "." + name, a.get(prefix + name), table.get(name));
    }
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
      n.properties().forEach(e -> out.put(factorIds.id(e.getKey()), jsonText(e.getValue())));
      return JSON.writeValueAsString(out);
    } catch (JacksonException e) {
      return json;
    }
  }

  private static String jsonText(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isString() ? n.stringValue() : n.toString();
  }

  private static String text(Object o) {
    return o == null ? null : o instanceof Boolean b ? b.toString() : Objects.toString(o);
  }

  private static void cmp(List<String> diffs, String key, String column, String audited, String table) {
    if (!Objects.equals(audited, table)) {
      diffs.add(key + ": " + column + " is " + show(table) + " in the table but " + show(audited)
          + " by the audit history (changed outside the application)");
    }
  }

  private static String show(String v) {
    if (v == null) {
      return "null";
    }
    return "\"" + (v.length() > 200 ? v.substring(0, 200) + "..." : v) + "\"";
  }
}
