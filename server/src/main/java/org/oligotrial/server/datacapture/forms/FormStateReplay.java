package org.oligotrial.server.datacapture.forms;

import java.util.Map;
import org.oligotrial.server.audit.StateReplay;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data capture's part of the {@link StateReplay}: each {@code crf_form} row (status, and each field of values_json
 * and derived_json against the form's audit fields {@code status}, {@code values.*} and {@code derived.*}; a form
 * starts ENTERED). Every trial's forms. Thread-safe.
 */
public final class FormStateReplay implements StateReplay.Source {
  private final JdbcClient jdbc;

  public FormStateReplay(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long compare(StateReplay.Comparison c) {
    long[] compared = {0};
    jdbc.sql("SELECT id, status, values_json, derived_json FROM crf_form ORDER BY id").query(rs -> {
      compared[0]++;
      String id = rs.getString("id");
      c.seen(StateReplay.FORM, id);
      Map<String, String> a = c.audited(StateReplay.FORM, id);
      String key = "crf_form " + id;
      if (a == null) {
        c.differs(key + ": no audit history (row inserted outside the application)");
        return;
      }
      c.column(key, "status", a.getOrDefault("status", "ENTERED"), rs.getString("status"));
      c.fields(key, "values_json", "values.", a, rs.getString("values_json"));
      c.fields(key, "derived_json", "derived.", a, rs.getString("derived_json"));
    });
    return compared[0];
  }
}
