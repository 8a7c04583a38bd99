package org.oligotrial.server.audit;

import org.oligotrial.server.StateReplays;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.FixedRandomizationFacts;
import org.oligotrial.server.datacapture.MutableClock;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each attack of someone who holds the database (the server stopped, or a PostgreSQL superuser), performed for real,
 * and the exact finding of {@code audit verify} (the chain against the signed checkpoint log) or of the replay of the
 * state tables. Before the checkpoints existed every one of these left the chain "intact".
 */
abstract class TamperEvidenceContract {
  /** The former factor ids of protocols/nct03119519.yaml. */
  static final org.oligotrial.randomization.FactorIds FACTOR_IDS =
      org.oligotrial.randomization.FactorIds.of(org.oligotrial.protocol.ProtocolLoader.bundled());

  static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  static final String PASSWORD = "correct horse battery";

  @TempDir Path tmp;
  HikariDataSource ds;
  Register reg;
  DataCapture dc;
  AuditKeys keys;
  CheckpointLog log;
  Checkpointer checkpointer;
  final FixedRandomizationFacts facts = new FixedRandomizationFacts();
  final MutableClock clock = new MutableClock(DAY0.plusDays(150));
  String url;
  String participant;
  String lockedForm;
  long witnessed;

  /** A fresh database's URL; the connection must be allowed to bypass triggers (superuser, or H2's owner). */
  abstract String openDatabase();

  abstract void closeDatabase();

  /** Lets {@code st}'s session change and remove audit rows despite the append-only triggers. */
  abstract void bypassTriggers(Statement st) throws SQLException;

  /** Empties audit_event the fastest way the database offers, triggers bypassed. */
  abstract void truncateAuditEvents(Statement st) throws SQLException;

  @BeforeEach
  void setUp() {
    url = openDatabase();
    ds = TestRegisters.migrated(url, 4);
    keys = AuditKeys.loadOrCreate(tmp.resolve("keys"));
    reg = Register.on(ds, new ScriptedEvaluator(), new BCryptPasswordEncoder(4), clock, keys);
    dc = DataCapture.on(reg, ProtocolLoader.bundled(), facts, clock);
    log = new CheckpointLog(tmp.resolve("checkpoints"));
    checkpointer = newCheckpointer();
    reg.audit().attachCheckpointer(checkpointer); // as in the server: the chainer hands over what it chains
    Actor admin = TestRegisters.admin();
    reg.sites().add(admin, "A", "Site A");
    Actor coord = user(admin, "coord.a", Role.COORDINATOR);
    Actor inv = user(admin, "inv.a", Role.INVESTIGATOR);
    Actor dm = user(admin, "dm.a", Role.DATA_MANAGER);
    participant = reg.participants().register(coord, "A", "A-001", ScriptedEvaluator.record("ELIGIBLE"))
        .participant().id();
    reg.participants().recordConsent(coord, participant, new Consent("v2.1", DAY0.minusDays(3), "Dr Who"), null);
    facts.add(participant, "RT+", DAY0, "non-targeted");
    StoredForm f = dc.forms().create(coord, participant, "adverse-event", null, null, JsonMapper.builder().build()
        .readTree("{\"term\":\"Pneumonitis\",\"grade\":2,\"startDate\":\"" + DAY0.plusDays(30) + "\",\"serious\":false,"
            + "\"relatedToSystemicTherapy\":\"possible\",\"relatedToRadiotherapy\":\"probable\","
            + "\"actionTaken\":\"none\",\"outcome\":\"recovering\"}"));
    dc.forms().sign(inv, f.id(), PASSWORD);
    lockedForm = dc.forms().lock(dm, f.id(), null).id();
    Checkpoint cp = checkpointer.checkpointNow();
    assertThat(cp).isNotNull();
    witnessed = cp.size();
    assertThat(witnessed).isGreaterThan(20);
  }

  @AfterEach
  void tearDown() {
    ds.close();
    closeDatabase();
  }

  private Actor user(Actor admin, String name, Role role) {
    reg.users().add(admin, name, role, Set.of("A"), PASSWORD);
    return reg.users().find(name).orElseThrow().actor();
  }

  private Checkpointer newCheckpointer() {
    return new Checkpointer(reg.audit(), reg.jdbc(), log, clock, 1_000_000, Duration.ofHours(1));
  }

  AuditVerifier.Verification verify() {
    return reg.verifier().verify(new AuditVerifier.Witness(log, keys.publicKey(), keys));
  }

  private void attack(SqlWork work) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      bypassTriggers(st);
      work.run(c, st);
    }
  }

  interface SqlWork {
    void run(Connection c, Statement st) throws SQLException;
  }

  /** What an attacker's dozen lines do: recompute every row's links and hash in order, then set the head. */
  static void rehash(Connection c) throws SQLException {
    List<AuditEvent> rows = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM audit_event ORDER BY seq")) {
      while (rs.next()) {
        rows.add(AuditTrail.read(rs));
      }
    }
    String prev = AuditHash.GENESIS;
    try (PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?")) {
      for (AuditEvent e : rows) {
        String h = AuditHash.of(e.seq(), e.occurredAt(), e.entry(), prev);
        ps.setString(1, prev);
        ps.setString(2, h);
        ps.setLong(3, e.seq());
        ps.executeUpdate();
        prev = h;
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
      ps.setLong(1, rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq());
      ps.setString(2, prev);
      ps.executeUpdate();
    }
  }

  @Test
  void anUntouchedTrailIsIntactAndFullyWitnessed() {
    AuditVerifier.Verification v = verify();
    assertThat(v.problems()).isEmpty();
    assertThat(v.intact()).isTrue();
    assertThat(v.checkpoint()).isEqualTo(1);
    assertThat(v.witnessedRows()).isEqualTo(witnessed);
    assertThat(v.notYetWitnessed()).isZero();
    assertThat(StateReplays.of(reg.jdbc(), FACTOR_IDS).compare(reg.audit()).differences()).isEmpty();
  }

  @Test
  void rowsAfterTheNewestCheckpointAreNotYetWitnessedNotVerified() {
    reg.sites().add(TestRegisters.admin(), "B", "Site B");
    AuditVerifier.Verification v = verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.witnessedRows()).isEqualTo(witnessed);
    assertThat(v.notYetWitnessed()).isEqualTo(reg.audit().head().seq() - witnessed).isPositive();
    assertThat(v.notes()).anySatisfy(n -> assertThat(n).contains("rows " + (witnessed + 1) + "..")
        .contains("not yet witnessed, not verified"));
  }

  @Test
  void truncationWithTriggersBypassedAndTheHeadResetIsNamed() throws SQLException {
    attack((c, st) -> {
      truncateAuditEvents(st);
      st.executeUpdate("UPDATE audit_head SET last_seq = 0, last_hash = '" + AuditHash.GENESIS + "' WHERE id = 1");
    });
    assertThat(reg.verifier().verify().intact()).as("the chain alone sees nothing").isTrue();
    AuditVerifier.Verification v = verify();
    assertThat(v.problems()).containsExactly("rows 1.." + witnessed + " witnessed by checkpoint 1 are missing from"
        + " the trail (the trail was emptied)");
  }

  @Test
  void aRowRewrittenAndEveryLaterHashRecomputedIsNamed() throws SQLException {
    attack((c, st) -> {
      st.executeUpdate("UPDATE audit_event SET new_value = 'INELIGIBLE' WHERE seq = 3");
      rehash(c);
    });
    assertThat(reg.verifier().verify().intact()).as("the chain alone sees nothing").isTrue();
    assertThat(verify().problems()).containsExactly(
        "row 3: content differs from the row witnessed by checkpoint 1 (rewritten)");
  }

  @Test
  void aRowInsertedIntoTheWitnessedHistoryIsNamed() throws SQLException {
    attack((c, st) -> {
      for (long s = witnessed; s >= 5; s--) {
        st.executeUpdate("UPDATE audit_event SET seq = " + (s + 1) + " WHERE seq = " + s);
      }
      st.executeUpdate("INSERT INTO audit_event (seq, occurred_at, actor, action, entity_type, entity_id, field,"
          + " old_value, new_value, reason, site_code, prev_hash, hash) SELECT 5, occurred_at, actor, action,"
          + " entity_type, entity_id, 'status', NULL, 'ELIGIBLE', 'backdated', site_code, prev_hash, hash"
          + " FROM audit_event WHERE seq = 4");
      rehash(c);
    });
    assertThat(reg.verifier().verify().intact()).isTrue();
    // the witnessed last row, pushed one place on, is now past the checkpoint, and re-hashed it lost its MAC
    assertThat(verify().problems()).containsExactly("row 5: not among the rows witnessed by checkpoint 1 (inserted)",
        "row " + (witnessed + 1) + ": no valid server MAC, so not written by the server (inserted into audit_event)");
  }

  @Test
  void aRowAppendedToAuditEventWithoutTheServerKeyIsNamed() throws SQLException {
    long next = witnessed + 1;
    attack((c, st) -> {
      st.executeUpdate("INSERT INTO audit_event (seq, occurred_at, actor, action, entity_type, entity_id, field,"
          + " old_value, new_value, reason, site_code, prev_hash, hash, mac) SELECT " + next + ", occurred_at, actor,"
          + " action, entity_type, entity_id, 'status', NULL, 'WITHDRAWN', NULL, site_code, hash, hash, mac"
          + " FROM audit_event WHERE seq = " + witnessed);
      rehash(c);
    });
    assertThat(reg.verifier().verify().intact()).isTrue();
    AuditVerifier.Verification v = verify();
    assertThat(v.problems()).containsExactly("row " + next + ": no valid server MAC, so not written by the server"
        + " (inserted into audit_event)");
    // and the server's checkpointer, at its next start, refuses to witness it and raises the alarm
    Checkpointer restarted = newCheckpointer();
    assertThat(restarted.checkpointNow()).isNull();
    assertThat(restarted.halted()).isTrue();
    AuditEvent alarm = reg.audit().latest(1).get(0);
    assertThat(alarm.entry().action()).isEqualTo(AuditAction.TAMPER_ALARM);
    assertThat(alarm.entry().newValue()).isEqualTo("row " + next + " has no valid server MAC: it was not written by"
        + " this server");
  }

  @Test
  void aRowStagedInAuditPendingWithoutAValidMacIsRefusedAndAlarmed() throws SQLException {
    long before = reg.audit().head().seq();
    attack((c, st) -> st.executeUpdate("INSERT INTO audit_pending (occurred_at, actor, action, entity_type,"
        + " entity_id, field, old_value, new_value, reason, site_code, mac) VALUES (TIMESTAMP WITH TIME ZONE"
        + " '2025-01-01 10:00:00+00', 'coord.a', 'UPDATE', 'participant', '" + participant + "', 'status',"
        + " 'SCREENING', 'ELIGIBLE', 'backdated', 'A', '" + "ab".repeat(32) + "')"));
    reg.audit().chainAll();
    List<AuditEvent> added = reg.audit().latest((int) (reg.audit().head().seq() - before));
    assertThat(added).hasSize(1);
    AuditEntry alarm = added.get(0).entry();
    assertThat(alarm.action()).isEqualTo(AuditAction.TAMPER_ALARM);
    assertThat(alarm.actor()).isEqualTo(AuditTrail.SYSTEM_ACTOR);
    assertThat(alarm.reason()).isEqualTo("staged row without a valid server MAC: refused, not chained");
    assertThat(alarm.newValue()).isEqualTo("occurred_at=2025-01-01T10:00:00Z, actor=coord.a, action=UPDATE,"
        + " record=participant/" + participant + ", field=status, old_value=SCREENING, new_value=ELIGIBLE,"
        + " reason=backdated, site=A");
    assertThat(added.get(0).occurredAt()).isNotEqualTo(java.time.Instant.parse("2025-01-01T10:00:00Z"));
    assertThat(reg.audit().pendingCount()).isZero();
    assertThat(verify().intact()).isTrue();
  }

  @Test
  void aRecordsCommittedEntriesAreReadBeforeTheyAreChainedAndAForgedStagedRowIsNot() throws SQLException {
    List<AuditEvent> chained = reg.audit().forRecord("participant", participant);
    assertThat(chained).isNotEmpty();
    assertThat(reg.audit().forRecordAsCommitted("participant", participant)).isEqualTo(chained);
    // two entries committed by a plain transaction (the register's own chains after its commit): one staged row
    AuditEntry status = new AuditEntry("coord.a", AuditAction.UPDATE, "participant", participant, "status",
        "CONSENTED", "WITHDRAWN", "withdrew consent", "A");
    AuditEntry note = new AuditEntry("coord.a", AuditAction.UPDATE, "participant", participant, "note", null,
        "by telephone", "withdrew consent", "A");
    new org.springframework.transaction.support.TransactionTemplate(
        new org.springframework.jdbc.datasource.DataSourceTransactionManager(ds)).executeWithoutResult(s -> {
          reg.audit().record(status);
          reg.audit().record(note);
        });
    // and a row staged by someone without the server's key, about the same participant
    attack((c, st) -> st.executeUpdate("INSERT INTO audit_pending (occurred_at, actor, action, entity_type,"
        + " entity_id, field, old_value, new_value, reason, site_code, mac) VALUES (TIMESTAMP WITH TIME ZONE"
        + " '2025-01-01 10:00:00+00', 'coord.a', 'UPDATE', 'participant', '" + participant + "', 'status',"
        + " 'SCREENING', 'ELIGIBLE', 'backdated', 'A', '" + "ab".repeat(32) + "')"));
    assertThat(reg.audit().pendingCount()).isEqualTo(2);

    List<AuditEvent> read = reg.audit().forRecordAsCommitted("participant", participant);
    assertThat(read).hasSize(chained.size() + 2);
    assertThat(read.subList(0, chained.size())).isEqualTo(chained);
    List<AuditEvent> staged = read.subList(chained.size(), read.size());
    assertThat(staged).extracting(AuditEvent::entry).containsExactly(status, note);
    assertThat(staged).allSatisfy(e -> {
      assertThat(e.seq()).isZero();
      assertThat(e.hash()).isNull();
      assertThat(e.prevHash()).isNull();
    });
    assertThat(reg.audit().pendingCount()).as("reading chains nothing").isEqualTo(2);

    reg.audit().chainAll();
    List<AuditEvent> after = reg.audit().forRecord("participant", participant);
    assertThat(after.subList(chained.size(), after.size()))
        .extracting(AuditEvent::entry, AuditEvent::occurredAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(status, staged.get(0).occurredAt()),
            org.assertj.core.groups.Tuple.tuple(note, staged.get(1).occurredAt()));
    assertThat(reg.audit().forRecordAsCommitted("participant", participant)).isEqualTo(after);
    assertThat(reg.audit().latest(1).get(0).entry().action()).isEqualTo(AuditAction.TAMPER_ALARM);
  }

  @Test
  void twoRowsSwappedAndReHashedAreNamed() throws SQLException {
    attack((c, st) -> {
      st.executeUpdate("UPDATE audit_event SET seq = -1 WHERE seq = 3");
      st.executeUpdate("UPDATE audit_event SET seq = 3 WHERE seq = 4");
      st.executeUpdate("UPDATE audit_event SET seq = 4 WHERE seq = -1");
      rehash(c);
    });
    assertThat(reg.verifier().verify().intact()).isTrue();
    assertThat(verify().problems()).containsExactly(
        "rows 3 and 4: in another order than witnessed by checkpoint 1 (reordered)");
  }

  @Test
  void theHeadRowDeletedAndTheHeadMovedBackIsNamed() throws SQLException {
    attack((c, st) -> {
      st.executeUpdate("DELETE FROM audit_event WHERE seq = " + witnessed);
      rehash(c);
    });
    assertThat(reg.verifier().verify().intact()).isTrue();
    assertThat(verify().problems()).containsExactly("rows " + witnessed + ".." + witnessed + " witnessed by"
        + " checkpoint 1 are missing from the trail (the trail was truncated)");
  }

  @Test
  void theChainHeadRowDeletedIsNamed() throws SQLException {
    attack((c, st) -> st.executeUpdate("DELETE FROM audit_head"));
    assertThat(verify().problems()).contains("the chain head (audit_head) is missing");
  }

  @Test
  void aStatusChangedByDirectUpdateIsFoundByTheStateReplay() throws SQLException {
    attack((c, st) -> st.executeUpdate("UPDATE participant SET status = 'RANDOMIZED', consent_date = DATE"
        + " '2024-12-01' WHERE id = '" + participant + "'"));
    assertThat(verify().intact()).as("no audit row changed").isTrue();
    String consented = DAY0.minusDays(3).toString();
    assertThat(StateReplays.of(reg.jdbc(), FACTOR_IDS).compare(reg.audit()).differences()).containsExactly(
        "participant " + participant + ": status is \"RANDOMIZED\" in the table but \"CONSENTED\" by the audit"
            + " history (changed outside the application)",
        "participant " + participant + ": consent_date is \"2024-12-01\" in the table but \"" + consented
            + "\" by the audit history (changed outside the application)");
  }

  @Test
  void aLockedFormsValueChangedByDirectUpdateIsFoundByTheStateReplay() throws SQLException {
    attack((c, st) -> {
      String json;
      try (ResultSet rs = st.executeQuery("SELECT values_json FROM crf_form WHERE id = '" + lockedForm + "'")) {
        rs.next();
        json = rs.getString(1);
      }
      assertThat(json).contains("\"grade\":2");
      try (PreparedStatement ps = c.prepareStatement("UPDATE crf_form SET values_json = ? WHERE id = ?")) {
        ps.setString(1, json.replace("\"grade\":2", "\"grade\":1"));
        ps.setString(2, lockedForm);
        ps.executeUpdate();
      }
    });
    assertThat(StateReplays.of(reg.jdbc(), FACTOR_IDS).compare(reg.audit()).differences()).containsExactly(
        "crf_form " + lockedForm + ": values_json.grade is \"1\" in the table but \"2\" by the audit history"
            + " (changed outside the application)");
  }

  @Test
  void aCheckpointLogSwappedForAnOlderCopyIsNamed() throws IOException {
    Path old = tmp.resolve("old-log");
    copy(log.directory(), old);
    reg.sites().add(TestRegisters.admin(), "B", "Site B");
    Checkpoint second = checkpointer.checkpointNow();
    assertThat(second.number()).isEqualTo(2);
    delete(log.directory());
    copy(old, log.directory());
    AuditVerifier.Verification v = verify();
    assertThat(v.problems()).containsExactly("the checkpoint log ends at checkpoint 1 but the database holds signed"
        + " checkpoint 2 (rows 1.." + second.size() + "): the log was replaced by an older copy or lost files");
    assertThat(v.notYetWitnessed()).isEqualTo(second.size() - witnessed);
    // and the server's checkpointer refuses to go on from the older log
    Checkpointer restarted = newCheckpointer();
    assertThat(restarted.checkpointNow()).isNull();
    assertThat(restarted.halted()).isTrue();
  }

  @Test
  void aRewriteBeforeRestartStopsTheCheckpointerWithAnAlarm() throws SQLException {
    attack((c, st) -> {
      st.executeUpdate("UPDATE audit_event SET new_value = 'INELIGIBLE' WHERE seq = 3");
      rehash(c);
    });
    reg.sites().add(TestRegisters.admin(), "C", "Site C");
    Checkpointer restarted = newCheckpointer();
    assertThat(restarted.checkpointNow()).as("nothing signed over a rewritten history").isNull();
    assertThat(restarted.halted()).isTrue();
    assertThat(reg.audit().latest(1).get(0).entry().newValue()).isEqualTo("rows 1.." + witnessed
        + " do not rebuild the root of checkpoint 1: audit history was changed after it was witnessed");
    assertThat(log.read(reg.audit().chainId()).entries()).hasSize(1);
  }

  @Test
  void checkpointsFollowEachOtherAndProofsHoldWithThePublicKeyAlone() {
    reg.sites().add(TestRegisters.admin(), "B", "Site B");
    Checkpoint second = checkpointer.checkpointNow();
    List<CheckpointLog.Entry> entries = log.read(reg.audit().chainId()).entries();
    assertThat(entries).extracting(e -> e.checkpoint().number()).containsExactly(1L, 2L);
    Checkpoint first = entries.get(0).checkpoint();
    List<byte[]> digests = new ArrayList<>();
    List<AuditEvent> rows = new ArrayList<>();
    reg.audit().forEach(e -> {
      digests.add(AuditHash.contentDigest(e.occurredAt(), e.entry()));
      rows.add(e);
    });
    String inclusion = AuditProofs.inclusion(rows.get(4), second, digests);
    assertThat(AuditProofs.check(inclusion, keys.publicKey()).valid()).isTrue();
    String forged = inclusion.replace("\"seq\" : 5", "\"seq\" : 6");
    assertThat(forged).isNotEqualTo(inclusion);
    assertThat(AuditProofs.check(forged, keys.publicKey()).valid()).isFalse();
    String consistency = AuditProofs.consistency(first, second, digests);
    assertThat(AuditProofs.check(consistency, keys.publicKey()).message()).isEqualTo("checkpoint 2 (rows 1.."
        + second.size() + ") extends checkpoint 1 (rows 1.." + first.size() + ") of chain " + first.chainId()
        + ": no witnessed row was changed, removed or reordered in between");
    AuditKeys other = AuditKeys.loadOrCreate(tmp.resolve("other-keys"));
    assertThat(AuditProofs.check(consistency, other.publicKey()).message())
        .isEqualTo("\"first\": checkpoint 1 is not signed by this public key");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
