package org.oligotrial.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The content of every application table as a row count and an order-independent hash of its rows (the sum of a
 * 64-bit FNV-1a hash of each row's values), so that two fingerprints differ exactly when a row was added, removed or
 * changed. Flyway's history table is left out. Cost: one full read of every table.
 */
public final class DatabaseFingerprint {
  private final JdbcClient jdbc;
  private final List<String> tables;

  public DatabaseFingerprint(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.tables = jdbc.sql("SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) ="
            + " 'public' AND table_type IN ('BASE TABLE', 'TABLE') AND LOWER(table_name) <> 'flyway_schema_history'"
            + " ORDER BY 1")
        .query(String.class).list();
    if (tables.isEmpty()) {
      throw new IllegalStateException("no tables found");
    }
  }

  /** The tables fingerprinted. */
  public List<String> tables() {
    return tables;
  }

  /** Table name to "rows:hash". */
  public Map<String, String> take() {
    Map<String, String> out = new TreeMap<>();
    for (String t : tables) {
      long[] acc = new long[2];
      jdbc.sql("SELECT * FROM " + t).query(rs -> {
        int n = rs.getMetaData().getColumnCount();
        long h = 0xcbf29ce484222325L;
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          byte[] b = (v instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(v))
              .getBytes(StandardCharsets.UTF_8);
          for (byte x : b) {
            h = (h ^ (x & 0xff)) * 0x100000001b3L;
          }
          h = (h ^ 0x1f) * 0x100000001b3L; // column separator
        }
        acc[0]++;
        acc[1] += h;
      });
      out.put(t, acc[0] + ":" + Long.toHexString(acc[1]));
    }
    return out;
  }

  /** The tables whose fingerprint differs, as "table before -> after". */
  public static List<String> changes(Map<String, String> before, Map<String, String> after) {
    List<String> out = new ArrayList<>();
    for (var e : after.entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        out.add(e.getKey() + " " + before.get(e.getKey()) + " -> " + e.getValue());
      }
    }
    return out;
  }
}
