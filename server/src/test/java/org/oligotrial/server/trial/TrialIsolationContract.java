package org.oligotrial.server.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.scope.TrialScope;
import org.oligotrial.server.scope.TrialScopes;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.oligotrial.server.testing.TestRegisters;

/**
 * Two trials on one database: the default NCT03119519 (1:1, five factors) and SABR-COMET NCT01446744 (1:2, one
 * factor), each from its protocol file. Nothing of one trial is read, listed, randomized or counted through the
 * other's services, and roles hold on one trial only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrialIsolationContract {
  static final String FIRST = "NCT03119519";
  static final String SECOND = TestProtocols.SECOND;
  HikariDataSource ds;
  Register reg;
  TrialScopes scopes;
  final Actor admin = TestRegisters.admin();
  Actor coordFirst;
  Actor coordSecond;
  Actor statSecond;
  String eligible;

  abstract String openDatabase();

  abstract void closeDatabase();

  @BeforeAll
  void twoTrials() {
    ds = TestRegisters.migrated(openDatabase(), 8);
    reg = TestRegisters.on(ds); // scripted verdicts for the default trial; the second evaluates its protocol
    scopes = new TrialScopes(reg, Clock.systemUTC(), "", null);
    reg.sites().add(admin, "A", "Site A");
    reg.sites().add(admin, "B", "Site B");
    Trial second = reg.trials().add(admin, TestProtocols.second(), "nct01446744.yaml", false);
    assertThat(second.isDefault()).isFalse();
    reg.trials().enrolSite(admin, SECOND, "a");
    reg.users().add(admin, "coord.first", Role.COORDINATOR, Set.of("A"), "correct horse battery");
    reg.users().add(admin, "coord.second", Role.COORDINATOR, Set.of("A"), "correct horse battery", null, SECOND);
    reg.users().add(admin, "stat.second", Role.STATISTICIAN, Set.of(), "correct horse battery", null, SECOND);
    coordFirst = reg.users().actorOn("coord.first", FIRST).orElseThrow();
    coordSecond = reg.users().actorOn("coord.second", SECOND).orElseThrow();
    statSecond = reg.users().actorOn("stat.second", SECOND).orElseThrow();
    eligible = TestProtocols.secondEligible();
  }

  @AfterAll
  void close() {
    ds.close();
    closeDatabase();
  }

  @Test
  void rolesHoldOnOneTrialAndAdministratorsOnEvery() {
    assertThat(reg.users().actorOn("coord.first", SECOND)).isEmpty();
    assertThat(reg.users().actorOn("coord.second", FIRST)).isEmpty();
    assertThat(reg.users().actorOn("stat.second", FIRST)).isEmpty();
    assertThat(coordSecond).isEqualTo(new Actor("coord.second", Role.COORDINATOR, Set.of("A")));
    reg.users().add(admin, "boss", Role.ADMINISTRATOR, Set.of(), "correct horse battery");
    assertThat(reg.users().actorOn("boss", SECOND)).contains(new Actor("boss", Role.ADMINISTRATOR, Set.of()));
    assertThat(scopes.visibleTo(coordSecond, reg.users())).extracting(Trial::id).containsExactly(SECOND);
    assertThat(scopes.visibleTo(admin, reg.users())).extracting(Trial::id).startsWith(FIRST).contains(SECOND);
  }

  @Test
  void aParticipantOfOneTrialIsNotFoundThroughTheOther() {
    String first = reg.participants().register(coordFirst, "A", "ISO-1", ScriptedEvaluator.record("ELIGIBLE"))
        .participant().id();
    String second = scopes.of(SECOND).participants().register(coordSecond, "A", "ISO-1", eligible)
        .participant().id(); // the same screening number: unique per trial only
    assertThat(scopes.of(SECOND).participants().history(coordSecond, second).participant().status())
        .isEqualTo(ParticipantStatus.ELIGIBLE);
    assertThatThrownBy(() -> scopes.of(SECOND).participants().history(admin, first))
        .isInstanceOf(RecordNotFoundException.class);
    assertThatThrownBy(() -> reg.participants().history(admin, second))
        .isInstanceOf(RecordNotFoundException.class);
    assertThatThrownBy(() -> scopes.of(SECOND).participants().rescreen(admin, first, eligible, "again"))
        .isInstanceOf(RecordNotFoundException.class);
    assertThatThrownBy(() -> scopes.of(SECOND).dataCapture().forms().list(admin, first))
        .isInstanceOf(RecordNotFoundException.class);
    assertThat(scopes.of(SECOND).participants().histories(admin, null))
        .extracting(h -> h.participant().id()).contains(second).doesNotContain(first);
    assertThat(reg.participants().histories(admin, null))
        .extracting(h -> h.participant().id()).contains(first).doesNotContain(second);
    // audit rows name their trial
    assertThat(reg.audit().forRecord("participant", second)).allSatisfy(e ->
        assertThat(e.entry().trialId()).isEqualTo(SECOND));
    assertThat(reg.audit().latestInTrial(FIRST, true, 1000)).extracting(e -> e.entry().entityId())
        .contains(first).doesNotContain(second);
    assertThat(reg.audit().latestInTrial(SECOND, false, 1000)).extracting(e -> e.entry().entityId())
        .contains(second).doesNotContain(first);
  }

  @Test
  void aSiteTakesPartOnlyInTheTrialsItIsEnrolledIn() {
    reg.users().grant(admin, "coord.second", SECOND, Role.COORDINATOR, Set.of("A", "B"));
    Actor both = reg.users().actorOn("coord.second", SECOND).orElseThrow();
    assertThatThrownBy(() -> scopes.of(SECOND).participants().register(both, "B", "ISO-B", eligible))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("site B does not take part in trial " + SECOND)
        .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("siteCode");
    assertThat(reg.trials().sites(SECOND)).containsExactly("A");
    assertThat(reg.trials().sites(FIRST)).containsExactly("A", "B");
    reg.users().grant(admin, "coord.second", SECOND, Role.COORDINATOR, Set.of("A"));
  }

  /**
   * Randomization per trial. The server's randomization reads NCT03119519's screening facts so far (SABR-COMET's
   * factor from its own record comes with the protocol-declared randomization), so the other trial here is a copy of
   * NCT03119519 under another id ({@link TestProtocols#firstUnder}): randomizing SABR-COMET participants on the server
   * is for the test of that change.
   */
  @Test
  void eachTrialRandomizesWithItsOwnStateSeedAndSequence() {
    String third = "NCT09999903";
    reg.trials().add(admin, TestProtocols.firstUnder(third), "copy.yaml", false);
    reg.trials().enrolSite(admin, third, "A");
    reg.users().grant(admin, "coord.second", third, Role.COORDINATOR, Set.of("A"));
    Actor coordThird = reg.users().actorOn("coord.second", third).orElseThrow();
    // the scripted verdict plus the facts randomization reads (as RandomizationContract's records)
    String a = consented(reg.participants(), coordFirst, "RND-1", ScriptedEvaluator.randomizable("mutant", "N1"));
    String b = consented(scopes.of(third).participants(), coordThird, "RND-1", TestProtocols.firstEligible());
    var firstRandomization = scopes.of(FIRST).randomization();
    var thirdRandomization = scopes.of(third).randomization();
    assertThatThrownBy(() -> thirdRandomization.preview(admin, a)).isInstanceOf(RecordNotFoundException.class);
    RandomizationRecord ra = firstRandomization.randomize(coordFirst, a,
        firstRandomization.preview(coordFirst, a).confirmFactors());
    RandomizationRecord rb = thirdRandomization.randomize(coordThird, b,
        thirdRandomization.preview(coordThird, b).confirmFactors());
    assertThat(ra.sequence()).isEqualTo(1);
    assertThat(rb.sequence()).isEqualTo(1); // each trial numbers its own allocations
    assertThat(reg.jdbc().sql("SELECT trial_id FROM randomization_seed ORDER BY trial_id").query(String.class).list())
        .containsExactly(FIRST, third);
    assertThat(reg.jdbc().sql("SELECT trial_id FROM randomization WHERE participant_id = :p").param("p", b)
        .query(String.class).single()).isEqualTo(third);
    assertThat(thirdRandomization.find(admin, b).record()).isEqualTo(rb);
    assertThatThrownBy(() -> thirdRandomization.find(admin, a)).isInstanceOf(RecordNotFoundException.class);
    assertThatThrownBy(() -> firstRandomization.find(admin, b)).isInstanceOf(RecordNotFoundException.class);
  }

  private String consented(org.oligotrial.server.participant.ParticipantService ps, Actor by, String number,
      String record) {
    String id = ps.register(by, "A", number, record).participant().id();
    ps.recordConsent(by, id, new Consent("ICF v1", LocalDate.of(2026, 3, 20), "Dr Li"), null);  // after both screenings
    return id;
  }

  @Test
  void theDataSpanTheVersionsTheyWereMadeUnder() {
    scopes.of(SECOND).participants().register(coordSecond, "A", "SPAN-1", eligible);
    VersionsSummary.check(scopes.versionsSpanned(SECOND));
  }

  /** What the second trial's data span: its version 1 only, named in the report line. */
  static final class VersionsSummary {
    static void check(org.oligotrial.server.scope.VersionsSpanned v) {
      assertThat(v.screenings()).extracting(ProtocolVersion::label).containsExactly("v1");
      assertThat(v.unmatched()).isEmpty();
      assertThat(v.summary()).startsWith("Protocol versions: v1 (effective ");
    }
  }

  @Test
  void theScopeOfATrialTheServerDoesNotHoldIsNotFound() {
    assertThatThrownBy(() -> scopes.of("NCT00000000")).isInstanceOf(RecordNotFoundException.class)
        .hasMessage("no trial NCT00000000");
    TrialScope s = scopes.of(SECOND);
    assertThat(s.participants().trialId()).isEqualTo(SECOND);
    assertThat(s.randomization().trialId()).isEqualTo(SECOND);
    assertThat(s.dataCapture().trialId()).isEqualTo(SECOND);
    assertThat(scopes.of(SECOND)).isSameAs(s); // kept while the current version stays
  }
}
