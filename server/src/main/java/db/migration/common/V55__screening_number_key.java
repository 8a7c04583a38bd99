package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.oligotrial.server.kernel.Identifiers;

/**
 * Screening numbers compared as people read them: a key column {@code participant.screening_number_key}
 * ({@link Identifiers#key}: NFKC, dashes as '-', trimmed, case folded) with a unique index, filled for the rows that
 * exist (a Java migration: neither H2 nor PostgreSQL has NFKC in SQL). The stored numbers are kept as they were.
 *
 * <p>A stored number with an invisible character (allowed before this version) is keyed without it. Two stored
 * numbers that become the same key (say {@code DEMO1-001} and {@code demo1-001}) both stay: the later one (by
 * creation time) gets the key {@code <key>~<participant id>}, so that it stays unique, and is reported in the log; a
 * new registration of either number is refused from now on.
 */
public class V55__screening_number_key extends BaseJavaMigration {
  private static final System.Logger LOG = System.getLogger(V55__screening_number_key.class.getName());

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE participant ADD COLUMN screening_number_key VARCHAR(256)");
    }
    Set<String> seen = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, screening_number FROM participant ORDER BY created_at, id");
        PreparedStatement u = c.prepareStatement("UPDATE participant SET screening_number_key = ? WHERE id = ?")) {
      int pending = 0;
      while (rs.next()) {
        String id = rs.getString(1);
        String key = Identifiers.legacyKey(rs.getString(2));
        if (!seen.add(key)) {
          LOG.log(System.Logger.Level.WARNING, "participant {0}: screening number {1} is the same as an earlier one"
              + " once compared ignoring case, width and dash style; kept, with a distinct key", id, rs.getString(2));
          key = key + "~" + id;
        }
        u.setString(1, key);
        u.setString(2, id);
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
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE participant ALTER COLUMN screening_number_key SET NOT NULL");
      s.execute("CREATE UNIQUE INDEX participant_number_key_unique ON participant (screening_number_key)");
    }
  }
}
