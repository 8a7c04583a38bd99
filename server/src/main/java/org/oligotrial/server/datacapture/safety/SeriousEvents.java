package org.oligotrial.server.datacapture.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 *   <li>awareness = the report's {@code awarenessAt}, a local wall-clock time at the site read in the site's time
 *       zone ({@code site.time_zone}, from the site feature's {@code SiteService#timeZones}); without a report (or in
 *       a trial whose protocol has no report form) the instant the adverse-event form was entered: the site knew at
 *       the latest then;</li>
 *   <li>reported = the report's {@code reportedAt}, read in the site's zone likewise, or none;</li>
 *   <li>due = awareness + 24 elapsed hours (an instant: the regulation's "within 24 hours" is elapsed time);</li>
 *   <li>status = {@link ReportingDeadline#status}(awareness, reported, now, 24 h) on the three instants, with "now"
 *       the injected clock's instant: DUE or OVERDUE while not reported (the alert stands), ON_TIME or LATE once
 *       reported.</li>
 * </ol>
 * A local time becomes an instant as {@link ZonedDateTime#of(LocalDateTime, ZoneId)} does: a time in a
 * daylight-saving gap (spring forward: 02:30 on the night clocks go from 02:00 to 03:00) is moved later by the
 * length of the gap (03:30), and a time in an overlap (autumn: 02:30 happens twice) takes the earlier offset (the
 * summer one). So across a change the deadline is 24 elapsed hours but 25 (spring) or 23 (autumn) wall-clock hours
 * after awareness; {@link SeriousEvent#times} shows it in the site's local time with the zone and offset. The
 * instants go to {@link ReportingDeadline} as UTC date-times, which have no daylight saving, so its wall-clock hours
 * are elapsed hours. A site whose zone was never set is in UTC, as every site was before zones were recorded: its
 * clocks are unchanged. Three statements per call (the forms of the two types at the sites, and, when there is an
 * event, the screening numbers and the sites' zones), whatever the number of participants. Thread-safe.
 */
public final class SeriousEvents {
  private static final Set<Role> ALERTED = Set.of(Role.INVESTIGATOR, Role.DATA_MANAGER, Role.MONITOR);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ZoneId UTC = ZoneId.of("UTC");
  private final JdbcClient jdbc;
  private final String trialId;
  private final Clock clock;
  private final Function<Collection<String>, Map<String, ZoneId>> siteZones;

  /**
   * @param siteZones the time zone of each of the site codes given (the site feature's
   *     {@code SiteService#timeZones}); a site missing from the answer is taken as UTC
   */
  public SeriousEvents(JdbcClient jdbc, String trialId, Clock clock,
      Function<Collection<String>, Map<String, ZoneId>> siteZones) {
    this.jdbc = jdbc;
    this.trialId = trialId;
    this.clock = clock;
    this.siteZones = siteZones;
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
        Instant entered) {}
    Collection<String> sites = actor.sites();
    List<Row> rows = jdbc.sql("SELECT id, participant_id, site_code, form_type, values_json, created_at FROM crf_form"
            + " WHERE trial_id = :t AND site_code IN (:sites) AND form_type IN ('adverse-event', 'sae-report')"
            + (participantId == null ? "" : " AND participant_id = :p") + " ORDER BY created_at, id")
        .param("t", trialId).param("sites", sites)
        .params(participantId == null ? Map.of() : Map.of("p", participantId))
        .query((rs, n) -> new Row(rs.getString("id"), rs.getString("participant_id"), rs.getString("site_code"),
            rs.getString("form_type"), JSON.readTree(rs.getString("values_json")),
            rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
    Map<String, Row> reportOf = new HashMap<>();
    for (Row r : rows) {
      String ae = r.values().path("adverseEventForm").asString("");
      if (r.type().equals("sae-report") && !ae.isBlank()) {
        reportOf.putIfAbsent(ae, r); // the first report (the initial one) times the event
      }
    }
    Instant now = clock.instant();
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
    Map<String, ZoneId> zones = siteZones.apply(sites);
    List<SeriousEvent> out = new ArrayList<>();
    for (Row e : events) {
      Row report = e.type().equals("sae-report") ? e : reportOf.get(e.id());
      ZoneId zone = zones.getOrDefault(e.siteCode(), UTC);
      LocalDateTime awareAt = report == null ? null : time(report.values().path("awarenessAt"));
      LocalDateTime reportedAt = report == null ? null : time(report.values().path("reportedAt"));
      boolean entered = awareAt == null;
      // rule 1: the site's wall-clock time in its zone (gap: later by the gap; overlap: the earlier offset)
      ZonedDateTime awareness = entered ? e.entered().atZone(zone) : ZonedDateTime.of(awareAt, zone);
      ZonedDateTime reported = reportedAt == null ? null : ZonedDateTime.of(reportedAt, zone);
      Timing t = timing(awareness.toInstant(), reported == null ? null : reported.toInstant(), now);
      out.add(new SeriousEvent(e.participantId(), numbers.getOrDefault(e.participantId(), ""), e.siteCode(), e.id(),
          describe(e.values()), awareness, entered, t.due().atZone(zone), reported, t.status(), t.remaining()));
    }
    out.sort(Comparator.comparing(SeriousEvent::overdue).reversed().thenComparing(SeriousEvent::due));
    return out;
  }

  /** The deadline, status and time left of rules 3 and 4, on instants. */
  record Timing(Instant due, ReportingDeadline.Status status, Duration remaining) {}

  /**
   * Rules 3 and 4 on instants: {@link ReportingDeadline} reads UTC date-times, where wall-clock hours are elapsed
   * hours (UTC has no daylight saving).
   *
   * @param reported when the report was sent, or null
   */
  static Timing timing(Instant awareness, Instant reported, Instant now) {
    LocalDateTime a = LocalDateTime.ofInstant(awareness, ZoneOffset.UTC);
    LocalDateTime r = reported == null ? null : LocalDateTime.ofInstant(reported, ZoneOffset.UTC);
    LocalDateTime n = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    long h = ReportingDeadline.SAE_HOURS;
    return new Timing(ReportingDeadline.due(a, h).toInstant(ZoneOffset.UTC), ReportingDeadline.status(a, r, n, h),
        ReportingDeadline.remaining(a, n, h));
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
