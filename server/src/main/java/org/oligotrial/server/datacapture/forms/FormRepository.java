package org.oligotrial.server.datacapture.forms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL for forms and their versions. Every value is a bound parameter. Callers hold the transaction. */
public final class FormRepository {
  private static final String COLUMNS = "id, participant_id, site_code, form_type, visit_id, visit_number, form_date,"
      + " values_json, derived_json, version, status, signed_by, signed_at, locked_by, updated_at, updated_by";
  private final JdbcClient jdbc;
  private final String trial;

  /** The forms of one trial: reads and writes limited to {@code trial_id = trial}. */
  public FormRepository(JdbcClient jdbc, String trial) {
    this.jdbc = jdbc;
    this.trial = trial;
  }

  /** Inserts a new form made under the trial's protocol version {@code protocolVersion}. */
  void insert(StoredForm f, String createdBy, Instant at, int protocolVersion) {
    state(jdbc.sql("INSERT INTO crf_form (" + COLUMNS + ", created_at, created_by, trial_id, protocol_version) VALUES"
            + " (:id, :p, :site, :type, :visit, :num, :date, :vals, :derived, :version, :status, :sb, :sa, :lb, :ua,"
            + " :ub, :ca, :cb, :trial, :pv)"), f)
        .param("trial", trial)
        .param("pv", protocolVersion)
        .param("p", f.participantId())
        .param("site", f.siteCode())
        .param("type", f.formType())
        .param("ca", utc(at))
        .param("cb", createdBy)
        .update();
  }

  void update(StoredForm f) {
    state(jdbc.sql("UPDATE crf_form SET visit_id = :visit, visit_number = :num, form_date = :date,"
            + " values_json = :vals, derived_json = :derived, version = :version, status = :status,"
            + " signed_by = :sb, signed_at = :sa, locked_by = :lb, locked_at = :la, updated_at = :ua,"
            + " updated_by = :ub WHERE id = :id AND trial_id = :trial"), f)
        .param("trial", trial)
        .param("la", f.lockedBy() == null ? null : utc(f.updatedAt()))
        .update();
  }

  /** Binds the parameters that an insert and an update both write: the form's id and its changing state. */
  private static JdbcClient.StatementSpec state(JdbcClient.StatementSpec spec, StoredForm f) {
    return spec
        .param("id", f.id())
        .param("visit", f.visitId())
        .param("num", f.visitNumber())
        .param("date", f.formDate())
        .param("vals", f.valuesJson())
        .param("derived", f.derivedJson())
        .param("version", f.version())
        .param("status", f.status())
        .param("sb", f.signedBy())
        .param("sa", utc(f.signedAt()))
        .param("lb", f.lockedBy())
        .param("ua", utc(f.updatedAt()))
        .param("ub", f.updatedBy());
  }

  void insertVersion(StoredForm f, String reason) {
    jdbc.sql("INSERT INTO crf_form_version (form_id, version, values_json, derived_json, saved_at, saved_by, reason)"
            + " VALUES (:id, :v, :vals, :derived, :at, :by, :reason)")
        .param("id", f.id())
        .param("v", f.version())
        .param("vals", f.valuesJson())
        .param("derived", f.derivedJson())
        .param("at", utc(f.updatedAt()))
        .param("by", f.updatedBy())
        .param("reason", reason)
        .update();
  }

  /**
   * The protocol versions (numbers) the trial's forms were made under, ascending: which versions the forms of a report
   * or export span.
   */
  public List<Integer> protocolVersions() {
    return jdbc.sql("SELECT DISTINCT protocol_version FROM crf_form WHERE trial_id = :trial ORDER BY protocol_version")
        .param("trial", trial).query(Integer.class).list();
  }

  /** The protocol version (number) the form was made under, if the form is the trial's. */
  public Optional<Integer> protocolVersionOf(String formId) {
    return jdbc.sql("SELECT protocol_version FROM crf_form WHERE id = :id AND trial_id = :trial").param("id", formId)
        .param("trial", trial).query(Integer.class).optional();
  }

  /** The form, if it exists (in this trial). */
  public Optional<StoredForm> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM crf_form WHERE id = :id AND trial_id = :trial").param("id", id)
        .param("trial", trial)
        .query((rs, n) -> read(rs)).optional();
  }

  /** The form, locked for update in the current transaction. */
  Optional<StoredForm> lock(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM crf_form WHERE id = :id AND trial_id = :trial FOR UPDATE")
        .param("id", id).param("trial", trial)
        .query((rs, n) -> read(rs)).optional();
  }

  /** Every form of the participant, by date then creation. */
  public List<StoredForm> ofParticipant(String participantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM crf_form WHERE participant_id = :p AND trial_id = :trial"
            + " ORDER BY form_date, created_at, id")
        .param("p", participantId)
        .param("trial", trial)
        .query((rs, n) -> read(rs))
        .list();
  }

  /**
   * Every form at the sites, by participant, then date, then creation (each participant's forms in the order of
   * {@link #ofParticipant}).
   *
   * @param sites restrict to these sites, or null for all
   */
  public List<StoredForm> atSites(Collection<String> sites) {
    return atSites(sites, null, "participant_id, form_date, created_at, id");
  }

  /**
   * Every form with one of the statuses, by date then creation.
   *
   * @param sites restrict to these sites, or null for all
   */
  public List<StoredForm> withStatus(Collection<String> sites, Collection<String> statuses) {
    return atSites(sites, statuses, "form_date, created_at, id");
  }

  /** The forms at the sites (null: all), with one of the statuses (null: any), in the order given. */
  private List<StoredForm> atSites(Collection<String> sites, Collection<String> statuses, String order) {
    var spec = jdbc.sql("SELECT " + COLUMNS + " FROM crf_form WHERE trial_id = :trial"
        + (sites == null ? "" : " AND site_code IN (:sites)") + (statuses == null ? "" : " AND status IN (:s)")
        + " ORDER BY " + order).param("trial", trial);
    if (sites != null) {
      spec = spec.param("sites", sites);
    }
    if (statuses != null) {
      spec = spec.param("s", statuses);
    }
    return spec.query((rs, n) -> read(rs)).list();
  }

  static StoredForm read(ResultSet rs) throws SQLException {
    int num = rs.getInt("visit_number");
    Integer visitNumber = rs.wasNull() ? null : num;
    return new StoredForm(rs.getString("id"), rs.getString("participant_id"), rs.getString("site_code"),
        rs.getString("form_type"), rs.getString("visit_id"), visitNumber, rs.getObject("form_date", LocalDate.class),
        rs.getString("values_json"), rs.getString("derived_json"), rs.getInt("version"), rs.getString("status"),
        rs.getString("signed_by"), instant(rs, "signed_at"), rs.getString("locked_by"), instant(rs, "updated_at"),
        rs.getString("updated_by"));
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime utc(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
