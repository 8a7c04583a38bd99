package db.migration.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * Many trials on one server. Adds the trials ({@code trial}), each trial's protocol versions ({@code
 * protocol_version}: the YAML text as loaded, its SHA-256, effective date and reason), the sites taking part in each
 * trial ({@code trial_site}; a site stays a hospital, shared by trials) and the users' roles and sites per trial
 * ({@code trial_member}, {@code trial_member_site}); every participant and every form, query, alert and derived
 * endpoint row gets its trial ({@code trial_id}), and screening numbers become unique per trial.
 *
 * <p>An existing database moves with its data into the default trial: the protocol bundled in the jar (NCT03119519),
 * whose text becomes version 1, effective on the day of the migration. Existing sites take part in it; every user
 * who is not an administrator gets their role and sites on it. Forms made so far were made under version 1.
 *
 * <p>Audit rows: {@code audit_event} and {@code audit_pending} get a nullable {@code trial_id}. Rows already chained
 * keep it null (the table is append-only and their hashes cover the fields they had); new rows about a trial's
 * records carry it and their hash covers it ({@code AuditHash}). A null trial on a row chained before this version
 * reads as the default trial.
 *
 * <p>The screening numbers' old unique constraint (V1, on the number as typed) is dropped, found by name in the
 * information schema since H2 names it itself; the key index of V55 is remade on (trial, key).
 */
public class V60__trials extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    byte[] yaml = bundledProtocol();
    Protocol protocol = ProtocolLoader.parse(new String(yaml, StandardCharsets.UTF_8), "bundled protocol");
    String trial = protocol.id();
    Timestamp now = Timestamp.from(Instant.now());
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE trial ("
          + " id VARCHAR(64) NOT NULL PRIMARY KEY,"
          + " title VARCHAR(1000) NOT NULL,"
          + " is_default BOOLEAN NOT NULL,"
          + " created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
          + " created_by VARCHAR(64) NOT NULL)");
      s.execute("CREATE TABLE protocol_version ("
          + " trial_id VARCHAR(64) NOT NULL REFERENCES trial (id),"
          + " version INTEGER NOT NULL,"
          + " label VARCHAR(64) NOT NULL,"
          + " effective_date DATE NOT NULL,"
          + " reason VARCHAR(4000) NOT NULL,"
          + " protocol_yaml VARCHAR(2000000) NOT NULL,"
          + " sha256 VARCHAR(64) NOT NULL,"
          + " loaded_at TIMESTAMP WITH TIME ZONE NOT NULL,"
          + " loaded_by VARCHAR(64) NOT NULL,"
          + " PRIMARY KEY (trial_id, version))");
      s.execute("CREATE TABLE trial_site ("
          + " trial_id VARCHAR(64) NOT NULL REFERENCES trial (id),"
          + " site_code VARCHAR(32) NOT NULL REFERENCES site (code),"
          + " enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL,"
          + " PRIMARY KEY (trial_id, site_code))");
      s.execute("CREATE TABLE trial_member ("
          + " username VARCHAR(64) NOT NULL REFERENCES user_account (username),"
          + " trial_id VARCHAR(64) NOT NULL REFERENCES trial (id),"
          + " role VARCHAR(32) NOT NULL,"
          + " PRIMARY KEY (username, trial_id))");
      s.execute("CREATE INDEX trial_member_trial ON trial_member (trial_id)");
      s.execute("CREATE TABLE trial_member_site ("
          + " username VARCHAR(64) NOT NULL,"
          + " trial_id VARCHAR(64) NOT NULL,"
          + " site_code VARCHAR(32) NOT NULL REFERENCES site (code),"
          + " PRIMARY KEY (username, trial_id, site_code),"
          + " FOREIGN KEY (username, trial_id) REFERENCES trial_member (username, trial_id))");
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO trial (id, title, is_default, created_at, created_by) VALUES (?, ?, TRUE, ?, 'migration V60')")) {
      p.setString(1, trial);
      p.setString(2, protocol.title());
      p.setTimestamp(3, now);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO protocol_version (trial_id, version, label,"
        + " effective_date, reason, protocol_yaml, sha256, loaded_at, loaded_by) VALUES (?, 1, 'v1', ?, ?, ?, ?, ?,"
        + " 'migration V60')")) {
      p.setString(1, trial);
      p.setObject(2, LocalDate.ofInstant(now.toInstant(), ZoneOffset.UTC));
      p.setString(3, "the protocol in use when the server began to hold several trials");
      p.setString(4, new String(yaml, StandardCharsets.UTF_8));
      p.setString(5, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml)));
      p.setTimestamp(6, now);
      p.executeUpdate();
    }
    update(c, "INSERT INTO trial_site (trial_id, site_code, enrolled_at) SELECT ?, code, created_at FROM site", trial);
    update(c, "INSERT INTO trial_member (username, trial_id, role) SELECT username, ?, role FROM user_account"
        + " WHERE role <> 'ADMINISTRATOR'", trial);
    update(c, "INSERT INTO trial_member_site (username, trial_id, site_code) SELECT s.username, ?, s.site_code"
        + " FROM user_site s JOIN user_account u ON u.username = s.username WHERE u.role <> 'ADMINISTRATOR'", trial);

    // every record belongs to a trial
    for (String table : List.of("participant", "crf_form", "crf_query", "crf_alert", "derived_endpoint")) {
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE " + table + " ADD COLUMN trial_id VARCHAR(64)");
      }
      update(c, "UPDATE " + table + " SET trial_id = ?", trial);
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE " + table + " ALTER COLUMN trial_id SET NOT NULL");
        s.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_trial_fk FOREIGN KEY (trial_id)"
            + " REFERENCES trial (id)");
      }
    }
    try (Statement s = c.createStatement()) {
      // forms keep the protocol version they were made under
      s.execute("ALTER TABLE crf_form ADD COLUMN protocol_version INTEGER");
      s.execute("UPDATE crf_form SET protocol_version = 1");
      s.execute("ALTER TABLE crf_form ALTER COLUMN protocol_version SET NOT NULL");
      // the per-trial lists
      s.execute("CREATE INDEX participant_trial_site_status ON participant (trial_id, site_code, status)");
      s.execute("CREATE INDEX crf_form_trial_site ON crf_form (trial_id, site_code)");
      s.execute("CREATE INDEX crf_query_trial_status ON crf_query (trial_id, status)");
      s.execute("CREATE INDEX crf_alert_user_trial ON crf_alert (username, trial_id, created_at)");
      s.execute("CREATE INDEX derived_endpoint_trial ON derived_endpoint (trial_id)");
      // the audit trail names the trial of new rows
      s.execute("ALTER TABLE audit_pending ADD COLUMN trial_id VARCHAR(64)");
      s.execute("ALTER TABLE audit_event ADD COLUMN trial_id VARCHAR(64)");
      s.execute("CREATE INDEX audit_event_trial ON audit_event (trial_id, seq)");
      // screening numbers are unique per trial
      for (String name : uniqueConstraintsOn(c, "participant", "screening_number")) {
        s.execute("ALTER TABLE participant DROP CONSTRAINT " + name);
      }
      s.execute("DROP INDEX participant_number_key_unique");
      s.execute("CREATE UNIQUE INDEX participant_number_key_unique ON participant (trial_id, screening_number_key)");
    }
  }

  private static void update(Connection c, String sql, String trial) throws Exception {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, trial);
      p.executeUpdate();
    }
  }

  /** The unique constraints of {@code table} on exactly {@code column}, by name (H2 and PostgreSQL schemas). */
  private static List<String> uniqueConstraintsOn(Connection c, String table, String column) throws Exception {
    List<String> names = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT tc.constraint_name FROM information_schema.table_constraints"
        + " tc WHERE LOWER(tc.table_name) = ? AND tc.constraint_type = 'UNIQUE' AND tc.table_schema = CURRENT_SCHEMA"
        + " AND (SELECT COUNT(*) FROM information_schema.key_column_usage k WHERE k.constraint_name ="
        + " tc.constraint_name AND k.table_schema = tc.table_schema) = 1 AND EXISTS (SELECT 1 FROM"
        + " information_schema.key_column_usage k WHERE k.constraint_name = tc.constraint_name AND k.table_schema ="
        + " tc.table_schema AND LOWER(k.column_name) = ?)")) {
      p.setString(1, table);
      p.setString(2, column);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private static byte[] bundledProtocol() throws IOException {
    try (InputStream in = ProtocolLoader.class.getResourceAsStream(ProtocolLoader.BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled protocol is missing from the jar");
      }
      return in.readAllBytes();
    }
  }
}
