package org.oligotrial.server.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.server.testing.ScriptedEvaluator.record;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.testing.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The register's behaviour on PostgreSQL, in a fresh database dropped afterwards. */
class RegisterOnPostgresTest extends RegisterContract {
  private PostgresTestDatabase db;

  @Override
  String openDatabase() {
    db = PostgresTestDatabase.create();
    return db.url();
  }

  @Override
  void tamper(String... sql) {
    reg.tx().executeWithoutResult(s -> {
      reg.jdbc().sql("SET LOCAL session_replication_role = replica").update();
      for (String q : sql) {
        reg.jdbc().sql(q).update();
      }
    });
  }

  @Test
  void theChainerCanVacuumThePendingTableThatChainingEmpties() throws Exception {
    for (int i = 0; i < 5; i++) {
      reg.participants().register(coordA, "A", "VAC-" + i, record("ELIGIBLE"));
    }
    assertThat(reg.audit().pendingCount()).isZero();
    long before = vacuumCount();
    assertThat(reg.audit().vacuumPending()).isTrue();
    long after = before;
    for (int i = 0; i < 40 && after == before; i++) { // the statistics are shared, not transactional
      Thread.sleep(50);
      after = vacuumCount();
    }
    assertThat(after).isEqualTo(before + 1);
  }

  @Test
  void aChangeWrittenOnAConnectionOutsideAutoCommitIsCommittedToo() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setMaximumPoolSize(2);
    config.setAutoCommit(false);
    try (HikariDataSource manual = new HikariDataSource(config)) {
      AuditTrail trail = new AuditTrail(JdbcClient.create(manual), new JdbcTemplate(manual),
          new TransactionTemplate(new DataSourceTransactionManager(manual)), Clock.systemUTC(), true);
      trail.writeAudited(List.of(siteInsert("M1")),
          List.of(new AuditEntry("admin", AuditAction.CREATE, "site", "M1", "name", null, "Site M1", null, "M1")));
    }
    // read through the register's own pool: committed, not rolled back when the connection went back
    assertThat(count("SELECT COUNT(*) FROM site WHERE code = 'M1'")).isEqualTo(1);
    assertThat(reg.audit().forRecord("site", "M1")).singleElement()
        .satisfies(e -> assertThat(e.entry().newValue()).isEqualTo("Site M1"));
  }

  private long vacuumCount() {
    return reg.jdbc().sql("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'audit_pending'")
        .query(Long.class).single();
  }

  @Override
  void closeDatabase() {
    db.close();
  }
}
