package org.oligotrial.server.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the audit history and compares it with the current trial tables: what the trail says each audited field
 * holds now (the new value of its latest create, update or derivation) against what the table holds. Any difference
 * is a change made without the application (a direct UPDATE), or a row added or removed outside it, and is reported
 * with table, key, column and both values.
 *
 * <p>The tables are read by the features that own them, each through a {@link Source} (the participant feature
 * compares {@code participant} and {@code screening_version}, randomization its {@code randomization} rows, data
 * capture its {@code crf_form} rows): this class replays the trail, hands each source the audited values through a
 * {@link Comparison}, and after every source has run reports the audited participants and forms that no table holds
 * (rows deleted outside the application). An audited entity of type {@value #PARTICIPANT} or {@value #FORM} counts
 * as created when its history sets {@code status} or {@code formType}. Values are compared as the services audit
 * them (text; JSON for form values that are not strings).
 *
 * <p>Cost: one scan of the trail and of the sources' tables; memory for the replayed values. Thread-safe (no state).
 */
public final class StateReplay {
  /** The audit entity type of participants. */
  public static final String PARTICIPANT = "participant";
  /** The audit entity type of forms. */
  public static final String FORM = "form";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<Source> sources;

  /** A replay comparing the tables of {@code sources}. */
  public StateReplay(List<Source> sources) {
    this.sources = List.copyOf(sources);
  }

  /** One feature's stored rows, compared with the audit history by the feature that owns them. */
  @FunctionalInterface
  public interface Source {
    /**
     * Compares every stored row with the audited values.
     *
     * @return the number of rows compared
     */
    long compare(Comparison c);
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
    Comparison c = new Comparison(audited);
    long compared = 0;
    for (Source s : sources) {
      compared += s.compare(c);
    }
    for (Map.Entry<String, Map<String, String>> e : audited.entrySet()) {
      boolean created = e.getValue().containsKey("status") || e.getValue().containsKey("formType");
      if (created && !c.seen.contains(e.getKey())) {
        String[] k = e.getKey().split("/", 2);
        c.differs((k[0].equals(FORM) ? "crf_form " : "participant ") + k[1]
            + ": in the audit history but not in the table (row deleted outside the application)");
      }
    }
    return new Result(compared, c.diffs);
  }

  /** What a {@link Source} compares with, and where it reports differences. Not thread-safe: one replay's. */
  public static final class Comparison {
    private final Map<String, Map<String, String>> audited;
    private final Set<String> seen = new HashSet<>();
    private final List<String> diffs = new ArrayList<>();

    private Comparison(Map<String, Map<String, String>> audited) {
      this.audited = audited;
    }

    /**
     * The audited fields (field to latest new value) of an entity, or null when the trail holds none.
     *
     * @param type {@link #PARTICIPANT} or {@link #FORM}
     */
    public Map<String, String> audited(String type, String id) {
      return audited.get(type + "/" + id);
    }

    /** Marks an entity as held by a table, so it is not reported as deleted. */
    public void seen(String type, String id) {
      seen.add(type + "/" + id);
    }

    /** Reports a difference in words. */
    public void differs(String line) {
      diffs.add(line);
    }

    /** Reports {@code column} of row {@code key} when the audited value and the table's differ. */
    public void column(String key, String column, String audited, String table) {
      if (!Objects.equals(audited, table)) {
        diffs.add(key + ": " + column + " is " + show(table) + " in the table but " + show(audited)
            + " by the audit history (changed outside the application)");
      }
    }

    /** Compares each field of a JSON object column with the audit's {@code prefix}-fields. */
    public void fields(String key, String column, String prefix, Map<String, String> a, String json) {
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
      a.keySet().stream().filter(f -> f.startsWith(prefix)).map(f -> f.substring(prefix.length()))
          .forEach(names::add);
      for (String name : names) {
        column(key, column + "." + name, a.get(prefix + name), table.get(name));
      }
    }
  }

  /** A JSON value as the services audit it: strings bare, anything else as JSON; null for null. */
  public static String jsonText(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isString() ? n.stringValue() : n.toString();
  }

  /** A column value as the services audit it. */
  public static String text(Object o) {
    return o == null ? null : o instanceof Boolean b ? b.toString() : Objects.toString(o);
  }

  private static String show(String v) {
    if (v == null) {
      return "null";
    }
    return "\"" + (v.length() > 200 ? v.substring(0, 200) + "..." : v) + "\"";
  }
}
