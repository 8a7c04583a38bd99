package org.oligotrial.server.participant;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ParticipantReads} on the {@code participant} table, for one trial: a participant of another trial is
 * unknown here. Thread-safe.
 */
public final class JdbcParticipantReads implements ParticipantReads {
  private final JdbcClient jdbc;
  private final String trialId;

  public JdbcParticipantReads(JdbcClient jdbc, String trialId) {
    this.jdbc = jdbc;
    this.trialId = trialId;
  }

  @Override
  public Optional<String> siteOf(String participantId) {
    return jdbc.sql("SELECT site_code FROM participant WHERE id = :id AND trial_id = :t").param("id", participantId)
        .param("t", trialId)
        .query(String.class).optional();
  }

  @Override
  public List<Listed> atSites(Collection<String> sites) {
    var spec = jdbc.sql("SELECT id, site_code, screening_number FROM participant WHERE trial_id = :t"
        + (sites == null ? "" : " AND site_code IN (:sites)")).param("t", trialId);
    if (sites != null) {
      spec = spec.param("sites", sites);
    }
    return spec.query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  @Override
  public Optional<Withdrawal> withdrawal(String participantId) {
    return jdbc.sql("SELECT withdrawal_date, withdrawal_reason, withdrawal_follow_up FROM participant WHERE id = :id"
            + " AND trial_id = :t")
        .param("id", participantId)
        .param("t", trialId)
        .query((rs, n) -> {
          LocalDate d = rs.getObject(1, LocalDate.class);
          return d == null ? null : new Withdrawal(d, rs.getString(2), rs.getBoolean(3));
        })
        .optional();
  }

  @Override
  public Optional<Locked> lock(String participantId) {
    return jdbc.sql("SELECT id, site_code, status, screening_version FROM participant WHERE id = :id AND trial_id = :t"
            + " FOR UPDATE")
        .param("id", participantId)
        .param("t", trialId)
        .query((rs, n) -> new Locked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .optional();
  }
}
