package org.oligotrial.server.participant;

import java.util.Map;
import org.oligotrial.server.audit.StateReplay;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The participant feature's part of the {@link StateReplay}: each {@code participant} row (site_code,
 * screening_number, status, screening_version, consent_*, withdrawal_* against the audit fields {@code siteCode},
 * {@code screeningNumber}, {@code status}, {@code screeningVersion} (1 when never audited), {@code consent.*},
 * {@code withdrawal.*}) and each {@code screening_version} row (record_json, verdict, protocol_version against
 * {@code screening[v].*}). Every trial's rows. Thread-safe.
 */
public final class ParticipantStateReplay implements StateReplay.Source {
  private static final String P = StateReplay.PARTICIPANT;
  private final JdbcClient jdbc;

  public ParticipantStateReplay(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long compare(StateReplay.Comparison c) {
    long[] compared = {0};
    jdbc.sql("SELECT * FROM participant ORDER BY id").query(rs -> {
      compared[0]++;
      String id = rs.getString("id");
      c.seen(P, id);
      Map<String, String> a = c.audited(P, id);
      if (a == null) {
        c.differs("participant " + id + ": no audit history (row inserted outside the application)");
        return;
      }
      String key = "participant " + id;
      c.column(key, "site_code", a.get("siteCode"), rs.getString("site_code"));
      c.column(key, "screening_number", a.get("screeningNumber"), rs.getString("screening_number"));
      c.column(key, "status", a.get("status"), rs.getString("status"));
      c.column(key, "screening_version", a.getOrDefault("screeningVersion", "1"),
          Integer.toString(rs.getInt("screening_version")));
      c.column(key, "consent_form_version", a.get("consent.formVersion"), rs.getString("consent_form_version"));
      c.column(key, "consent_date", a.get("consent.date"), StateReplay.text(rs.getObject("consent_date")));
      c.column(key, "consent_obtained_by", a.get("consent.obtainedBy"), rs.getString("consent_obtained_by"));
      c.column(key, "withdrawal_date", a.get("withdrawal.date"), StateReplay.text(rs.getObject("withdrawal_date")));
      c.column(key, "withdrawal_reason", a.get("withdrawal.reason"), rs.getString("withdrawal_reason"));
      c.column(key, "withdrawal_follow_up", a.get("withdrawal.followUpAllowed"),
          StateReplay.text(rs.getObject("withdrawal_follow_up")));
    });
    jdbc.sql("SELECT participant_id, version, record_json, verdict, protocol_version FROM screening_version"
        + " ORDER BY participant_id, version").query(rs -> {
          compared[0]++;
          String id = rs.getString("participant_id");
          int v = rs.getInt("version");
          Map<String, String> a = c.audited(P, id);
          String key = "screening_version (" + id + ", " + v + ")";
          String prefix = "screening[" + v + "].";
          if (a == null || !a.containsKey(prefix + "record")) {
            c.differs(key + ": no audit history (row inserted outside the application)");
            return;
          }
          c.column(key, "record_json", a.get(prefix + "record"), rs.getString("record_json"));
          c.column(key, "verdict", a.get(prefix + "verdict"), rs.getString("verdict"));
          c.column(key, "protocol_version", a.get(prefix + "protocolVersion"), rs.getString("protocol_version"));
        });
    return compared[0];
  }
}
