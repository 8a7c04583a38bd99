package org.oligotrial.server.datacapture.forms;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.oligotrial.server.dates.DateSource;
import org.oligotrial.server.dates.ParticipantDates;
import org.oligotrial.server.dates.ParticipantDatesReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dates a participant's forms hold, for the date rules ({@link DateSource}): the death form's date, and the
 * latest of every other form's dates (any top-level {@code yyyy-mm-dd} value of its values, so a resolution or
 * last-fraction date counts as well as the form's own date), named as {@code <form type> <field>}. The forms of one
 * trial; one statement in the caller's transaction. Thread-safe.
 */
public final class FormDates implements DateSource {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private final JdbcClient jdbc;
  private final String trialId;

  public FormDates(JdbcClient jdbc, String trialId) {
    this.jdbc = jdbc;
    this.trialId = trialId;
  }

  @Override
  public ParticipantDates datesOf(String participantId, String excludeFormId) {
    ParticipantDates.Dated death = null;
    ParticipantDates.Dated latest = null;
    List<Map<String, Object>> forms = jdbc.sql("SELECT id, form_type, form_date, values_json FROM crf_form"
        + " WHERE participant_id = :id AND trial_id = :t").param("id", participantId).param("t", trialId)
        .query().listOfRows();
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
        latest = ParticipantDatesReader.later(latest, d, type + " " + name);
      }
    }
    return new ParticipantDates(null, null, death, latest);
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
