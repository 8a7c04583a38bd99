package org.oligotrial.server.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.Identifiers;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
  /** {@link #COLUMNS} of the participant table aliased {@code p}. */
  private static final String P_COLUMNS = "p." + COLUMNS.replace(", ", ", p.");

  private static final String INSERT_PARTICIPANT = "INSERT INTO participant (id, trial_id, site_code,"
      + " screening_number, screening_number_key, status, screening_version, created_at, created_by, row_version)"
      + " VALUES (:id, :trial, :site, :num, :num_key, :status, :pv, :created_at, :created_by, 0)";
  private static final String INSERT_SCREENING = "INSERT INTO screening_version (participant_id, version, record_json,"
      + " verdict, eligibility_json, protocol_version, screen_failure_reasons, entered_at, entered_by, reason) VALUES"
      + " (:id, :sv, :rec, :verdict, :elig, :proto, :fail, :entered_at, :entered_by, :screening_reason)";
  private static final String INSERT_STATUS_CHANGE = "INSERT INTO status_change (participant_id, seq, from_status,"
      + " to_status, changed_at, changed_by, reason) VALUES (:id, %s, :from, :to, :changed_at, :changed_by,"
      + " :status_reason)";
  private static final String NEXT_STATUS_SEQ =
      "(SELECT COALESCE(MAX(seq), 0) + 1 FROM status_change WHERE participant_id = :id)";

  private static final ParsedSql NEW_PARTICIPANT =
      NamedParameterUtils.parseSqlStatement(INSERT_PARTICIPANT);
  private static final ParsedSql NEW_SCREENING = NamedParameterUtils.parseSqlStatement(INSERT_SCREENING);
  private static final ParsedSql NEW_STATUS_CHANGE =
      NamedParameterUtils.parseSqlStatement(INSERT_STATUS_CHANGE.formatted(":seq"));

  private final JdbcClient jdbc;
  private final String trial;

  /** The repository of one trial's participants: every read and write is limited to {@code trial_id = trial}. */
  ParticipantRepository(JdbcClient jdbc, String trial) {
    this.jdbc = jdbc;
    this.trial = trial;
  }

  /**
   * The statements that insert a new participant with its first screening version and its first status change
   * (numbered {@code c.seq()}), for {@link org.oligotrial.server.audit.AuditTrail#writeAudited}: on PostgreSQL they
   * go with their audit rows in one round trip, and the unique screening number violated by the first fails them
   * all.
   */
  List<AuditTrail.Statement> insertNew(Participant p, ScreeningVersion s, StatusChange c) {
    return List.of(
        positional(NEW_PARTICIPANT, participantParams(p).addValue("trial", trial)),
        positional(NEW_SCREENING, screeningParams(p.id(), s)),
        positional(NEW_STATUS_CHANGE, statusChangeParams(p.id(), c).addValue("seq", c.seq())));
  }

  private static AuditTrail.Statement positional(ParsedSql sql, SqlParameterSource params) {
    return new AuditTrail.Statement(NamedParameterUtils.substituteNamedParameters(sql, params),
        Arrays.asList(NamedParameterUtils.buildValueArray(sql, params, null)));
  }

  private static MapSqlParameterSource participantParams(Participant p) {
    return new MapSqlParameterSource()
        .addValue("id", p.id())
        .addValue("site", p.siteCode())
        .addValue("num", p.screeningNumber())
        .addValue("num_key", Identifiers.key(p.screeningNumber()))
        .addValue("status", p.status().name())
        .addValue("pv", p.screeningVersion())
        .addValue("created_at", utc(p.createdAt()))
        .addValue("created_by", p.createdBy());
  }

  /** The participant, row-locked until the transaction ends. */
  Optional<Participant> lock(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM participant WHERE id = :id AND trial_id = :trial FOR UPDATE")
        .param("id", id)
        .param("trial", trial)
        .query((rs, n) -> read(rs))
        .optional();
  }

  Optional<Participant> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM participant WHERE id = :id AND trial_id = :trial")
        .param("id", id)
        .param("trial", trial)
        .query((rs, n) -> read(rs))
        .optional();
  }

  void update(Participant p) {
    Consent c = p.consent();
    Withdrawal w = p.withdrawal();
    jdbc.sql("UPDATE participant SET status = :status, screening_version = :v, consent_form_version = :cf,"
            + " consent_date = :cd, consent_obtained_by = :cb, withdrawal_date = :wd, withdrawal_reason = :wr,"
            + " withdrawal_follow_up = :wf, row_version = row_version + 1 WHERE id = :id"
            + " AND trial_id = :trial")
        .param("trial", trial)
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
    jdbc.sql(INSERT_SCREENING).paramSource(screeningParams(participantId, s)).update();
  }

  private static MapSqlParameterSource screeningParams(String participantId, ScreeningVersion s) {
    return new MapSqlParameterSource()
        .addValue("id", participantId)
        .addValue("sv", s.version())
        .addValue("rec", s.recordJson())
        .addValue("verdict", s.verdict())
        .addValue("elig", s.eligibilityJson())
        .addValue("proto", s.protocolVersion())
        .addValue("fail", JSON.writeValueAsString(s.screenFailureReasons()))
        .addValue("entered_at", utc(s.enteredAt()))
        .addValue("entered_by", s.enteredBy())
        .addValue("screening_reason", s.reason(), Types.VARCHAR);
  }

  List<ScreeningVersion> screenings(String participantId) {
    return jdbc.sql("SELECT * FROM screening_version WHERE participant_id = :p ORDER BY version")
        .param("p", participantId)
        .query((rs, n) -> readScreening(rs))
        .list();
  }

  private static ScreeningVersion readScreening(ResultSet rs) throws SQLException {
    return new ScreeningVersion(rs.getInt("version"), rs.getString("record_json"), rs.getString("verdict"),
        rs.getString("eligibility_json"), rs.getString("protocol_version"),
        JSON.readValue(rs.getString("screen_failure_reasons"), new TypeReference<List<String>>() {}),
        instant(rs, "entered_at"), rs.getString("entered_by"), rs.getString("reason"));
  }

  /** Appends a status change, numbered next after the participant's last ({@code c.seq()} is not used). */
  void insertStatusChange(String participantId, StatusChange c) {
    jdbc.sql(INSERT_STATUS_CHANGE.formatted(NEXT_STATUS_SEQ)).paramSource(statusChangeParams(participantId, c))
        .update();
  }

  private static MapSqlParameterSource statusChangeParams(String participantId, StatusChange c) {
    return new MapSqlParameterSource()
        .addValue("id", participantId)
        .addValue("from", c.from() == null ? null : c.from().name(), Types.VARCHAR)
        .addValue("to", c.to().name())
        .addValue("changed_at", utc(c.at()))
        .addValue("changed_by", c.by())
        .addValue("status_reason", c.reason(), Types.VARCHAR);
  }

  List<StatusChange> statusChanges(String participantId) {
    return jdbc.sql("SELECT * FROM status_change WHERE participant_id = :p ORDER BY seq")
        .param("p", participantId)
        .query((rs, n) -> readStatusChange(rs))
        .list();
  }

  private static StatusChange readStatusChange(ResultSet rs) throws SQLException {
    String from = rs.getString("from_status");
    return new StatusChange(rs.getInt("seq"), from == null ? null : ParticipantStatus.valueOf(from),
        ParticipantStatus.valueOf(rs.getString("to_status")), instant(rs, "changed_at"), rs.getString("changed_by"),
        rs.getString("reason"));
  }

  /**
   * Every participant with its history, by screening number, in three statements (participants, their screening
   * versions, their status changes) rather than three per participant.
   *
   * @param sites restrict to these sites, or null for all
   * @param site filter by one site, or null
   */
  List<ParticipantHistory> histories(Collection<String> sites, String site) {
    String where = where(sites, site, null);
    List<Participant> ps = bind(jdbc.sql("SELECT " + P_COLUMNS + " FROM participant p"
            + where + " ORDER BY p.screening_number"), sites, site, null)
        .query((rs, n) -> read(rs))
        .list();
    Map<String, List<ScreeningVersion>> screenings = new HashMap<>();
    bind(jdbc.sql("SELECT v.* FROM screening_version v JOIN participant p ON p.id = v.participant_id" + where
            + " ORDER BY v.participant_id, v.version"), sites, site, null)
        .query((RowCallbackHandler) rs -> screenings.computeIfAbsent(rs.getString("participant_id"),
            k -> new ArrayList<>()).add(readScreening(rs)));
    Map<String, List<StatusChange>> changes = new HashMap<>();
    bind(jdbc.sql("SELECT c.* FROM status_change c JOIN participant p ON p.id = c.participant_id" + where
            + " ORDER BY c.participant_id, c.seq"), sites, site, null)
        .query((RowCallbackHandler) rs -> changes.computeIfAbsent(rs.getString("participant_id"),
            k -> new ArrayList<>()).add(readStatusChange(rs)));
    List<ParticipantHistory> out = new ArrayList<>(ps.size());
    for (Participant p : ps) {
      out.add(new ParticipantHistory(p, screenings.getOrDefault(p.id(), List.of()),
          changes.getOrDefault(p.id(), List.of())));
    }
    return out;
  }

  /**
   * Every participant with its latest screening version's verdict, by screening number: one statement, and none of
   * the record and result texts (which {@link #histories} reads, tens of kilobytes per participant).
   *
   * @param sites restrict to these sites, or null for all
   * @param site filter by one site, or null
   */
  List<LatestScreening> latestScreenings(Collection<String> sites, String site) {
    return bind(jdbc.sql("SELECT " + P_COLUMNS + ", v.verdict, v.screen_failure_reasons, v.entered_at AS v_entered_at"
            + " FROM participant p JOIN screening_version v ON v.participant_id = p.id AND v.version ="
            + " p.screening_version" + where(sites, site, null) + " ORDER BY p.screening_number"), sites, site, null)
        .query((rs, n) -> {
          Participant p = read(rs);
          return new LatestScreening(p, p.screeningVersion(), rs.getString("verdict"),
              JSON.readValue(rs.getString("screen_failure_reasons"), new TypeReference<List<String>>() {}),
              instant(rs, "v_entered_at"));
        })
        .list();
  }

  /**
   * The screening numbers of the given participants of the trial, by id: one statement per thousand ids (a
   * bounded {@code IN} list). Ids of other trials or outside {@code sites} are left out.
   *
   * @param sites restrict to these sites, or null for all
   */
  Map<String, String> screeningNumbers(Collection<String> sites, Collection<String> ids) {
    Map<String, String> out = new HashMap<>();
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 1000) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
      bind(jdbc.sql("SELECT p.id, p.screening_number FROM participant p" + where(sites, null, null)
          + " AND p.id IN (:ids)"), sites, null, null).param("ids", chunk)
          .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
    }
    return out;
  }

  /**
   * For each status, its first {@code limit} participants by screening number and how many there are: one statement
   * (a row number and a count over each status's rows), whatever the number of participants.
   *
   * @param sites restrict to these sites, or null for all
   */
  Map<ParticipantStatus, ParticipantPage> firstByStatus(Collection<String> sites, Collection<ParticipantStatus> statuses,
      int limit) {
    Map<ParticipantStatus, List<Participant>> items = new java.util.EnumMap<>(ParticipantStatus.class);
    Map<ParticipantStatus, Long> totals = new java.util.EnumMap<>(ParticipantStatus.class);
    bind(jdbc.sql("SELECT * FROM (SELECT " + P_COLUMNS + ", ROW_NUMBER() OVER (PARTITION BY p.status ORDER BY"
            + " p.screening_number) AS rn, COUNT(*) OVER (PARTITION BY p.status) AS matching FROM participant p"
            + where(sites, null, null) + " AND p.status IN (:statuses)) x WHERE x.rn <= :limit"
            + " ORDER BY x.status, x.screening_number"), sites, null, null)
        .param("statuses", statuses.stream().map(ParticipantStatus::name).toList())
        .param("limit", limit)
        .query((rs, n) -> {
          Participant p = read(rs);
          totals.put(p.status(), rs.getLong("matching"));
          return items.computeIfAbsent(p.status(), k -> new ArrayList<>()).add(p);
        })
        .list();
    Map<ParticipantStatus, ParticipantPage> out = new java.util.EnumMap<>(ParticipantStatus.class);
    for (ParticipantStatus st : statuses) {
      out.put(st, new ParticipantPage(items.getOrDefault(st, List.of()), 0, limit, totals.getOrDefault(st, 0L)));
    }
    return out;
  }

  /** The distinct protocol versions stored with the trial's screening results, sorted. */
  List<String> screeningProtocolVersions() {
    return jdbc.sql("SELECT DISTINCT v.protocol_version FROM screening_version v JOIN participant p ON p.id ="
            + " v.participant_id WHERE p.trial_id = :trial ORDER BY v.protocol_version")
        .param("trial", trial).query(String.class).list();
  }

  /**
   * A page of participants, ordered by screening number, with the number matching the filter: one statement (the
   * count is a window over the filtered rows, {@code COUNT(*) OVER ()}), and a second, a plain count, only when the
   * page asked for lies past the last one (no row to carry the count). The filtered rows are read by the index
   * {@code participant_trial_site_number} (V98) in screening-number order, so a page reads its rows and no more
   * when there is no text filter.
   *
   * @param sites restrict to these sites, or null for all
   * @param site filter by one site, or null
   * @param status filter by status, or null
   * @param numberKey keep the screening numbers whose {@link org.oligotrial.server.kernel.Identifiers#key key}
   *     contains this key (case-insensitive search), or null
   */
  ParticipantPage page(Collection<String> sites, String site, ParticipantStatus status, String numberKey, int page,
      int size) {
    String where = where(sites, site, status) + (numberKey == null ? "" : " AND p.screening_number_key LIKE :text"
        + " ESCAPE '!'");
    long[] total = {-1};
    List<Participant> items =
        text(bind(jdbc.sql("SELECT " + P_COLUMNS + ", COUNT(*) OVER () AS matching FROM participant p" + where
                + " ORDER BY p.screening_number LIMIT :limit OFFSET :offset"), sites, site, status), numberKey)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query((rs, n) -> {
              total[0] = rs.getLong("matching");
              return read(rs);
            })
            .list();
    if (total[0] < 0) {
      total[0] = page == 0 ? 0 : text(bind(jdbc.sql("SELECT COUNT(*) FROM participant p" + where), sites, site,
          status), numberKey).query(Long.class).single();
    }
    return new ParticipantPage(items, page, size, total[0]);
  }

  /** Binds the search text as a LIKE pattern ({@code %key%}, with {@code !} escaping {@code %}, {@code _}, {@code !}). */
  private static JdbcClient.StatementSpec text(JdbcClient.StatementSpec spec, String numberKey) {
    if (numberKey == null) {
      return spec;
    }
    return spec.param("text", "%" + numberKey.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
  }

  /**
   * The dashboard's counts in three statements, whatever the number of participants.
   *
   * @param sites restrict to these sites, or null for all
   */
  RegisterOverview overview(Collection<String> sites) {
    List<RegisterOverview.Count> counts = bind(jdbc.sql("SELECT p.site_code, p.status, COUNT(*) FROM participant p"
            + where(sites, null, null) + " GROUP BY p.site_code, p.status ORDER BY p.site_code, p.status"), sites, null,
            null)
        .query((rs, n) -> new RegisterOverview.Count(rs.getString(1), ParticipantStatus.valueOf(rs.getString(2)),
            rs.getInt(3)))
        .list();
    List<RegisterOverview.ScreenFailure> failures = bind(jdbc.sql("SELECT p.site_code, v.screen_failure_reasons"
            + " FROM participant p JOIN screening_version v ON v.participant_id = p.id AND v.version ="
            + " p.screening_version" + where(sites, null, ParticipantStatus.SCREEN_FAILED)
            + " ORDER BY p.screening_number"), sites, null, ParticipantStatus.SCREEN_FAILED)
        .query((rs, n) -> new RegisterOverview.ScreenFailure(rs.getString(1),
            JSON.readValue(rs.getString(2), new TypeReference<List<String>>() {})))
        .list();
    List<RegisterOverview.Randomization> randomized = bind(jdbc.sql("SELECT p.site_code, c.changed_at"
            + " FROM participant p JOIN status_change c ON c.participant_id = p.id" + where(sites, null, null)
            + " AND c.to_status = :to ORDER BY c.changed_at"), sites, null, null)
        .param("to", ParticipantStatus.RANDOMIZED.name())
        .query((rs, n) -> new RegisterOverview.Randomization(rs.getString(1), instant(rs, "changed_at")))
        .list();
    return new RegisterOverview(counts, failures, randomized);
  }

  /**
   * The filter on the participant table (aliased {@code p}) by which arguments are present, from fixed fragments;
   * {@link #bind} gives their values.
   */
  private static String where(Collection<String> sites, String site, ParticipantStatus status) {
    return " WHERE p.trial_id = :trial" + (sites == null ? "" : " AND p.site_code IN (:sites)")
        + (site == null ? "" : " AND p.site_code = :site") + (status == null ? "" : " AND p.status = :status");
  }

  private JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, Collection<String> sites, String site, ParticipantStatus status) {
    spec = spec.param("trial", trial);
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
