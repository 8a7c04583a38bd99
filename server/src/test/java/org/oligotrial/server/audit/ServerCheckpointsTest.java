package org.oligotrial.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.database.DatabaseUrl;
import org.oligotrial.server.database.Databases;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The running server signs checkpoints by itself: in its chainer thread every N rows, and once more when it stops,
 * into the configured key directory and checkpoint log; afterwards every row is witnessed.
 */
class ServerCheckpointsTest {
  @TempDir Path dir;

  @Test
  void theServerCheckpointsEveryNRowsAndAtShutdown() throws InterruptedException {
    String url = DatabaseUrl.h2File(dir.resolve("trial"));
    Path keys = dir.resolve("keys");
    Path logDir = dir.resolve("log");
    ConfigurableApplicationContext ctx = new SpringApplication(ServerApplication.class).run(
        "--server.port=0", "--spring.datasource.url=" + url, "--logging.level.root=warn",
        "--oligotrial.audit.key-dir=" + keys, "--oligotrial.audit.checkpoint-log=" + logDir,
        "--oligotrial.audit.checkpoint-rows=10", "--oligotrial.audit.checkpoint-seconds=3600");
    CheckpointLog log = new CheckpointLog(logDir);
    String chain;
    try {
      Register r = ctx.getBean(Register.class);
      chain = r.audit().chainId();
      // each site added writes two rows: its name, and its enrolment in the default trial
      for (int group = 1; group <= 2; group++) {
        for (int i = 0; i < 5; i++) {
          r.sites().add(TestRegisters.admin(), "S" + group + "-" + i, "Site " + i);
        }
        for (int waited = 0; log.read(chain).entries().size() < group && waited < 100; waited++) {
          Thread.sleep(100); // the chainer's rounds: at most 50 ms apart while rows come, 1 s when idle
        }
        assertThat(log.read(chain).entries()).as("after %d rows", group * 10).hasSize(group);
      }
      // fewer than 10 rows: no checkpoint until the server stops
      for (int i = 0; i < 4; i++) {
        r.sites().add(TestRegisters.admin(), "T" + i, "Site " + i);
      }
      Thread.sleep(300);
      assertThat(log.read(chain).entries()).hasSize(2);
    } finally {
      ctx.close();
    }
    List<CheckpointLog.Entry> entries = log.read(chain).entries();
    AuditKeys k = AuditKeys.loadOrCreate(keys);
    try (HikariDataSource ds = Databases.open(url, 2)) {
      Register r = Register.on(ds, new ScriptedEvaluator(), new BCryptPasswordEncoder(4), Clock.systemUTC(), k);
      long rows = r.audit().head().seq();
      assertThat(entries).hasSize(3);
      assertThat(entries.get(2).checkpoint().size()).as("the shutdown checkpoint").isEqualTo(rows);
      AuditVerifier.Verification v = r.verifier().verify(new AuditVerifier.Witness(log, k.publicKey(), k));
      assertThat(v.problems()).isEmpty();
      assertThat(v.witnessedRows()).isEqualTo(rows);
      assertThat(v.notYetWitnessed()).isZero();
    }
  }
}
