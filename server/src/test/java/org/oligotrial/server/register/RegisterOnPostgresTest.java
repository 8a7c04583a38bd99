package org.oligotrial.server.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
          new TransactionTemplate(new DataSourceTransactionManager(manual)), Clock.systemUTC(), true,
          org.oligotrial.server.audit.AuditKeys.ephemeral());
      trail.writeAudited(List.of(siteInsert("M1")),
          List.of(new AuditEntry("admin", AuditAction.CREATE, "site", "M1", "name", null, "Site M1", null, "M1")));
    }
    // read through the register's own pool: committed, not rolled back when the connection went back
    assertThat(count("SELECT COUNT(*) FROM site WHERE code = 'M1'")).isEqualTo(1);
    assertThat(reg.audit().forRecord("site", "M1")).singleElement()
        .satisfies(e -> assertThat(e.entry().newValue()).isEqualTo("Site M1"));
  }

  @Test
  void aWriteTooLargeForOneTextIsRefusedBeforeAnythingIsSent() {
    // entries about different records take a pending row each, of 13 parameters (MAC and trial last): 5,041 rows and
    // the site's 3 exceed the protocol's 65,535 (65,536)
    List<AuditEntry> many = new java.util.ArrayList<>();
    for (int i = 0; i < 5_041; i++) {
      many.add(new AuditEntry("admin", AuditAction.CREATE, "site", "P1-" + i, "name", null, "Site P1", null, "P1"));
    }
    assertThatThrownBy(() -> reg.audit().writeAudited(List.of(siteInsert("P1")), many))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
    assertThat(count("SELECT COUNT(*) FROM site WHERE code = 'P1'")).isZero();
    reg.audit().writeAudited(List.of(siteInsert("P1")), many.subList(0, 5_040)); // 65,523 parameters
    reg.audit().chainAll(); // one chaining moves at most 2,000 pending rows
    assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_id LIKE 'P1-%'")).isEqualTo(5_040);
  }

  @Test
  void entriesAboutOneRecordShareOnePendingRowAndAreChainedOneEventEachInTheirOrder() {
    long before = pendingRowsEverInserted();
    String id = reg.participants().register(coordA, "A", "PACK-1", record("ELIGIBLE")).participant().id();
    // the six entries of a new participant: one pending row (the identity counts every row inserted)
    assertThat(pendingRowsEverInserted() - before).isEqualTo(1);
    assertThat(reg.audit().forRecord("participant", id)).extracting(e -> e.entry().field()).containsExactly(
        "siteCode", "screeningNumber", "status", "screening[1].record", "screening[1].verdict",
        "screening[1].protocolVersion");

    // consecutive entries with the same actor, action, record, reason and site share a row: A A B A is three rows
    List<AuditEntry> mixed = List.of(
        new AuditEntry("admin", AuditAction.CREATE, "site", "Q1", "name", null, "Site \"Q1\" \u2265", null, "Q1"),
        new AuditEntry("admin", AuditAction.CREATE, "site", "Q1", "note", null, null, null, "Q1"),
        new AuditEntry("admin", AuditAction.UPDATE, "site", "Q1", "name", "Site Q1", "Site Q1b", "typo", "Q1"),
        new AuditEntry("admin", AuditAction.CREATE, "site", "Q1", "code", null, "Q1", null, "Q1"));
    before = pendingRowsEverInserted();
    reg.audit().writeAudited(List.of(siteInsert("Q1")), mixed);
    assertThat(pendingRowsEverInserted() - before).isEqualTo(3);
    assertThat(reg.audit().forRecord("site", "Q1")).extracting(e -> e.entry()).containsExactlyElementsOf(mixed);

    // ten thousand entries about one record take one row of 13 parameters (one row each: 130,000, refused)
    AuditEntry e = new AuditEntry("admin", AuditAction.CREATE, "site", "Q2", "name", null, "Site Q2", null, "Q2");
    reg.audit().writeAudited(List.of(siteInsert("Q2")), java.util.Collections.nCopies(10_000, e));
    assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_id = 'Q2'")).isEqualTo(10_000);
    assertThat(reg.verifier().verify().intact()).isTrue();
  }

  @Test
  void largeTextColumnsAreCompressedWithLz4WhereTheServerIsBuiltWithIt() {
    // V31 and V34 switch these columns to lz4 on a server built with it (Debian's PostgreSQL 15 is) and leave them on
    // PostgreSQL's default pglz, migrating all the same, on one built without (the tests' own, from Maven Central)
    List<String> lz4 = reg.jdbc().sql("SELECT c.relname || '.' || a.attname FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid WHERE a.attcompression = 'l' ORDER BY 1")
        .query(String.class).list();
    String big = "{\"note\":\"" + "x".repeat(10_000) + "\",\"testVerdict\":\"ELIGIBLE\"}";
    String id = reg.participants().register(coordA, "A", "LZ4-1", big).participant().id();
    String method = reg.jdbc().sql("SELECT pg_column_compression(record_json) FROM screening_version"
        + " WHERE participant_id = :id").param("id", id).query(String.class).single();
    if (serverHasLz4()) {
      // (V34: audit_pending.more_entries)
      assertThat(lz4).containsExactly("audit_event.new_value", "audit_event.old_value", "audit_pending.more_entries",
          "audit_pending.new_value", "audit_pending.old_value", "crf_form.derived_json", "crf_form.values_json",
          "crf_form_version.derived_json", "crf_form_version.values_json", "randomization_trial.state_json",
          "screening_version.eligibility_json", "screening_version.record_json");
      assertThat(method).isEqualTo("lz4");
    } else {
      assertThat(lz4).isEmpty();
      assertThat(method).isEqualTo("pglz");
    }
  }

  /** Asked of the server, not of the migrations under test: lz4 is a value of this setting only in an lz4 build. */
  private boolean serverHasLz4() {
    return reg.jdbc().sql("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        .query(Boolean.class).single();
  }

  @Test
  void aScreeningVersionOfAFewKilobytesStaysInItsTableInsteadOfGoingToToast() {
    // V35; this record is 5,966 characters and about 2,900 bytes with lz4 (within the same bounds with pglz): over the
    // default 2,032-byte target
    StringBuilder values = new StringBuilder();
    for (int g = 1; g <= 500; g++) {
      values.append(g == 1 ? "" : ",").append(g * 7919 % 100003);
    }
    String record = "{\"values\":[" + values + "],\"note\":\"" + "screening ".repeat(300)
        + "\",\"testVerdict\":\"ELIGIBLE\"}";
    String id = reg.participants().register(coordA, "A", "TOAST-1", record).participant().id();
    assertThat(reg.jdbc().sql("SELECT pg_column_size(record_json) FROM screening_version WHERE participant_id = :id")
        .param("id", id).query(Integer.class).single()).isBetween(2_100, 4_000);
    assertThat(count("SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'screening_version'"))
        .isZero();
  }

  @Test
  void vacuumLeavesThePendingTableItsPagesInsteadOfTruncatingIt() {
    // V32: truncation would take an ACCESS EXCLUSIVE lock that stops every request's audit INSERT
    assertThat(reg.jdbc().sql("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'audit_pending'")
        .query(String.class).single()).isEqualTo("vacuum_truncate=false");
    for (int i = 0; i < 40; i++) {
      reg.participants().register(coordA, "A", "TRUNC-" + i, record("ELIGIBLE"));
    }
    assertThat(reg.audit().pendingCount()).isZero();
    assertThat(reg.audit().vacuumPending()).isTrue();
    // every row chained and deleted, and vacuumed: the empty pages stay (a truncated table would have none)
    assertThat(count("SELECT pg_relation_size('audit_pending')")).isPositive();
  }

  private long pendingRowsEverInserted() {
    return reg.jdbc().sql("SELECT COALESCE(last_value, 0) FROM pg_sequences WHERE sequencename = 'audit_pending_id_seq'")
        .query(Long.class).single();
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
