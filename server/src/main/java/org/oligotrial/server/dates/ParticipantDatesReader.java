package org.oligotrial.server.dates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@link ParticipantDates} of a participant in the caller's transaction: the birth date of the latest
 * screening record, the randomization date (UTC date of {@code randomized_at}; none in a database without the
 * randomization table), the death form's date, and the latest of consent, withdrawal and every date of every other
 * form (any top-level {@code yyyy-mm-dd} value of a form's values, so a resolution or last-fraction date counts as
 * well as the form's own date). Four statements. Thread-safe.
 */
public final class ParticipantDatesReader {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private final JdbcClient jdbc;

  public ParticipantDatesReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The participant's bounding dates.
   *
   * @param participantId the participant
   * @param excludeFormId a form left out (the one being changed), or null
   */
  public ParticipantDates read(String participantId, String excludeFormId) {
    LocalDate birth = jdbc.sql("SELECT record_json FROM screening_version WHERE participant_id = :id"
            + " ORDER BY version DESC").param("id", participantId).query(String.class).list().stream()
        .findFirst().map(ParticipantDatesReader::birthDate).orElse(null);
    LocalDate randomization = randomization(participantId);
    ParticipantDates.Dated death = null;
    ParticipantDates.Dated latest = null;
    List<Map<String, Object>> forms = jdbc.sql("SELECT id, form_type, form_date, values_json FROM crf_form"
        + " WHERE participant_id = :id").param("id", participantId).query().listOfRows();
    for (Map<String, Object> f : forms) {
      String id = (String) f.get("id");
      String type = (String) f.get("form_type");
      if (id.equals(excludeFormId)) {
        continue;
      }
      if (type.equals("death")) {
        LocalDate d = parse(f.get("form_date") == null ? null : f.get("form_date").toString());
        if (d != null) {
          death = new ParticipantDates.Dated(d, "death form " + id);
        }
        continue;
      }
      JsonNode values = tree((String) f.get("values_json"));
      for (String name : values.propertyNames()) {
        JsonNode v = values.get(name);
        LocalDate d = v.isString() && ISO_DATE.matcher(v.stringValue()).matches() ? parse(v.stringValue()) : null;
        latest = later(latest, d, type + " " + name);
      }
    }
    Map<String, Object> p = jdbc.sql("SELECT consent_date, withdrawal_date FROM participant WHERE id = :id")
        .param("id", participantId).query().listOfRows().stream().findFirst().orElse(Map.of());
    latest = later(latest, date(p.get("consent_date")), "consent");
    latest = later(latest, date(p.get("withdrawal_date")), "withdrawal");
    return new ParticipantDates(birth, randomization, death, latest);
  }

  private LocalDate randomization(String participantId) {
    try {
      return jdbc.sql("SELECT randomized_at FROM randomization WHERE participant_id = :id").param("id", participantId)
          .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
              .toLocalDate()).optional().orElse(null);
    } catch (BadSqlGrammarException e) {
      return null; // no randomization table in this database
    }
  }

  private static ParticipantDates.Dated later(ParticipantDates.Dated cur, LocalDate d, String what) {
    return d != null && (cur == null || d.isAfter(cur.date())) ? new ParticipantDates.Dated(d, what) : cur;
  }

  private static LocalDate date(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof java.sql.Date s) {
      return s.toLocalDate();
    }
    if (o instanceof LocalDate l) {
      return l;
    }
    return parse(o.toString());
  }

  static LocalDate birthDate(String recordJson) {
    JsonNode n = tree(recordJson).path("birthDate");
    return n.isString() ? parse(n.stringValue()) : null;
  }

  private static JsonNode tree(String json) {
    try {
      JsonNode n = json == null ? null : JSON.readTree(json);
      return n == null || !n.isObject() ? JSON.createObjectNode() : n;
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }

  private static LocalDate parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
