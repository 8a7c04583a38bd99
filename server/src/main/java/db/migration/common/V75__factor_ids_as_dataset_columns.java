package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One name per stratification factor: the stored factor levels of trial NCT03119519 are re-keyed from the protocol
 * file's former ids to the ids that are also the analysis dataset's columns ({@code therapy -> first_line}, {@code
 * intracranial -> brain_metastasis}, {@code thoracic-stage -> thoracic_stage}; the file declares them as each
 * factor's {@code formerIds}). Rewritten: {@code randomization.factors_json} (object keys) and {@code stratum}
 * ({@code factor=level;...}), {@code randomization_trial.state_json} ({@code byStratum} and {@code byLevel} keys) and
 * {@code scheme} (the scheme's text, compared on every allocation). Level codes, arms, sequence numbers, draws and
 * the allocation bases stay as they were, so every allocation replays to the same arm.
 *
 * <p>Randomization records are immutable (V21 triggers); the migration lifts the update guard for the duration of the
 * rewrite and puts it back in the same transaction: H2 drops and re-creates the row trigger, PostgreSQL disables and
 * re-enables it. The audit trail is not rewritten: it is hash-chained history, and whoever compares it with the
 * tables reads the former ids through the protocol's {@code formerIds} ({@code StateReplay}).
 */
public class V75__factor_ids_as_dataset_columns extends BaseJavaMigration {
  /** The trial whose stored ids changed, and how (the rename of protocols/nct03119519.yaml at this version). */
  static final String TRIAL = "NCT03119519";

  static final Map<String, String> RENAMED = renamed();

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Map<String, String> renamed() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("therapy", "first_line");
    m.put("intracranial", "brain_metastasis");
    m.put("thoracic-stage", "thoracic_stage");
    return m;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    try (Statement s = c.createStatement()) {
      if (postgres) {
        s.execute("ALTER TABLE randomization DISABLE TRIGGER randomization_no_update_or_delete");
      } else {
        s.execute("DROP TRIGGER randomization_no_update");
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT participant_id, factors_json, stratum FROM randomization"
            + " WHERE trial_id = '" + TRIAL + "'");
        PreparedStatement u = c.prepareStatement(
            "UPDATE randomization SET factors_json = ?, stratum = ? WHERE participant_id = ?")) {
      int pending = 0;
      while (rs.next()) {
        u.setString(1, factors(rs.getString(2)));
        u.setString(2, stratum(rs.getString(3)));
        u.setString(3, rs.getString(1));
        u.addBatch();
        if (++pending == 1000) {
          u.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        u.executeBatch();
      }
    }
    try (PreparedStatement q = c.prepareStatement(
            "SELECT scheme, state_json FROM randomization_trial WHERE trial_id = ?");
        PreparedStatement u = c.prepareStatement(
            "UPDATE randomization_trial SET scheme = ?, state_json = ? WHERE trial_id = ?")) {
      q.setString(1, TRIAL);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          u.setString(1, scheme(rs.getString(1)));
          u.setString(2, state(rs.getString(2)));
          u.setString(3, TRIAL);
          u.executeUpdate();
        }
      }
    }
    try (Statement s = c.createStatement()) {
      if (postgres) {
        s.execute("ALTER TABLE randomization ENABLE TRIGGER randomization_no_update_or_delete");
      } else {
        s.execute("CREATE TRIGGER randomization_no_update BEFORE UPDATE ON randomization FOR EACH ROW"
            + " CALL 'org.oligotrial.server.randomization.ImmutableRowTrigger'");
      }
    }
  }

  static String id(String id) {
    return RENAMED.getOrDefault(id, id);
  }

  /** {@code {"therapy":"targeted",...}} with today's keys, order kept. */
  static String factors(String json) {
    JsonNode n = JSON.readTree(json);
    ObjectNode out = JSON.createObjectNode();
    n.properties().forEach(e -> out.set(id(e.getKey()), e.getValue()));
    return JSON.writeValueAsString(out);
  }

  /** {@code a=x;therapy=y} with today's factor ids ({@code all} stays). */
  static String stratum(String key) {
    if (!key.contains("=")) {
      return key;
    }
    StringBuilder sb = new StringBuilder();
    for (String part : key.split(";", -1)) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(levelKey(part));
    }
    return sb.toString();
  }

  static String levelKey(String key) {
    int eq = key.indexOf('=');
    return eq < 0 ? key : id(key.substring(0, eq)) + key.substring(eq);
  }

  /** The state's {@code byStratum} and {@code byLevel} maps with today's keys. */
  static String state(String json) {
    ObjectNode n = (ObjectNode) JSON.readTree(json);
    for (String map : new String[] {"byStratum", "byLevel"}) {
      JsonNode m = n.get(map);
      if (m instanceof ObjectNode o) {
        ObjectNode out = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          out.set(map.equals("byStratum") ? stratum(e.getKey()) : levelKey(e.getKey()), e.getValue());
        }
        n.set(map, out);
      }
    }
    return JSON.writeValueAsString(n);
  }

  /** The scheme's text ({@code RandomizationScheme.toString()}), whose factors read {@code name=<id>, levels=...}. */
  static String scheme(String text) {
    String out = text;
    for (Map.Entry<String, String> e : RENAMED.entrySet()) {
      out = out.replace("name=" + e.getKey() + ",", "name=" + e.getValue() + ",");
    }
    return out;
  }
}
