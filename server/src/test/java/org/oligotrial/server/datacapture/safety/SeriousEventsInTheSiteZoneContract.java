package org.oligotrial.server.datacapture.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.safety.ReportingDeadline.Status;
import org.oligotrial.server.datacapture.MutableClock;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.FixedRandomizationFacts;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.site.SiteService;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 24-hour SAE clock at sites in different time zones (H2 or PostgreSQL by subclass): a site's local awareness
 * and report times are read in the site's IANA zone, "now" is an instant. Sites: SH in Asia/Shanghai (UTC+08:00 all
 * year, no daylight saving since 1991), U added without a zone (UTC, as every site before V96), BER in
 * Europe/Berlin (CET UTC+01:00, CEST UTC+02:00 from 2026-03-29 01:00 UTC, when 02:00 local jumps to 03:00: EU
 * summer time starts on the last Sunday of March). Every expected value is worked by hand in the comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeriousEventsInTheSiteZoneContract {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = "correct horse battery";

  HikariDataSource ds;
  Register reg;
  DataCapture dc;
  final FixedRandomizationFacts facts = new FixedRandomizationFacts();
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  Actor admin;
  Actor coord;
  Actor inv;

  abstract String openDatabase();

  abstract void closeDatabase();



  @BeforeAll
  void setUp() {
    ds = TestRegisters.migrated(openDatabase(), 4);
    reg = TestRegisters.on(ds);
    dc = DataCapture.on(reg, ProtocolLoader.bundled(), facts, clock);
    admin = TestRegisters.admin();
    reg.sites().add(admin, "SH", "Shanghai Chest Hospital", "Asia/Shanghai");
    reg.sites().add(admin, "U", "Site without a zone");
    reg.sites().add(admin, "BER", "Charite Berlin", "Europe/Berlin");
    for (String[] u : new String[][] {{"coord.z", "COORDINATOR"}, {"inv.z", "INVESTIGATOR"}}) {
      reg.users().add(admin, u[0], Role.valueOf(u[1]), Set.of("SH", "U", "BER"), PASSWORD);
    }
    coord = reg.users().find("coord.z").orElseThrow().actor();
    inv = reg.users().find("inv.z").orElseThrow().actor();
  }

  @AfterAll
  void tearDown() {
    ds.close();
    closeDatabase();
  }

  /** A serious adverse event at the site, entered at {@code enteredAt}; its form id. */
  private String seriousEvent(String site, String participant, String enteredAt) {
    clock.set(Instant.parse(enteredAt));
    return dc.forms().create(coord, participant, "adverse-event", null, null, JSON.readTree(("{'term':'Pneumonitis',"
        + "'grade':3,'startDate':'2026-02-20','serious':true,'relatedToSystemicTherapy':'possible',"
        + "'relatedToRadiotherapy':'probable','actionTaken':'interrupted','outcome':'recovering'}")
        .replace('\'', '"'))).id();
  }

  /** The initial report of the event with the site's local awareness time and, if given, the local time it was sent. */
  private StoredForm report(String participant, String ae, String awarenessAt, String reportedAt) {
    return dc.forms().create(coord, participant, "sae-report", null, null, JSON.readTree(("{'adverseEventForm':'" + ae
        + "','reportType':'initial','term':'Pneumonitis','grade':3,'onsetDate':'2026-02-20','awarenessAt':'"
        + awarenessAt + "'," + (reportedAt == null ? "" : "'reportedAt':'" + reportedAt + "',")
        + "'resultsInDeath':false,'lifeThreatening':false,'hospitalisation':true,'disability':false,"
        + "'congenitalAnomaly':false,'otherImportantEvent':false,'relatedToSystemicTherapy':'possible',"
        + "'relatedToRadiotherapy':'probable','actionTaken':'interrupted','outcome':'recovering',"
        + "'narrative':'admitted with grade 3 pneumonitis, oxygen and steroids'}").replace('\'', '"')));
  }

  private String participant(String site) {
    String id = reg.participants().register(coord, site, site + "-" + UUID.randomUUID().toString().substring(0, 8),
        ScriptedEvaluator.record("ELIGIBLE")).participant().id();
    facts.add(id, "RT+", LocalDate.of(2026, 2, 1), "non-targeted");
    return id;
  }

  /** The participant's one event, as the investigator's alert sees it at {@code now}. */
  private SeriousEvent at(String participant, String now) {
    clock.set(Instant.parse(now));
    List<SeriousEvent> all = dc.seriousEvents().all(inv, participant);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void atShanghaiTheClockCountsFromTheLocalAwarenessInUtcPlusEight() {
    String p = participant("SH");
    String ae = seriousEvent("SH", p, "2026-03-01T03:00:00Z");
    report(p, ae, "2026-03-01T10:00", null);
    // awareness 2026-03-01 10:00 at UTC+08:00 = 2026-03-01 02:00 UTC; due + 24 h = 2026-03-02 02:00 UTC
    // = 2026-03-02 10:00 Shanghai time
    SeriousEvent due = at(p, "2026-03-02T01:59:00Z");
    assertThat(due.status()).isEqualTo(Status.DUE);
    assertThat(due.remaining()).isEqualTo(Duration.ofMinutes(1)); // 02:00 - 01:59
    assertThat(due.clock()).isEqualTo("0 h 1 min left");
    assertThat(due.due().toInstant()).isEqualTo(Instant.parse("2026-03-02T02:00:00Z"));
    assertThat(due.times()).isEqualTo("due 2026-03-02 10:00 (Asia/Shanghai, UTC+08:00), aware since 2026-03-01 10:00");
    SeriousEvent overdue = at(p, "2026-03-02T02:01:00Z");
    assertThat(overdue.status()).isEqualTo(Status.OVERDUE);
    assertThat(overdue.clock()).isEqualTo("overdue by 0 h 1 min"); // 02:01 - 02:00
    assertThat(dc.seriousEvents().open(inv, p)).singleElement().matches(SeriousEvent::overdue);
  }

  @Test
  void theSameLocalTimesAtAUtcSiteAreEightHoursLater() {
    String p = participant("U");
    String ae = seriousEvent("U", p, "2026-03-01T11:00:00Z");
    report(p, ae, "2026-03-01T10:00", null);
    // the site without a zone is in UTC: awareness 2026-03-01 10:00 UTC, due 2026-03-02 10:00 UTC, 8 hours after
    // the Shanghai deadline (02:00 UTC); at 01:59 UTC 8 h 1 min are left where Shanghai has 1 min
    SeriousEvent e = at(p, "2026-03-02T01:59:00Z");
    assertThat(e.status()).isEqualTo(Status.DUE);
    assertThat(e.remaining()).isEqualTo(Duration.ofHours(8).plusMinutes(1));
    assertThat(e.due().toInstant()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(e.times()).isEqualTo("due 2026-03-02 10:00 (UTC), aware since 2026-03-01 10:00");
    assertThat(at(p, "2026-03-02T10:00:00Z").status()).isEqualTo(Status.DUE); // exactly at the deadline
    assertThat(at(p, "2026-03-02T10:01:00Z").status()).isEqualTo(Status.OVERDUE);
  }

  @Test
  void aReportSentAt0959LocalTheNextDayIsOnTimeAtShanghai() {
    String p = participant("SH");
    String ae = seriousEvent("SH", p, "2026-03-01T03:00:00Z");
    clock.set(Instant.parse("2026-03-02T02:30:00Z"));
    report(p, ae, "2026-03-01T10:00", "2026-03-02T09:59");
    // sent 2026-03-02 09:59 Shanghai = 01:59 UTC <= due 02:00 UTC: on time, whatever the server's clock says now
    SeriousEvent e = at(p, "2026-03-05T00:00:00Z");
    assertThat(e.status()).isEqualTo(Status.ON_TIME);
    assertThat(e.reported().toInstant()).isEqualTo(Instant.parse("2026-03-02T01:59:00Z"));
    assertThat(e.open()).isFalse();
    assertThat(dc.seriousEvents().open(inv, p)).isEmpty();
    // 10:01 local = 02:01 UTC > 02:00 UTC: late
    String p2 = participant("SH");
    String ae2 = seriousEvent("SH", p2, "2026-03-01T03:00:00Z");
    report(p2, ae2, "2026-03-01T10:00", "2026-03-02T10:01");
    assertThat(at(p2, "2026-03-05T00:00:00Z").status()).isEqualTo(Status.LATE);
  }

  @Test
  void acrossTheSpringChangeInBerlinTwentyFourWallClockHoursAreTwentyThreeElapsed() {
    String p = participant("BER");
    String ae = seriousEvent("BER", p, "2026-03-28T10:00:00Z");
    report(p, ae, "2026-03-28T10:00", null);
    // awareness 2026-03-28 10:00 CET (UTC+01:00) = 09:00 UTC; due 2026-03-29 09:00 UTC = 11:00 CEST (UTC+02:00):
    // 24 elapsed hours are 25 wall-clock hours here
    SeriousEvent e = at(p, "2026-03-29T08:00:00Z");
    // now 2026-03-29 08:00 UTC = 10:00 CEST: 24 wall-clock hours after 10:00 CET, but 23 elapsed: 1 h left
    assertThat(e.status()).isEqualTo(Status.DUE);
    assertThat(e.remaining()).isEqualTo(Duration.ofHours(1));
    assertThat(Duration.between(e.awareness().toLocalDateTime(), e.due().toLocalDateTime()))
        .isEqualTo(Duration.ofHours(25));
    assertThat(e.times()).isEqualTo("due 2026-03-29 11:00 (Europe/Berlin, UTC+02:00), aware since 2026-03-28 10:00"
        + " (UTC+01:00)");
    assertThat(at(p, "2026-03-29T09:01:00Z").status()).isEqualTo(Status.OVERDUE);
  }

  @Test
  void inBerlinAReportTwentyFourWallClockHoursLaterAcrossTheChangeIsOnTime() {
    String p = participant("BER");
    String ae = seriousEvent("BER", p, "2026-03-28T10:00:00Z");
    clock.set(Instant.parse("2026-03-29T09:00:00Z"));
    StoredForm r = report(p, ae, "2026-03-28T10:00", "2026-03-29T10:30");
    // sent 10:30 CEST = 08:30 UTC, 23 h 30 min after 09:00 UTC (24 h 30 min on the wall clock): on time
    SeriousEvent e = at(p, "2026-03-30T00:00:00Z");
    assertThat(e.status()).isEqualTo(Status.ON_TIME);
    assertThat(Duration.between(e.awareness().toInstant(), e.reported().toInstant()))
        .isEqualTo(Duration.ofHours(23).plusMinutes(30));
    // and the edit check EC10 (reported within 24 hours of awareness) counts the same elapsed time: no query
    assertThat(dc.queries().ofForm(r.id())).noneMatch(q -> q.origin().equals("EC10"));
  }

  @Test
  void inBerlinTheEditCheckCountsElapsedHoursAcrossTheChange() {
    String p = participant("BER");
    String ae = seriousEvent("BER", p, "2026-03-28T10:00:00Z");
    clock.set(Instant.parse("2026-03-29T10:00:00Z"));
    StoredForm r = report(p, ae, "2026-03-28T10:00", "2026-03-29T11:30");
    // 11:30 CEST = 09:30 UTC, 24 h 30 min after 09:00 UTC: late; due 09:00 UTC = 11:00 CEST on 2026-03-29
    assertThat(dc.queries().ofForm(r.id())).filteredOn(q -> q.origin().equals("EC10")).singleElement()
        .satisfies(q -> assertThat(q.text()).contains("(due by 2026-03-29T11:00)"));
    // at a UTC site the same local times are 25 h 30 min apart on the clock and in elapsed time alike: late too,
    // due 2026-03-29 10:00
    String u = participant("U");
    String ae2 = seriousEvent("U", u, "2026-03-28T10:00:00Z");
    StoredForm r2 = report(u, ae2, "2026-03-28T10:00", "2026-03-29T11:30");
    assertThat(dc.queries().ofForm(r2.id())).filteredOn(q -> q.origin().equals("EC10")).singleElement()
        .satisfies(q -> assertThat(q.text()).contains("(due by 2026-03-29T10:00)"));
  }

  @Test
  void anAwarenessInTheSpringGapIsMovedLaterByTheGap() {
    String p = participant("BER");
    String ae = seriousEvent("BER", p, "2026-03-29T02:00:00Z");
    report(p, ae, "2026-03-29T02:30", null);
    // 02:30 does not exist on 2026-03-29 in Berlin (02:00 CET -> 03:00 CEST): java.time moves it one hour later,
    // 03:30 CEST = 01:30 UTC; due 2026-03-30 01:30 UTC = 03:30 CEST
    SeriousEvent e = at(p, "2026-03-29T12:00:00Z");
    assertThat(e.awareness().toInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(e.times()).isEqualTo("due 2026-03-30 03:30 (Europe/Berlin, UTC+02:00), aware since 2026-03-29 03:30");
  }

  @Test
  void withoutAReportTheEntryInstantIsShownInTheSitesZone() {
    String p = participant("SH");
    seriousEvent("SH", p, "2026-03-01T02:00:00Z");
    // entered 2026-03-01 02:00 UTC = 10:00 Shanghai; due 2026-03-02 02:00 UTC = 10:00 Shanghai
    SeriousEvent e = at(p, "2026-03-01T20:00:00Z");
    assertThat(e.awarenessEntered()).isTrue();
    assertThat(e.remaining()).isEqualTo(Duration.ofHours(6)); // 02:00 next day - 20:00
    assertThat(e.times()).isEqualTo("due 2026-03-02 10:00 (Asia/Shanghai, UTC+08:00), aware since 2026-03-01 10:00"
        + " (when the event was entered; no report gives the awareness time)");
  }

  @Test
  void aSiteAddedWithoutAZoneIsInUtcAndAZoneChangeIsAudited() {
    assertThat(reg.sites().find("U").orElseThrow().timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(reg.sites().timeZones(List.of("SH", "U", "BER", "NOPE"))).containsOnly(
        java.util.Map.entry("SH", ZoneId.of("Asia/Shanghai")), java.util.Map.entry("U", ZoneId.of("UTC")),
        java.util.Map.entry("BER", ZoneId.of("Europe/Berlin")));
    reg.sites().add(admin, "MOVE", "Site that moves");
    reg.sites().find("MOVE").orElseThrow(); // kept in memory: the change must forget it
    var moved = reg.sites().setTimeZone(admin, "move", "Asia/Shanghai", "the site is in Guangzhou");
    assertThat(moved.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(reg.sites().find("MOVE").orElseThrow().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    var row = JdbcClient.create(ds).sql("SELECT action, old_value, new_value, reason FROM audit_event"
        + " WHERE entity_type = 'site' AND entity_id = 'MOVE' AND field = 'timeZone'").query().listOfRows();
    assertThat(row).singleElement().satisfies(r -> {
      assertThat(r.get("action")).isEqualTo("UPDATE");
      assertThat(r.get("old_value")).isEqualTo("UTC");
      assertThat(r.get("new_value")).isEqualTo("Asia/Shanghai");
      assertThat(r.get("reason")).isEqualTo("the site is in Guangzhou");
    });
    assertThat(reg.verifier().verify().intact()).isTrue();
  }

  @Test
  void anUnknownZoneOrAFixedOffsetIsRefusedNamingTheField() {
    for (String bad : new String[] {"Mars/Olympus_Mons", "+08:00", "asia/shanghai", "GMT+8 "}) {
      assertThatThrownBy(() -> reg.sites().add(admin, "BAD", "Bad zone", bad)).as(bad)
          .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("timeZone: ")
          .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("timeZone"));
      assertThatThrownBy(() -> reg.sites().setTimeZone(admin, "SH", bad, "typo")).as(bad)
          .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("timeZone: ");
    }
    assertThat(reg.sites().find("BAD")).isEmpty();
    assertThat(reg.sites().find("SH").orElseThrow().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(SiteService.zone(" Europe/Berlin ")).isEqualTo(ZoneId.of("Europe/Berlin"));
  }
}
