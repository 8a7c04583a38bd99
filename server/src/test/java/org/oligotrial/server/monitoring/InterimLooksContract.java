package org.oligotrial.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.Compliance;
import org.oligotrial.endpoints.TreatmentDelivery;
import org.oligotrial.endpoints.EventSource;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Interim looks on a database (H2 or PostgreSQL by subclass): the statistic of a small dataset computed by hand,
 * recording with the dataset's hash, numbering, refusal of a look without new events, the append-only table, and who
 * may read and record (refusals audited).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InterimLooksContract {
  static final Protocol PROTOCOL = ProtocolLoader.bundled();
  static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  final Actor dsmb = new Actor("dsmb.chair", Role.DSMB, Set.of());
  final Actor stat = new Actor("stat", Role.STATISTICIAN, Set.of());
  final Actor coord = new Actor("coord.a", Role.COORDINATOR, Set.of("A"));
  HikariDataSource ds;
  Register reg;
  InterimLooks looks;

  abstract String openDatabase();

  abstract void closeDatabase();

  @BeforeAll
  void setUp() {
    ds = TestRegisters.migrated(openDatabase(), 4);
    reg = TestRegisters.on(ds);
    String trial = reg.trials().defaultTrial().id();
    looks = new InterimLooks(reg.jdbc(), reg.tx(), new TrialAudit(reg.audit(), trial),
        Clock.fixed(DAY0.plusDays(400).atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  @AfterAll
  void tearDown() {
    ds.close();
    closeDatabase();
  }

  static TimeToEvent pfs(long days, boolean event) {
    return new TimeToEvent(days, event, DAY0.plusDays(days), event ? "progression" : "last assessment",
        event ? EventSource.RECIST : EventSource.CENSORED);
  }

  static AnalysisRow row(String id, String arm, String stratum, long days, boolean event) {
    TimeToEvent censored = pfs(days, false);
    // keyed by the endpoint ids of the bundled protocol (NCT03119519), whose plan monitors pfs
    return new AnalysisRow(id, arm, List.of(stratum, "a", "b", "c", "d"), Compliance.of(TreatmentDelivery.NONE), 0,
        java.util.Map.of("pfs", pfs(days, event), "os", censored, "thoracic-pfs", censored, "local-control",
            censored, "oligometastatic-control", censored));
  }

  /**
   * Four participants (RT+ the experimental arm): RT+ progresses on day 1 and is censored on day 3; RT- progresses on
   * days 2 and 4. By hand: at day 1, 4 at risk, 2 RT+: E = 1/2, V = 2*2*1*3/(4^2*3) = 1/4; at day 2, 3 at risk, 1
   * RT+: E = 1/3, V = 1*2*1*2/(3^2*2) = 2/9; at day 4 no RT+ at risk. O - E = 1 - 5/6 = 1/6, V = 17/36:
   * z = (1/6)/sqrt(17/36) = 1/sqrt(17) = 0.242535625.
   */
  static List<AnalysisRow> fourIn(String stratum, String prefix) {
    return List.of(row(prefix + "1", "RT+", stratum, 1, true), row(prefix + "2", "RT+", stratum, 3, false),
        row(prefix + "3", "RT-", stratum, 2, true), row(prefix + "4", "RT-", stratum, 4, true));
  }

  @Test
  void theLogRankStatisticIsTheHandComputedOneAndStratifiedItSumsOverStrata() {
    InterimAnalysis.Observed one = InterimAnalysis.observe(PROTOCOL, fourIn("s1", "p"));
    assertThat(one.look().logRankZ()).isCloseTo(1 / Math.sqrt(17), within(1e-12));
    assertThat(one.look().events()).isEqualTo(3);
    assertThat(one.eventsExperimental()).isEqualTo(1);
    assertThat(one.eventsControl()).isEqualTo(2);
    // two identical strata: O - E = 2/6, V = 34/36, z = (1/3)/sqrt(34/36) = 2/sqrt(34) = 0.342997170
    List<AnalysisRow> two = new ArrayList<>(fourIn("s1", "p"));
    two.addAll(fourIn("s2", "q"));
    InterimAnalysis.Observed s = InterimAnalysis.observe(PROTOCOL, two);
    assertThat(s.strata()).isEqualTo(2);
    assertThat(s.look().logRankZ()).isCloseTo(2 / Math.sqrt(34), within(1e-12));
  }

  @Test
  void looksAreRecordedWithTheDatasetHashNumberedAndCannotBeChanged() {
    List<AnalysisRow> first = fourIn("s1", "p");
    assertThatThrownBy(() -> looks.record(coord, PROTOCOL, first, DAY0.plusDays(400)))
        .isInstanceOf(SiteAccessDeniedException.class);
    assertThat(reg.audit().latest(1).get(0).entry().action()).isEqualTo(AuditAction.ACCESS_DENIED);

    InterimLooks.Recorded l1 = looks.record(stat, PROTOCOL, first, DAY0.plusDays(400));
    assertThat(l1.number()).isEqualTo(1);
    assertThat(l1.datasetSha256()).isEqualTo(InterimLooks.sha256(AnalysisCsv.toCsv(PROTOCOL,
        org.oligotrial.randomization.ProtocolRandomization.factors(PROTOCOL), first))).hasSize(64);
    assertThat(l1.result().get("observed").get("events").asInt()).isEqualTo(3);
    // the plan of the bundled protocol: 122 planned events, RT+ experimental with HR 0.6, so z = -z_LR
    assertThat(l1.result().get("informationFraction").asDouble()).isCloseTo(3.0 / 122, within(1e-12));
    assertThat(l1.result().get("z").asDouble()).isCloseTo(-1 / Math.sqrt(17), within(1e-12));
    assertThat(l1.result().get("decision").asString()).isEqualTo("CONTINUE");
    AuditEvent created = reg.audit().latest(1).get(0);
    assertThat(created.entry().action()).isEqualTo(AuditAction.CREATE);
    assertThat(created.entry().entityType()).isEqualTo("interim-look");
    assertThat(created.entry().newValue()).contains(l1.datasetSha256());

    // no new event since look 1: refused (409), nothing recorded
    assertThatThrownBy(() -> looks.record(dsmb, PROTOCOL, first, DAY0.plusDays(400)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("events");
    List<AnalysisRow> more = new ArrayList<>(first);
    more.add(row("p5", "RT-", "s1", 5, true));
    InterimLooks.Recorded l2 = looks.record(dsmb, PROTOCOL, more, DAY0.plusDays(400));
    assertThat(l2.number()).isEqualTo(2);
    assertThat(l2.datasetSha256()).isNotEqualTo(l1.datasetSha256());
    assertThat(looks.looks()).extracting(InterimLooks.Recorded::number).containsExactly(1, 2);

    assertThatThrownBy(() -> reg.jdbc().sql("UPDATE interim_look SET result_json = '{}'").update())
        .rootCause().hasMessageContaining("interim_look is immutable");
    assertThatThrownBy(() -> reg.jdbc().sql("DELETE FROM interim_look").update())
        .rootCause().hasMessageContaining("interim_look is immutable");
    assertThat(looks.looks()).hasSize(2);
  }

  @Test
  void onlyTheDsmbReadsTheLooksAndEveryReadingIsAudited() {
    assertThatThrownBy(() -> looks.list(stat)).isInstanceOf(SiteAccessDeniedException.class);
    assertThat(reg.audit().latest(1).get(0).entry().action()).isEqualTo(AuditAction.ACCESS_DENIED);
    looks.list(dsmb);
    AuditEvent viewed = reg.audit().latest(1).get(0);
    assertThat(viewed.entry().actor()).isEqualTo("dsmb.chair");
    assertThat(viewed.entry().entityType()).isEqualTo("interim-look");
  }
}
