package org.oligotrial.server.audit;

import static org.oligotrial.server.testing.CommandRun.run;
import org.oligotrial.server.testing.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.Main;
import org.oligotrial.server.database.DatabaseUrl;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine;

/**
 * {@code audit verify}, {@code audit prove} and {@code audit check-proof} run as an operator or a monitor would, on an
 * H2 file database whose trail a register with the same key directory wrote and checkpointed.
 */
class AuditCommandTest {
  @TempDir Path dir;
  String db;
  Path keys;
  Path checkpoints;
  HikariDataSource ds;
  Register reg;
  Checkpointer checkpointer;

  @BeforeEach
  void setUp() {
    db = DatabaseUrl.h2File(dir.resolve("trial"));
    keys = dir.resolve("keys");
    checkpoints = dir.resolve("checkpoints");
    ds = TestRegisters.migrated(db, 2);
    reg = Register.on(ds, new ScriptedEvaluator(), new BCryptPasswordEncoder(4), Clock.systemUTC(),
        AuditKeys.loadOrCreate(keys));
    checkpointer = new Checkpointer(reg.audit(), reg.jdbc(), new CheckpointLog(checkpoints), Clock.systemUTC(), 1000,
        Duration.ofHours(1));
    reg.sites().add(TestRegisters.admin(), "A", "Site A");
    reg.sites().add(TestRegisters.admin(), "B", "Site B");
    checkpointer.checkpointNow();
  }

  @AfterEach
  void tearDown() {
    ds.close();
  }

  private String[] with(String... args) {
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--db", db, "--audit-keys", keys.toString(), "--checkpoint-log",
      checkpoints.toString()}, 0, all, args.length, 6);
    return all;
  }

  @Test
  void verifyReportsWitnessedAndNotYetWitnessedRows() {
    long rows = reg.audit().head().seq();
    CommandRun v = run(with("audit", "verify"));
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("audit trail intact: " + rows + " rows, chain verified; " + rows
        + " rows verified against signed checkpoint 1, 0 not yet witnessed");
    reg.sites().add(TestRegisters.admin(), "C", "Site C");
    long more = reg.audit().head().seq();
    CommandRun later = run(with("audit", "verify"));
    assertThat(later.exit()).isZero();
    assertThat(later.out()).contains(rows + " rows verified against signed checkpoint 1, " + (more - rows)
        + " not yet witnessed").contains("note: rows " + (rows + 1) + ".." + more);
  }

  @Test
  void verifyNamesARewrittenRowAndStateDifferencesWithExitOne() throws SQLException {
    try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
      st.execute("DROP TRIGGER audit_event_no_update");
      st.executeUpdate("UPDATE audit_event SET new_value = 'Site Z' WHERE seq = 2");
      TamperEvidenceContract.rehash(c);
    }
    CommandRun v = run(with("audit", "verify"));
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out()).contains("audit trail BROKEN: 1 problem(s)")
        .contains("  row 2: content differs from the row witnessed by checkpoint 1 (rewritten)");
    CommandRun state = run(with("audit", "verify", "--state"));
    assertThat(state.out()).contains("state: 0 records compared with the audit history, 0 difference(s)");
  }

  @Test
  void inclusionAndConsistencyProofsAreWrittenAndCheckedWithThePublicKeyAlone() throws IOException {
    reg.sites().add(TestRegisters.admin(), "C", "Site C");
    checkpointer.checkpointNow();
    Path inclusion = dir.resolve("row2.json");
    CommandRun p = run(with("audit", "prove", "--row", "2", "--checkpoint", "1", "-o", inclusion.toString()));
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(p.out()).contains("row 2 is in checkpoint 1");
    Path pub = keys.resolve(AuditKeys.PUBLIC_FILE);
    ds.close(); // no database from here on
    CommandRun ok = run("audit", "check-proof", inclusion.toString(), "--public-key", pub.toString());
    assertThat(ok.exit()).isZero();
    // row 2 is site A's enrolment in the default trial (row 1 its name): a row naming its trial
    assertThat(ok.out()).startsWith("proof valid: row 2 (CREATE trial NCT03119519) is in checkpoint 1 of chain ");
    // the trial is part of the row's content: another trial's name makes the proof fail
    String proof = Files.readString(inclusion);
    assertThat(proof).contains("trialId");
    Files.writeString(inclusion, proof.replace("NCT03119519", "NCT01446744"));
    CommandRun forged = run("audit", "check-proof", inclusion.toString(), "--public-key", pub.toString());
    assertThat(forged.exit()).isEqualTo(1);
    assertThat(forged.out()).startsWith("proof NOT valid: row 2 as given is NOT in checkpoint 1");
    ds = TestRegisters.migrated(db, 2);
    Path consistency = dir.resolve("1to2.json");
    assertThat(run(with("audit", "prove", "--from", "1", "-o", consistency.toString())).exit()).isZero();
    CommandRun c = run("audit", "check-proof", consistency.toString(), "--public-key", pub.toString());
    assertThat(c.exit()).isZero();
    assertThat(c.out()).startsWith("proof valid: checkpoint 2 (rows 1..");
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    CommandRun neither = run(with("audit", "prove", "-o", dir.resolve("x.json").toString()));
    assertThat(neither.exit()).isEqualTo(2);
    assertThat(neither.err()).startsWith("error: give either --row SEQ (inclusion) or --from N (consistency)");
    CommandRun noRow = run(with("audit", "prove", "--row", "999", "-o", dir.resolve("y.json").toString()));
    assertThat(noRow.exit()).isEqualTo(2);
    assertThat(noRow.err()).startsWith("error: --row: row 999 is not in checkpoint 1");
    CommandRun noKey = run("audit", "check-proof", "x.json", "--public-key", dir.resolve("none.pub").toString());
    assertThat(noKey.exit()).isEqualTo(2);
    assertThat(noKey.err()).startsWith("error: --public-key: ").doesNotContain("Exception");
  }

  @Test
  void anOperatorCommandPointedAtAnEmptyKeyDirectoryMakesNoKeysOnAKeyedTrail() {
    Path wrong = dir.resolve("wrong-keys");
    CommandRun v = run("audit", "verify", "--db", db, "--audit-keys", wrong.toString(), "--public-key",
        keys.resolve(AuditKeys.PUBLIC_FILE).toString());
    assertThat(v.exit()).isEqualTo(2);
    assertThat(v.err()).startsWith("error: no audit keys in " + wrong.toAbsolutePath()
        + ", but the audit trail was written with keys");
    assertThat(wrong).doesNotExist();
  }

  @Test
  void everyAuditCommandAnswersHelp() {
    for (String[] cmd : new String[][] {{"audit", "--help"}, {"audit", "verify", "--help"},
      {"audit", "prove", "--help"}, {"audit", "check-proof", "--help"}}) {
      CommandRun r = run(cmd);
      assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
      assertThat(r.out()).startsWith("Usage: oligotrial audit");
    }
    assertThat(run("audit", "verify", "--help").out()).contains("--checkpoint-log").contains("--audit-keys")
        .contains("--state");
  }
}
