package org.oligotrial.server.datacapture.safety;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oligotrial.ctcae.CodedTerm;
import org.oligotrial.ctcae.CodedTerms;
import org.oligotrial.safety.ReportingDeadline;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.JdbcParticipantReads;
import org.oligotrial.server.participant.ParticipantReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The serious adverse events (SAEs) of a trial with their 24-hour reporting clock ({@link ReportingDeadline}), for the
 * alert on the dashboard and the participant page.
 *
 * <p>Who sees them: the investigators, data managers and monitors of the participant's site (their own sites; the
 * trial's roles, so another trial's staff see only that trial's events). Coordinators, other sites' staff and the
 * roles that read every site (statistician, administrator) see none: the alert asks the site's responsible people to
 * act, it is not a listing (the DSMB report has the SAE listing).
 *
 * <p>What an SAE is: an {@code adverse-event} form marked {@code serious}, and an {@code sae-report} form. A report
 * names its adverse-event form in {@code adverseEventForm}; the pair is one event, timed by the report. Rules:
 * <ol>
 *   <li>awareness = the report's {@code awarenessAt}; without a report (or in a trial whose protocol has no report
 *       form) the time the adverse-event form was entered, in UTC: the site knew at the latest then;</li>
 *   <li>reported = the report's {@code reportedAt}, or none;</li>
 *   <li>status = {@link ReportingDeadline#status}(awareness, reported, now, 24 h): DUE or OVERDUE while not reported
 *       (the alert stands), ON_TIME or LATE once reported.</li>
 * </ol>
 * "Now" is the injected clock's UTC date-time. Site times are entered as local wall-clock times without a zone (the
 * site's zone is not recorded), so for a site away from UTC the clock is off by the site's UTC offset; recording a
 * zone per site would remove that error. Two statements per call (the forms of the two types at the sites, and the
 * screening numbers when there is an event), whatever the number of participants. Thread-safe.
 */
public final class SeriousEvents {
  private static final Set<Role> ALERTED = Set.of(Role.INVESTIGATOR, Role.DATA_MANAGER, Role.MONITOR);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcClient jdbc;
  private final String trialId;
  private final Clock clock;

  public SeriousEvents(JdbcClient jdbc, String trialId, Clock clock) {
    this.jdbc = jdbc;
    this.trialId = trialId;
    this.clock = clock;
  }

  /** Whether the actor's role is one the SAE alert is for. */
  public static boolean alerted(Actor actor) {
    return ALERTED.contains(actor.role());
  }

  /**
   * The SAEs not yet reported at the actor's sites, overdue first, then by deadline; empty for the roles not alerted.
   *
   * @param participantId restrict to this participant, or null for every participant of the actor's sites
   */
  public List<SeriousEvent> open(Actor actor, String participantId) {
    return all(actor, participantId).stream().filter(SeriousEvent::open).toList();
  }

  /** Every SAE at the actor's sites, reported or not, in the order of {@link #open}. */
  public List<SeriousEvent> all(Actor actor, String participantId) {
    if (!alerted(actor) || actor.sites().isEmpty()) {
      return List.of();
    }
    record Row(String id, String participantId, String siteCode, String type, JsonNode values,
        LocalDateTime entered) {}
    Collection<String> sites = actor.sites();
    List<Row> rows = jdbc.sql("SELECT id, participant_id, site_code, form_type, values_json, created_at FROM crf_form"
            + " WHERE trial_id = :t AND site_code IN (:sites) AND form_type IN ('adverse-event', 'sae-report')"
            + (participantId == null ? "" : " AND participant_id = :p") + " ORDER BY created_at, id")
        .param("t", trialId).param("sites", sites)
        .params(participantId == null ? Map.of() : Map.of("p", participantId))
        .query((rs, n) -> new Row(rs.getString("id"), rs.getString("participant_id"), rs.getString("site_code"),
            rs.getString("form_type"), JSON.readTree(rs.getString("values_json")),
            LocalDateTime.ofInstant(rs.getObject("created_at", OffsetDateTime.class).toInstant(), ZoneOffset.UTC)))
        .list();
    Map<String, Row> reportOf = new HashMap<>();
    for (Row r : rows) {
      String ae = r.values().path("adverseEventForm").asString("");
      if (r.type().equals("sae-report") && !ae.isBlank()) {
        reportOf.putIfAbsent(ae, r); // the first report (the initial one) times the event
      }
    }
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    List<Row> events = new ArrayList<>();
    Set<String> linked = new HashSet<>();
    for (Row r : rows) {
      if (r.type().equals("adverse-event") && r.values().path("serious").asBoolean(false)) {
        events.add(r);
        if (reportOf.containsKey(r.id())) {
          linked.add(reportOf.get(r.id()).id());
        }
      }
    }
    rows.stream().filter(r -> r.type().equals("sae-report") && !linked.contains(r.id())
        && !"follow-up".equals(r.values().path("reportType").asString(""))).forEach(events::add);
    if (events.isEmpty()) {
      return List.of();
    }
    Map<String, String> numbers = new HashMap<>();
    new JdbcParticipantReads(jdbc, trialId).atSites(sites)
        .forEach((ParticipantReads.Listed p) -> numbers.put(p.id(), p.screeningNumber()));
    List<SeriousEvent> out = new ArrayList<>();
    for (Row e : events) {
      Row report = e.type().equals("sae-report") ? e : reportOf.get(e.id());
      LocalDateTime awareness = report == null ? null : time(report.values().path("awarenessAt"));
      LocalDateTime reported = report == null ? null : time(report.values().path("reportedAt"));
      boolean entered = awareness == null;
      if (entered) {
        awareness = e.entered();
      }
      ReportingDeadline.Status status =
          ReportingDeadline.status(awareness, reported, now, ReportingDeadline.SAE_HOURS);
      out.add(new SeriousEvent(e.participantId(), numbers.getOrDefault(e.participantId(), ""), e.siteCode(), e.id(),
          describe(e.values()), awareness, entered, ReportingDeadline.due(awareness, ReportingDeadline.SAE_HOURS),
          reported, status, ReportingDeadline.remaining(awareness, now, ReportingDeadline.SAE_HOURS)));
    }
    out.sort(Comparator.comparing(SeriousEvent::overdue).reversed().thenComparing(SeriousEvent::due));
    return out;
  }

  private static String describe(JsonNode v) {
    CodedTerm t = CodedTerms.read(v.get("term"));
    String term = t == null ? "serious adverse event" : t.label();
    return v.path("grade").isMissingNode() || v.path("grade").isNull() ? term
        : term + ", grade " + v.path("grade").asString();
  }

  private static LocalDateTime time(JsonNode n) {
    if (n == null || !n.isString() || n.asString().isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(n.asString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
