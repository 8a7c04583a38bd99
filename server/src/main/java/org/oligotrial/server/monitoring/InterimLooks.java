package org.oligotrial.server.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.oligotrial.design.MonitoringResult;
import org.oligotrial.design.ObservedLook;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Ids;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The interim looks of one trial: computed from the trial's analysis dataset ({@link InterimAnalysis}) and recorded
 * in {@code interim_look} (append-only, migrations V85 and V86) with the dataset's SHA-256, each recording and each
 * reading audited with the trial. Only DSMB members read the looks; DSMB members and the statistician record them
 * ({@link AccessPolicy#canSeeComparative}, {@link AccessPolicy#canRecordLook}); others are refused (403, audited).
 * Thread-safe; two recordings at once cannot take the same number (unique trial and number).
 */
public final class InterimLooks {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final TrialAudit audit;
  private final Clock clock;

  public InterimLooks(JdbcClient jdbc, TransactionTemplate tx, TrialAudit audit, Clock clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.tx = Objects.requireNonNull(tx, "tx");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A recorded look.
   *
   * @param number 1 for the first look
   * @param lookDate the day it was recorded (UTC)
   * @param dataCutoff the data cut-off: the day the dataset was derived, every form saved until then counted
   * @param datasetSha256 hex SHA-256 of the analysis dataset's CSV ({@link AnalysisCsv}) the look was computed from
   * @param result the result (see docs/group-sequential.md, "Monitoring in the server")
   * @param recordedBy who recorded it
   * @param recordedAt when
   */
  public record Recorded(int number, LocalDate lookDate, LocalDate dataCutoff, String datasetSha256, JsonNode result,
      String recordedBy, Instant recordedAt) {

    /** The statistic the look observed, as the monitoring of later looks takes it. */
    public ObservedLook observed() {
      JsonNode o = result.get("observed");
      return new ObservedLook(o.get("events").asDouble(), o.get("logRankZ").asDouble(), num(o.get("coxHazardRatio")),
          num(o.get("coxStandardError")));
    }
  }

  /** The trial's looks in order; DSMB members only, audited as a view. */
  public List<Recorded> list(Actor actor) {
    require(AccessPolicy.canSeeComparative(actor), actor, "read the interim looks");
    List<Recorded> looks = looks();
    audit.recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, "interim-look", "*", null, null,
        "viewed " + looks.size() + " interim looks", null, null));
    return looks;
  }

  /**
   * Computes the next look from the rows and records it.
   *
   * @param rows the trial's analysis dataset, derived on {@code cutoff}
   * @throws SiteAccessDeniedException (403, audited) for others than DSMB members and the statistician
   * @throws org.oligotrial.server.kernel.ConflictException (409) when the protocol has no plan, there is no event,
   *     the events did not increase since the last look, or all planned looks are taken
   */
  public Recorded record(Actor actor, Protocol protocol, List<AnalysisRow> rows, LocalDate cutoff) {
    require(AccessPolicy.canRecordLook(actor), actor, "record an interim look");
    String sha = sha256(AnalysisCsv.toCsv(protocol,
        org.oligotrial.randomization.ProtocolRandomization.factors(protocol), rows));
    InterimAnalysis.Observed observed = InterimAnalysis.observe(protocol, rows);
    return tx.execute(s -> {
      // the earlier looks as recorded; the unique (trial, number) refuses a concurrent recording of the same number
      List<Recorded> earlier = looks();
      MonitoringResult m = InterimAnalysis.monitor(protocol,
          earlier.stream().map(Recorded::observed).toList(), observed.look());
      int number = earlier.size() + 1;
      ObjectNode result = result(m, observed);
      Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      String id = Ids.next();
      jdbc.sql("INSERT INTO interim_look (id, trial_id, look_number, look_date, data_cutoff, dataset_sha256,"
              + " result_json, recorded_by, recorded_at) VALUES (:id, :trial, :n, :date, :cutoff, :sha, :json, :by,"
              + " :at)")
          .param("id", id).param("trial", audit.trialId()).param("n", number).param("date", today)
          .param("cutoff", cutoff).param("sha", sha).param("json", JSON.writeValueAsString(result))
          .param("by", actor.username()).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
          .update();
      audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, "interim-look", id, "look " + number, null,
          "events " + (long) observed.look().events() + ", z " + fmt(m.latest().z()) + ", decision "
              + m.latest().decision() + ", dataset sha256:" + sha, null, null));
      return new Recorded(number, today, cutoff, sha, result, actor.username(), now);
    });
  }

  /** The looks without an access check, for the report that has checked already. */
  public List<Recorded> looks() {
    return jdbc.sql("SELECT look_number, look_date, data_cutoff, dataset_sha256, result_json, recorded_by,"
            + " recorded_at FROM interim_look WHERE trial_id = :trial ORDER BY look_number")
        .param("trial", audit.trialId())
        .query((rs, n) -> new Recorded(rs.getInt(1), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class), rs.getString(4), JSON.readTree(rs.getString(5)), rs.getString(6),
            rs.getObject(7, OffsetDateTime.class).toInstant()))
        .list();
  }

  /** The trial whose looks these are. */
  public String trialId() {
    return audit.trialId();
  }

  static ObjectNode result(MonitoringResult m, InterimAnalysis.Observed observed) {
    MonitoringResult.Look l = m.latest();
    ObjectNode r = JSON.createObjectNode();
    ObjectNode o = r.putObject("observed");
    o.put("events", (long) observed.look().events());
    o.put("eventsExperimental", observed.eventsExperimental());
    o.put("eventsControl", observed.eventsControl());
    o.put("participants", observed.participants());
    o.put("strata", observed.strata());
    o.put("logRankZ", observed.look().logRankZ());
    putNum(o, "coxHazardRatio", observed.look().hazardRatio());
    putNum(o, "coxStandardError", observed.look().standardError());
    r.put("plannedEvents", m.plan().plannedEvents());
    r.put("informationFraction", l.informationFraction());
    r.put("final", l.isFinal());
    r.put("z", l.z());
    putNum(r, "efficacyZ", l.criticalZ());
    putNum(r, "futilityZ", l.futilityZ());
    r.put("cumulativeAlpha", l.cumulativeAlpha());
    putNum(r, "hazardRatio", l.hazardRatio());
    putNum(r, "rciLower", l.rciLower());
    putNum(r, "rciUpper", l.rciUpper());
    putNum(r, "conditionalPowerDesign", l.conditionalPowerDesign());
    putNum(r, "conditionalPowerTrend", l.conditionalPowerTrend());
    r.put("decision", l.decision().name());
    return r;
  }

  private static void putNum(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }

  static double num(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  private void require(boolean allowed, Actor actor, String what) {
    if (!allowed) {
      throw new AccessDenials(audit).refuse(actor, "interim-look", "*", null, what);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.3f", v);
  }

  static List<Double> doubles(JsonNode n) {
    List<Double> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asDouble()));
    return out;
  }
}
