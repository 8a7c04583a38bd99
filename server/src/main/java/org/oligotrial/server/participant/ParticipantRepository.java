package org.oligotrial.server.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for participants, screening versions and status changes. Every value is a bound parameter; the only SQL
 * assembled at run time is chosen from fixed fragments by which filters are present. Callers hold the transaction.
 */
final class ParticipantRepository {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS =
      "id, site_code, screening_number, status, screening_version, consent_form_version, consent_date,"
          + " consent_obtained_by, withdrawal_date, withdrawal_reason, withdrawal_follow_up, created_at, created_by";

  private static final String INSERT_PARTICIPANT = "INSERT INTO participant (id, site_code, screening_number, status,"
      + " screening_version, created_at, created_by, row_version) VALUES (:id, :site, :num, :status, :pv, :created_at,"
      + " :created_by, 0)";
  private static final String INSERT_SCREENING = "INSERT INTO screening_version (participant_id, version, record_json,"
      + " verdict, eligibility_json, protocol_version, screen_failure_reasons, entered_at, entered_by, reason) VALUES"
      + " (:id, :sv, :rec, :verdict, :elig, :proto, :fail, :entered_at, :entered_by, :screening_reason)";
  private static final String INSERT_STATUS_CHANGE = "INSERT INTO status_change (participant_id, seq, from_status,"
      + " to_status, changed_at, changed_by, reason) VALUES (:id, %s, :from, :to, :changed_at, :changed_by,"
      + " :status_reason)";
  private static final String NEXT_STATUS_SEQ =
      "(SELECT COALESCE(MAX(seq), 0) + 1 FROM status_change WHERE participant_id = :id)";

  private final JdbcClient jdbc;
  private final boolean postgres;

  /**
   * @param postgres whether the database is PostgreSQL (a new participant's rows then go in one round trip)
   */
  ParticipantRepository(JdbcClient jdbc, boolean postgres) {
    this.jdbc = jdbc;
    this.postgres = postgres;
  }

  /**
   * Inserts a new participant with its first screening version and its first status change (numbered c.seq()). On
   * PostgreSQL the three statements are sent as one text, which the driver sends to the server in one round trip
   * (parse, bind and execute of each, then one sync): a unique screening number violated by the first statement
   * fails the whole text. Elsewhere one statement at a time.
   */
  void insertNew(Participant p, ScreeningVersion s, StatusChange c) {
    if (!postgres) {
      insert(p);
      insertScreening(p.id(), s);
      insertStatusChange(p.id(), c);
      return;
    }
    JdbcClient.StatementSpec spec = jdbc.sql(INSERT_PARTICIPANT + "; " + INSERT_SCREENING + "; "
        + INSERT_STATUS_CHANGE.formatted(":seq"));
    bindStatusChange(bindScreening(bindParticipant(spec, p), s), c).param("seq", c.seq()).update();
  }

  void insert(Participant p) {
    bindParticipant(jdbc.sql(INSERT_PARTICIPANT), p).update();
  }

  private static JdbcClient.StatementSpec bindParticipant(JdbcClient.StatementSpec spec, Participant p) {
    return spec
        .param("id", p.id())
        .param("site", p.siteCode())
        .param("num", p.screeningNumber())
        .param("status", p.status().name())
        .param("pv", p.screeningVersion())
        .param("created_at", utc(p.createdAt()))
        .param("created_by", p.createdBy());
  }

  /** The participant, row-locked until the transaction ends. */
  Optional<Participant> lock(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM participant WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query((rs, n) -> read(rs))
        .optional();
  }

  Optional<Participant> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM participant WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> read(rs))
        .optional();
  }

  void update(Participant p) {
    Consent c = p.consent();
    Withdrawal w = p.withdrawal();
    jdbc.sql("UPDATE participant SET status = :status, screening_version = :v, consent_form_version = :cf,"
            + " consent_date = :cd, consent_obtained_by = :cb, withdrawal_date = :wd, withdrawal_reason = :wr,"
            + " withdrawal_follow_up = :wf, row_version = row_version + 1 WHERE id = :id")
        .param("status", p.status().name())
        .param("v", p.screeningVersion())
        .param("cf", c == null ? null : c.formVersion(), Types.VARCHAR)
        .param("cd", c == null ? null : c.date(), Types.DATE)
        .param("cb", c == null ? null : c.obtainedBy(), Types.VARCHAR)
        .param("wd", w == null ? null : w.date(), Types.DATE)
        .param("wr", w == null ? null : w.reason(), Types.VARCHAR)
        .param("wf", w == null ? null : w.followUpAllowed(), Types.BOOLEAN)
        .param("id", p.id())
        .update();
  }

  void insertScreening(String participantId, ScreeningVersion s) {
    bindScreening(jdbc.sql(INSERT_SCREENING).param("id", participantId), s).update();
  }

  private static JdbcClient.StatementSpec bindScreening(JdbcClient.StatementSpec spec, ScreeningVersion s) {
    return spec
        .param("sv", s.version())
        .param("rec", s.recordJson())
        .param("verdict", s.verdict())
        .param("elig", s.eligibilityJson())
        .param("proto", s.protocolVersion())
        .param("fail", JSON.writeValueAsString(s.screenFailureReasons()))
        .param("entered_at", utc(s.enteredAt()))
        .param("entered_by", s.enteredBy())
        .param("screening_reason", s.reason(), Types.VARCHAR);
  }

  List<ScreeningVersion> screenings(String participantId) {
    return jdbc.sql("SELECT * FROM screening_version WHERE participant_id = :p ORDER BY version")
        .param("p", participantId)
        .query((rs, n) -> new ScreeningVersion(rs.getInt("version"), rs.getString("record_json"),
            rs.getString("verdict"), rs.getString("eligibility_json"), rs.getString("protocol_version"),
            JSON.readValue(rs.getString("screen_failure_reasons"), new TypeReference<List<String>>() {}),
            instant(rs, "entered_at"), rs.getString("entered_by"), rs.getString("reason")))
        .list();
  }

  /** Appends a status change: number {@code c.seq()} when positive (a new participant's first), else the next. */
  void insertStatusChange(String participantId, StatusChange c) {
    boolean numbered = c.seq() > 0;
    JdbcClient.StatementSpec spec =
        jdbc.sql(INSERT_STATUS_CHANGE.formatted(numbered ? ":seq" : NEXT_STATUS_SEQ)).param("id", participantId);
    if (numbered) {
      spec = spec.param("seq", c.seq());
    }
    bindStatusChange(spec, c).update();
  }

  private static JdbcClient.StatementSpec bindStatusChange(JdbcClient.StatementSpec spec, StatusChange c) {
    return spec
        .param("from", c.from() == null ? null : c.from().name(), Types.VARCHAR)
        .param("to", c.to().name())
        .param("changed_at", utc(c.at()))
        .param("changed_by", c.by())
        .param("status_reason", c.reason(), Types.VARCHAR);
  }

  List<StatusChange> statusChanges(String participantId) {
    return jdbc.sql("SELECT * FROM status_change WHERE participant_id = :p ORDER BY seq")
        .param("p", participantId)
        .query((rs, n) -> {
          String from = rs.getString("from_status");
          return new StatusChange(rs.getInt("seq"), from == null ? null : ParticipantStatus.valueOf(from),
              ParticipantStatus.valueOf(rs.getString("to_status")), instant(rs, "changed_at"),
              rs.getString("changed_by"), rs.getString("reason"));
        })
        .list();
  }

  /**
   * A page of participants.
   *
   * @param sites restrict to these sites, or null for all
   * @param site filter by one site, or null
   * @param status filter by status, or null
   */
  ParticipantPage page(Collection<String> sites, String site, ParticipantStatus status, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (sites != null) {
      where.append(" AND site_code IN (:sites)");
    }
    if (site != null) {
      where.append(" AND site_code = :site");
    }
    if (status != null) {
      where.append(" AND status = :status");
    }
    long total = bind(jdbc.sql("SELECT COUNT(*) FROM participant" + where), sites, site, status)
        .query(Long.class)
        .single();
    List<Participant> items =
        bind(jdbc.sql("SELECT " + COLUMNS + " FROM participant" + where
                + " ORDER BY screening_number LIMIT :limit OFFSET :offset"), sites, site, status)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query((rs, n) -> read(rs))
            .list();
    return new ParticipantPage(items, page, size, total);
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, Collection<String> sites, String site, ParticipantStatus status) {
    if (sites != null) {
      spec = spec.param("sites", sites);
    }
    if (site != null) {
      spec = spec.param("site", site);
    }
    if (status != null) {
      spec = spec.param("status", status.name());
    }
    return spec;
  }

  private static Participant read(ResultSet rs) throws SQLException {
    String cf = rs.getString("consent_form_version");
    Consent consent = cf == null ? null : new Consent(cf, rs.getObject("consent_date", LocalDate.class),
        rs.getString("consent_obtained_by"));
    LocalDate wd = rs.getObject("withdrawal_date", LocalDate.class);
    Withdrawal w = wd == null ? null : new Withdrawal(wd, rs.getString("withdrawal_reason"),
        rs.getBoolean("withdrawal_follow_up"));
    return new Participant(rs.getString("id"), rs.getString("site_code"), rs.getString("screening_number"),
        ParticipantStatus.valueOf(rs.getString("status")), rs.getInt("screening_version"), consent, w,
        instant(rs, "created_at"), rs.getString("created_by"));
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    return rs.getObject(col, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
