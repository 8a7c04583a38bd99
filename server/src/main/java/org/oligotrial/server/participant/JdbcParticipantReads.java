package org.oligotrial.server.participant;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.oligotrial.server.dates.ParticipantDates;
import org.oligotrial.server.dates.ParticipantDatesReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ParticipantReads} on the {@code participant} table, for one trial: a participant of another trial is
 * unknown here. Thread-safe.
 */
public final class JdbcParticipantReads implements ParticipantReads {
  private static final JsonMapper JSON = JsonMapper.builder().build();
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
  public ParticipantDates dates(String participantId) {
    LocalDate birth = jdbc.sql("SELECT s.record_json FROM screening_version s JOIN participant p"
            + " ON p.id = s.participant_id WHERE s.participant_id = :id AND p.trial_id = :t ORDER BY s.version DESC")
        .param("id", participantId).param("t", trialId).query(String.class).list().stream()
        .findFirst().map(JdbcParticipantReads::birthDate).orElse(null);
    return jdbc.sql("SELECT consent_date, withdrawal_date FROM participant WHERE id = :id AND trial_id = :t")
        .param("id", participantId).param("t", trialId)
        .query((rs, n) -> {
          ParticipantDates.Dated latest = ParticipantDatesReader.later(null, rs.getObject(1, LocalDate.class),
              "consent");
          latest = ParticipantDatesReader.later(latest, rs.getObject(2, LocalDate.class), "withdrawal");
          return new ParticipantDates(birth, null, null, latest);
        })
        .optional().orElse(ParticipantDates.NONE);
  }

  /** The {@code birthDate} of a screening record, or null when absent or not a date. */
  static LocalDate birthDate(String recordJson) {
    try {
      JsonNode n = recordJson == null ? null : JSON.readTree(recordJson);
      JsonNode b = n == null ? null : n.path("birthDate");
      String v = b != null && b.isString() ? b.stringValue() : null;
      return v == null ? null : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    } catch (JacksonException | DateTimeParseException e) {
      return null;
    }
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
