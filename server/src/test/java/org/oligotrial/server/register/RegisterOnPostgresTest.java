package org.oligotrial.server.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.server.testing.ScriptedEvaluator.record;

import org.junit.jupiter.api.Test;
import org.oligotrial.server.testing.PostgresTestDatabase;

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

  private long vacuumCount() {
    return reg.jdbc().sql("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'audit_pending'")
        .query(Long.class).single();
  }

  @Override
  void closeDatabase() {
    db.close();
  }
}
