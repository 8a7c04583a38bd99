package org.oligotrial.server.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oligotrial.server.testing.ScriptedEvaluator.record;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.audit.AuditVerifier.Verification;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantPage;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.RegisterOverview;
import org.oligotrial.server.participant.Withdrawal;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.user.UserAccount;
import org.springframework.dao.DataAccessException;

/**
 * The register's behaviour, run against each database by a subclass. Each subclass gets one fresh database; tests
 * use their own screening numbers so that they do not depend on one another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RegisterContract {
  HikariDataSource ds;
  Register reg;
  Actor coordA;
  Actor coordB;
  Actor monitorA;
  Actor statistician;

  /** A migrated, empty database URL for this run. */
  abstract String openDatabase();

  /** Runs SQL that bypasses the append-only guard, as an attacker with DBA rights would. */
  abstract void tamper(String... sql);

  /** Drops the database. */
  abstract void closeDatabase();

  @BeforeAll
  void setUp() {
    String url = openDatabase();
    ds = TestRegisters.migrated(url, 10);
    reg = TestRegisters.on(ds);
    Actor admin = TestRegisters.admin();
    reg.sites().add(admin, "A", "Site A");
    reg.sites().add(admin, "B", "Site B");
    reg.users().add(admin, "coord.a", Role.COORDINATOR, Set.of("A"), "correct horse battery");
    coordA = reg.users().find("coord.a").orElseThrow().actor();
    coordB = new Actor("coord.b", Role.COORDINATOR, Set.of("B"));
    monitorA = new Actor("monitor.a", Role.MONITOR, Set.of("A"));
    statistician = new Actor("stat", Role.STATISTICIAN, Set.of());
  }

  @AfterAll
  void tearDown() {
    ds.close();
    closeDatabase();
  }

  @Test
  void registeringStoresFirstScreeningVersionWithResultAndProtocolVersion() {
    ParticipantHistory h = reg.participants().register(coordA, "A", "REG-001", record("ELIGIBLE"));
    assertThat(h.participant().status()).isEqualTo(ParticipantStatus.ELIGIBLE);
    assertThat(h.screenings()).singleElement().satisfies(s -> {
      assertThat(s.version()).isEqualTo(1);
      assertThat(s.protocolVersion()).isEqualTo("test-1");
      assertThat(s.recordJson()).isEqualTo(record("ELIGIBLE"));
    });
    List<AuditEvent> trail = reg.participants().auditTrail(coordA, h.participant().id());
    assertThat(trail).extracting(e -> e.entry().field()).contains("screeningNumber", "status", "screening[1].record");
    assertThat(trail).allSatisfy(e -> assertThat(e.entry().actor()).isEqualTo("coord.a"));
  }

  @Test
  void ineligibleScreeningStoresScreenFailureReasons() {
    String rec = "{\"testVerdict\":\"INELIGIBLE\",\"testFailures\":[\"age over 70\",\"ECOG 3\"]}";
    ParticipantHistory h = reg.participants().register(coordA, "A", "REG-002", rec);
    assertThat(h.participant().status()).isEqualTo(ParticipantStatus.SCREEN_FAILED);
    assertThat(h.screenings().get(0).screenFailureReasons()).containsExactly("age over 70", "ECOG 3");
  }

  @Test
  void rescreeningAddsAVersionAndKeepsTheOldOneUnchanged() {
    String id = reg.participants().register(coordA, "A", "REG-003", record("INELIGIBLE")).participant().id();
    assertThatThrownBy(() -> reg.participants().rescreen(coordA, id, record("ELIGIBLE"), " "))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("reason");
    ParticipantHistory h = reg.participants().rescreen(coordA, id, record("ELIGIBLE"), "new haemoglobin result");
    assertThat(h.screenings()).extracting(s -> s.version() + ":" + s.verdict())
        .containsExactly("1:INELIGIBLE", "2:ELIGIBLE");
    assertThat(h.participant().status()).isEqualTo(ParticipantStatus.ELIGIBLE);
    assertThat(h.statusChanges()).extracting(c -> c.to()).containsExactly(ParticipantStatus.SCREEN_FAILED,
        ParticipantStatus.ELIGIBLE);
    assertThat(h.statusChanges().get(1).reason()).isEqualTo("new haemoglobin result");
  }

  @Test
  void anUnknownEgfrAfterConsentIsRecordedAsAScreeningAmendment() {
    String id = reg.participants().register(coordA, "A", "REG-GENE", record("ELIGIBLE")).participant().id();
    assertThatThrownBy(() -> reg.participants().amendGeneResult(coordA, id, "mutant", "lab report 2026-01-09"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("re-screen instead");
    reg.participants().recordConsent(coordA, id, new Consent("ICF v2.1", LocalDate.of(2026, 1, 5), "Dr Li"), null);
    assertThatThrownBy(() -> reg.participants().amendGeneResult(coordA, id, "positive", "lab report"))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("egfr:");
    assertThatThrownBy(() -> reg.participants().amendGeneResult(coordA, id, "mutant", " "))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("reason:");
    assertThatThrownBy(() -> reg.participants().amendGeneResult(monitorA(), id, "mutant", "lab report"))
        .isInstanceOf(SiteAccessDeniedException.class);
    ParticipantHistory h = reg.participants().amendGeneResult(coordA, id, "Mutant", "lab report 2026-01-09");
    assertThat(h.participant().status()).isEqualTo(ParticipantStatus.CONSENTED);
    assertThat(h.participant().screeningVersion()).isEqualTo(2);
    var v2 = h.screenings().get(1);
    assertThat(v2.recordJson()).contains("\"egfr\":\"mutant\"").contains("\"testVerdict\":\"ELIGIBLE\"");
    assertThat(v2.verdict()).isEqualTo("ELIGIBLE");
    assertThat(v2.reason()).isEqualTo("gene-result amendment: EGFR mutant (was unknown); lab report 2026-01-09");
    assertThat(reg.audit().forRecord("participant", id)).anyMatch(e -> "screening[2].amendment".equals(
        e.entry().field()) && "egfr=mutant".equals(e.entry().newValue())
        && "lab report 2026-01-09".equals(e.entry().reason()));
    assertThatThrownBy(() -> reg.participants().amendGeneResult(coordA, id, "wild-type", "second report"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already mutant");
    assertThat(reg.participants().history(coordA, id).screenings()).hasSize(2);
  }

  private static Actor monitorA() {
    return new Actor("mon.a", Role.MONITOR, Set.of("A"));
  }

  @Test
  void consentMovesEligibleToConsentedAndACorrectionNeedsAReason() {
    String id = reg.participants().register(coordA, "A", "REG-004", record("ELIGIBLE")).participant().id();
    Consent c = new Consent("ICF v2.1", LocalDate.of(2026, 1, 5), "Dr Li");
    assertThat(reg.participants().recordConsent(coordA, id, c, null).participant().status())
        .isEqualTo(ParticipantStatus.CONSENTED);
    Consent fixed = new Consent("ICF v2.2", LocalDate.of(2026, 1, 5), "Dr Li");
    assertThatThrownBy(() -> reg.participants().recordConsent(coordA, id, fixed, null))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("reason");
    reg.participants().recordConsent(coordA, id, fixed, "wrong form version typed");
    List<AuditEvent> trail = reg.participants().auditTrail(coordA, id);
    assertThat(trail).filteredOn(e -> "consent.formVersion".equals(e.entry().field()))
        .extracting(e -> e.entry().oldValue() + "->" + e.entry().newValue() + " because " + e.entry().reason())
        .containsExactly("null->ICF v2.1 because null", "ICF v2.1->ICF v2.2 because wrong form version typed");
  }

  @Test
  void consentIsRefusedBeforeEligibility() {
    String id = reg.participants().register(coordA, "A", "REG-005", record("INCOMPLETE")).participant().id();
    Consent c = new Consent("ICF v2.1", LocalDate.of(2026, 1, 5), "Dr Li");
    assertThatThrownBy(() -> reg.participants().recordConsent(coordA, id, c, null))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void statusFollowsTheStateMachineAndWithdrawalRecordsItsDetails() {
    String id = reg.participants().register(coordA, "A", "REG-006", record("ELIGIBLE")).participant().id();
    assertThatThrownBy(() -> reg.participants().changeStatus(coordA, id, ParticipantStatus.COMPLETED, "x", null))
        .isInstanceOf(ConflictException.class).hasMessageContaining("ELIGIBLE to COMPLETED");
    assertThatThrownBy(() -> reg.participants().changeStatus(coordA, id, ParticipantStatus.ON_TREATMENT, "x", null))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("follows the clinical data");
    reg.participants().recordConsent(coordA, id, new Consent("v1", LocalDate.of(2026, 1, 5), "Dr Li"), null);
    assertThatThrownBy(() -> reg.participants().changeStatus(coordA, id, ParticipantStatus.RANDOMIZED, "x", null))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("set by randomizing");
    assertThatThrownBy(() -> reg.participants().changeStatus(coordA, id, ParticipantStatus.WITHDRAWN, "w", null))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("withdrawal.date");
    Withdrawal w = new Withdrawal(LocalDate.of(2026, 2, 1), "moved abroad", true);
    ParticipantHistory h =
        reg.participants().changeStatus(coordA, id, ParticipantStatus.WITHDRAWN, "participant request", w);
    assertThat(h.participant().status()).isEqualTo(ParticipantStatus.WITHDRAWN);
    assertThat(h.participant().withdrawal()).isEqualTo(w);
    assertThatThrownBy(() -> reg.participants().changeStatus(coordA, id, ParticipantStatus.DIED, "x", null))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void duplicateScreeningNumberIsAConflict() {
    reg.participants().register(coordA, "A", "REG-007", record("ELIGIBLE"));
    assertThatThrownBy(() -> reg.participants().register(coordA, "A", "REG-007", record("ELIGIBLE")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("screeningNumber");
    // nothing of the refused registration is left: no second participant, screening version or audit row
    reg.audit().head(); // chains what committed
    assertThat(count("SELECT COUNT(*) FROM participant WHERE screening_number = 'REG-007'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM screening_version v JOIN participant p ON p.id = v.participant_id"
        + " WHERE p.screening_number = 'REG-007'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM audit_event WHERE field = 'screeningNumber' AND new_value = 'REG-007'"))
        .isEqualTo(1);
    assertThat(reg.audit().pendingCount()).isZero();
  }

  @Test
  void aChangeAndItsAuditRowsCommitOrFailTogether() {
    AuditEntry entry = new AuditEntry("admin", AuditAction.CREATE, "site", "W1", "name", null, "Site W1", null, "W1");
    AuditTrail.Statement site = siteInsert("W1");
    // the second statement breaks the site's primary key: the first and the audit row must not stay
    assertThatThrownBy(() -> reg.audit().writeAudited(List.of(site, siteInsert("W1")), List.of(entry)))
        .isInstanceOf(DataAccessException.class);
    assertThat(count("SELECT COUNT(*) FROM site WHERE code = 'W1'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_id = 'W1'")).isZero();
    assertThat(reg.audit().pendingCount()).isZero();

    // inside a transaction the write joins it, and goes with its rollback
    reg.tx().executeWithoutResult(s -> {
      reg.audit().writeAudited(List.of(site), List.of(entry));
      s.setRollbackOnly();
    });
    assertThat(count("SELECT COUNT(*) FROM site WHERE code = 'W1'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_id = 'W1'")).isZero();

    reg.audit().writeAudited(List.of(site), List.of(entry, entry));
    assertThat(count("SELECT COUNT(*) FROM site WHERE code = 'W1'")).isEqualTo(1);
    assertThat(reg.audit().forRecord("site", "W1")).hasSize(2)
        .allSatisfy(e -> assertThat(e.entry()).isEqualTo(entry));
    assertThat(reg.verifier().verify().intact()).isTrue();
  }

  static AuditTrail.Statement siteInsert(String code) {
    return new AuditTrail.Statement("INSERT INTO site (code, name, created_at) VALUES (?, ?, ?)",
        List.of(code, "Site " + code, OffsetDateTime.now(ZoneOffset.UTC)));
  }

  long count(String sql) {
    return reg.jdbc().sql(sql).query(Long.class).single();
  }

  @Test
  void siteStaffCannotReadOrChangeAnotherSiteAndTheAttemptIsAudited() {
    String id = reg.participants().register(coordA, "A", "REG-008", record("ELIGIBLE")).participant().id();
    assertThatThrownBy(() -> reg.participants().history(coordB, id)).isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> reg.participants().register(coordB, "A", "REG-009", record("ELIGIBLE")))
        .isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> reg.participants().rescreen(monitorA, id, record("ELIGIBLE"), "r"))
        .isInstanceOf(SiteAccessDeniedException.class);
    assertThat(reg.participants().history(monitorA, id).participant().id()).isEqualTo(id);
    assertThat(reg.participants().history(statistician, id).participant().id()).isEqualTo(id);
    assertThat(reg.audit().forRecord("participant", id)).filteredOn(e -> e.entry().action() == AuditAction.ACCESS_DENIED)
        .extracting(e -> e.entry().actor()).contains("coord.b", "monitor.a");
  }

  @Test
  void theOverviewCountsEveryParticipantTheActorMayReadBeyondAPageOf500() {
    Actor admin = TestRegisters.admin();
    reg.sites().add(admin, "OV1", "Overview site 1");
    reg.sites().add(admin, "OV2", "Overview site 2");
    Actor ov1 = new Actor("coord.ov1", Role.COORDINATOR, Set.of("OV1"));
    Actor ov2 = new Actor("coord.ov2", Role.COORDINATOR, Set.of("OV2"));
    // 520 at OV1 (more than the largest page): every 4th screen-failed with two reasons, the rest eligible
    String failed = "{\"testVerdict\":\"INELIGIBLE\",\"testFailures\":[\"E03: ECOG 3\",\"I05: 6 metastases\"]}";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 520; i++) {
      ids.add(reg.participants().register(ov1, "OV1", "OV1-" + i, i % 4 == 0 ? failed : record("ELIGIBLE"))
          .participant().id());
    }
    // one screen failure re-screened eligible: only the latest screening's reasons count
    reg.participants().rescreen(ov1, ids.get(0), record("ELIGIBLE"), "new ECOG assessment");
    // two consented and randomized
    Consent c = new Consent("ICF v2.1", LocalDate.of(2026, 1, 5), "Dr Li");
    for (String id : List.of(ids.get(1), ids.get(2))) {
      reg.participants().recordConsent(ov1, id, c, null);
      reg.tx().executeWithoutResult(s -> reg.participants().markRandomized(ov1, id, "allocated"));
    }
    reg.participants().register(ov2, "OV2", "OV2-0", failed);

    RegisterOverview o = reg.participants().overview(ov1);
    assertThat(o.counts()).extracting(x -> x.siteCode() + " " + x.status() + " " + x.participants())
        .containsExactlyInAnyOrder("OV1 ELIGIBLE 389", "OV1 SCREEN_FAILED 129", "OV1 RANDOMIZED 2");
    assertThat(o.screenFailures()).hasSize(129).allSatisfy(f -> {
      assertThat(f.siteCode()).isEqualTo("OV1");
      assertThat(f.reasons()).containsExactly("E03: ECOG 3", "I05: 6 metastases");
    });
    assertThat(o.randomizations()).extracting(RegisterOverview.Randomization::siteCode).containsExactly("OV1", "OV1");
    // a reader of every site sees both sites; a user of no site sees nothing
    RegisterOverview all = reg.participants().overview(statistician);
    assertThat(all.counts()).filteredOn(x -> x.siteCode().startsWith("OV"))
        .extracting(x -> x.siteCode() + " " + x.status() + " " + x.participants())
        .containsExactlyInAnyOrder("OV1 ELIGIBLE 389", "OV1 SCREEN_FAILED 129", "OV1 RANDOMIZED 2",
            "OV2 SCREEN_FAILED 1");
    assertThat(reg.participants().overview(new Actor("nobody", Role.COORDINATOR, Set.of())).counts()).isEmpty();

    // every history at once, by screening number, each as the participant's own history reads it
    List<ParticipantHistory> hs = reg.participants().histories(ov1, null);
    assertThat(hs).hasSize(520);
    assertThat(hs).extracting(h -> h.participant().screeningNumber()).isSorted();
    for (int i : new int[] {0, 1, 4, 519}) {
      ParticipantHistory one = reg.participants().history(ov1, ids.get(i));
      assertThat(hs).filteredOn(h -> h.participant().id().equals(ids.get(i))).singleElement()
          .usingRecursiveComparison().isEqualTo(one);
    }
    assertThat(reg.participants().histories(statistician, "OV2")).extracting(h -> h.participant().screeningNumber())
        .containsExactly("OV2-0");
    assertThatThrownBy(() -> reg.participants().histories(ov1, "OV2")).isInstanceOf(SiteAccessDeniedException.class);
  }

  @Test
  void listingFiltersBySiteAndStatusAndPages() {
    Actor coordBWriter = coordB;
    for (int i = 0; i < 5; i++) {
      reg.participants().register(coordBWriter, "B", "LST-" + i, record(i % 2 == 0 ? "ELIGIBLE" : "INELIGIBLE"));
    }
    ParticipantPage eligible = reg.participants().list(coordB, "B", ParticipantStatus.ELIGIBLE, 0, 2);
    assertThat(eligible.total()).isEqualTo(3);
    assertThat(eligible.items()).extracting(p -> p.screeningNumber()).containsExactly("LST-0", "LST-2");
    assertThat(reg.participants().list(coordB, "B", ParticipantStatus.ELIGIBLE, 1, 2).items())
        .extracting(p -> p.screeningNumber()).containsExactly("LST-4");
    assertThat(reg.participants().list(coordA, null, null, 0, 500).items())
        .allSatisfy(p -> assertThat(p.siteCode()).isEqualTo("A"));
    assertThatThrownBy(() -> reg.participants().list(coordA, "B", null, 0, 10))
        .isInstanceOf(SiteAccessDeniedException.class);
  }

  @Test
  void hostileTextIsStoredAndReturnedVerbatim() {
    String hostile = "'; DROP TABLE participant; -- <script>alert(1)</script> \u00e9\u4e2d\u6587\ud83d\ude00 \"\\";
    String number = "H-'; DROP TABLE site;--";
    String rec = "{\"testVerdict\":\"ELIGIBLE\",\"note\":" + jsonString(hostile + "x".repeat(5000)) + "}";
    String id = reg.participants().register(coordA, "A", number, rec).participant().id();
    reg.participants().recordConsent(coordA, id, new Consent(hostile.substring(0, 40), LocalDate.of(2026, 1, 1),
        hostile), hostile);
    ParticipantHistory h = reg.participants().history(coordA, id);
    assertThat(h.participant().screeningNumber()).isEqualTo(number);
    assertThat(h.participant().consent().obtainedBy()).isEqualTo(hostile);
    assertThat(h.screenings().get(0).recordJson()).isEqualTo(rec);
    assertThat(reg.sites().list()).extracting(s -> s.code()).contains("A", "B");
    assertThat(reg.verifier().verify().intact()).isTrue();
  }

  @Test
  void concurrentWritesKeepTheAuditChainLinearAndIntact() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        fs.add(pool.submit(() -> reg.participants().register(coordA, "A", "CON-" + n, record("ELIGIBLE"))));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Verification v = reg.verifier().verify();
    assertThat(v.problems()).isEmpty();
    assertThat(v.intact()).isTrue();
  }

  @Test
  void withTheBackgroundChainerReadersSeeEveryCommittedEntryAndVerifyWhileWritesGoOn() throws Exception {
    reg.audit().startBackgroundChaining();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> writes = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        int n = i;
        writes.add(pool.submit(() -> {
          String id = reg.participants().register(coordA, "A", "BGC-" + n, record("ELIGIBLE")).participant().id();
          // read at once, before the chainer need have run: siteCode, screeningNumber, status and 3 screening fields
          return reg.audit().forRecord("participant", id).size();
        }));
      }
      Future<List<Verification>> verifying = pool.submit(() -> {
        List<Verification> vs = new ArrayList<>();
        while (!writes.stream().allMatch(Future::isDone)) {
          vs.add(reg.verifier().verify());
        }
        return vs;
      });
      for (Future<Integer> f : writes) {
        assertThat(f.get()).isEqualTo(6);
      }
      assertThat(verifying.get()).allSatisfy(v -> assertThat(v.problems()).isEmpty());
    } finally {
      pool.shutdown();
      reg.audit().stopBackgroundChaining();
    }
    assertThat(reg.audit().pendingCount()).isZero();
    assertThat(reg.verifier().verify().intact()).isTrue();
  }

  @Test
  void theBackgroundChainerIsWokenByEachCommitAfterItsLastRoundNotOnlyByItsIdleTimeout() throws Exception {
    reg.audit().startBackgroundChaining();
    try {
      for (int i = 0; i < 5; i++) {
        reg.participants().register(coordA, "A", "WAKE-" + i, record("ELIGIBLE"));
        // the chainer sleeps 1 s when nobody wakes it; woken, it chains within its 50 ms round spacing
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
        while (reg.audit().pendingCount() > 0 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertThat(reg.audit().pendingCount()).as("pending after write %d", i).isZero();
      }
    } finally {
      reg.audit().stopBackgroundChaining();
    }
  }

  @Test
  void rowsLeftPendingByACrashAreChainedAtTheNextStart() {
    // staged and committed as the server does, but not chained (the process died right after its commit)
    new org.springframework.transaction.support.TransactionTemplate(
        new org.springframework.jdbc.datasource.DataSourceTransactionManager(ds)).executeWithoutResult(s ->
            reg.audit().record(new AuditEntry("coord.a", AuditAction.CREATE, "participant", "left-pending", null, null,
                null, null, null)));
    assertThat(reg.audit().pendingCount()).isEqualTo(1);
    assertThat(reg.audit().chainAll()).isEqualTo(1);
    assertThat(reg.audit().forRecord("participant", "left-pending")).hasSize(1);
    assertThat(reg.verifier().verify().intact()).isTrue();
  }

  @Test
  void theDatabaseRefusesToUpdateOrDeleteAuditRows() {
    reg.participants().register(coordA, "A", "APP-001", record("ELIGIBLE"));
    assertThatThrownBy(() -> reg.jdbc().sql("UPDATE audit_event SET actor = 'mallory' WHERE seq = 1").update())
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> reg.jdbc().sql("DELETE FROM audit_event WHERE seq = 1").update())
        .hasStackTraceContaining("append-only");
  }

  @Test
  void failuresHoldSignInBackExponentiallyAndAreAuditedOneRowPerMinute() {
    Actor admin = TestRegisters.admin();
    reg.users().add(admin, "inv.lock", Role.INVESTIGATOR, Set.of("A"), "a long enough password");
    for (int i = 0; i < 4; i++) {
      reg.throttle().failed("inv.lock", "192.0.2.7", "bad credentials");
    }
    assertThat(reg.throttle().heldUntil("inv.lock", null)).isEmpty();
    java.time.Instant before = java.time.Instant.now();
    reg.throttle().failed("inv.lock", "192.0.2.7", "bad credentials");
    // the 5th failure: 1 s; the 6th: 2 s (LoginThrottle's rule delay(n) = 2^(n-5) s)
    assertThat(reg.throttle().heldUntil("inv.lock", null)).hasValueSatisfying(u ->
        assertThat(u).isBetween(before.plusMillis(900), before.plusSeconds(2)));
    reg.throttle().failed("inv.lock", "192.0.2.7", "bad credentials");
    assertThat(reg.throttle().heldUntil("inv.lock", null)).hasValueSatisfying(u ->
        assertThat(u).isAfter(before.plusMillis(1900)));
    assertThat(reg.users().find("inv.lock").orElseThrow().throttledAt(java.time.Instant.now())).isTrue();
    // tokens are not held back: a guesser cannot stop the user's scripts
    var t = reg.tokens().create(new Actor("inv.lock", Role.INVESTIGATOR, Set.of("A")), "t", Duration.ofDays(1));
    assertThat(reg.tokens().authenticate(t.token())).isPresent();
    reg.throttle().flushAuditNow();
    var rows = reg.audit().forRecord("user", "inv.lock").stream()
        .filter(e -> e.entry().action() == AuditAction.LOGIN_FAILED).toList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).entry().newValue()).isEqualTo("6");
    assertThat(rows.get(0).entry().reason()).contains("192.0.2.7").contains("bad credentials (6)");
    reg.throttle().succeeded("inv.lock", "192.0.2.7", "password sign-in");
    assertThat(reg.throttle().heldUntil("inv.lock", null)).isEmpty();
  }

  @Test
  void theNewTablesAndColumnsTakeSignaturesAndSecondFactors() {
    Actor admin = TestRegisters.admin();
    reg.users().add(admin, "inv.sig", Role.INVESTIGATOR, Set.of("A"), "a long enough password", "Dr Ada Sign");
    Actor inv = new Actor("inv.sig", Role.INVESTIGATOR, Set.of("A"));
    var sig = reg.signatures().verify(inv, "a long enough password", org.oligotrial.server.user.SignatureMeaning.REVIEW,
        "review of X", "thing", "X-1", "A");
    reg.tx().executeWithoutResult(s -> reg.signatures().record(sig, "thing", "X-1", "A"));
    var stored = reg.signatures().forRecord("thing", "X-1");
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).printedName()).isEqualTo("Dr Ada Sign");
    assertThat(stored.get(0).manifestation()).startsWith("Reviewed by Dr Ada Sign (inv.sig) at ")
        .endsWith(", meaning review: review of X");
    assertThat(reg.audit().forRecord("thing", "X-1")).anyMatch(e -> e.entry().action() == AuditAction.SIGN
        && e.entry().newValue().equals(stored.get(0).manifestation()));
    var e = reg.secondFactor().start(inv);
    assertThat(reg.secondFactor().enrolled("inv.sig")).isFalse();
    byte[] key = org.oligotrial.server.user.Totp.fromBase32(e.secret());
    String code = org.oligotrial.server.user.Totp.code(key,
        org.oligotrial.server.user.Totp.step(java.time.Instant.now()), 6);
    reg.secondFactor().confirm(inv, code);
    assertThat(reg.secondFactor().enrolled("inv.sig")).isTrue();
    assertThat(reg.secondFactor().verify("inv.sig", code)).as("a code is used once").isFalse();
  }

  @Test
  void apiTokensAuthenticateTheirOwnerAndAreStoredHashed() {
    var t = reg.tokens().create(coordA, "laptop", Duration.ofDays(1));
    assertThat(reg.tokens().authenticate(t.token())).map(UserAccount::username).contains("coord.a");
    assertThat(reg.tokens().authenticate(t.token() + "x")).isEmpty();
    assertThat(reg.jdbc().sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :t").param("t", t.token())
        .query(Long.class).single()).isZero();
  }

  @Test
  @Order(Integer.MAX_VALUE) // breaks the chain on purpose: runs last
  void verifyNamesAnEditedADeletedAndAReorderedRow() {
    for (int i = 0; i < 3; i++) {
      reg.participants().register(coordA, "A", "TAM-" + i, record("ELIGIBLE"));
    }
    long last = reg.audit().head().seq();
    assertThat(reg.verifier().verify().intact()).isTrue();
    tamper("UPDATE audit_event SET new_value = 'forged' WHERE seq = " + (last - 1));
    assertThat(reg.verifier().verify().problems()).anyMatch(p -> p.startsWith("row " + (last - 1) + ": content"));
    tamper("UPDATE audit_event SET new_value = old_value WHERE seq = " + (last - 1) + " AND field IS NULL");
    tamper("DELETE FROM audit_event WHERE seq = " + (last - 5));
    assertThat(reg.verifier().verify().problems()).anyMatch(p -> p.startsWith("row " + (last - 4) + ": expected"));
    tamper("UPDATE audit_event SET seq = -1 WHERE seq = " + (last - 8),
        "UPDATE audit_event SET seq = " + (last - 8) + " WHERE seq = " + (last - 7),
        "UPDATE audit_event SET seq = " + (last - 7) + " WHERE seq = -1");
    assertThat(reg.verifier().verify().problems()).anyMatch(p -> p.startsWith("row " + (last - 8) + ":"));
    assertThat(reg.verifier().verify().intact()).isFalse();
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
