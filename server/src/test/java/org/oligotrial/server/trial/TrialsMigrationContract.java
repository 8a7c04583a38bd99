package org.oligotrial.server.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditHash;
import org.oligotrial.server.database.Databases;
import org.oligotrial.server.database.DatabaseUrl;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V60 on a database made at V58 with rows (Flyway target 58, rows written as the V58 server wrote them,
 * audit rows chained with the V58 hash encoding), then migrated to the latest version: the data move into the
 * default trial, roles move to the default trial, the old audit rows still verify next to new ones naming their trial.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrialsMigrationContract {
  static final String DEFAULT = "NCT03119519";
  HikariDataSource ds;
  JdbcClient jdbc;
  String url;

  abstract String openDatabase();

  abstract void closeDatabase();

  @BeforeAll
  void atV58WithRowsThenMigrated() throws Exception {
    url = openDatabase();
    ds = Databases.open(url, 4);
    Flyway.configure().dataSource(ds)
        .locations(Databases.COMMON_LOCATION, "classpath:db/migration/" + DatabaseUrl.vendor(url))
        .target("58").load().migrate();
    jdbc = JdbcClient.create(ds);
    OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    jdbc.sql("INSERT INTO site (code, name, created_at) VALUES ('A', 'Site A', :t), ('B', 'Site B', :t)")
        .param("t", t0).update();
    String[][] users = {{"admin", "ADMINISTRATOR"}, {"coord.a", "COORDINATOR"}, {"stat", "STATISTICIAN"}};
    for (String[] u : users) {
      jdbc.sql("INSERT INTO user_account (username, password_hash, role, enabled, failed_count, created_at) VALUES"
          + " (:u, '{noop}x', :r, TRUE, 0, :t)").param("u", u[0]).param("r", u[1]).param("t", t0).update();
    }
    jdbc.sql("INSERT INTO user_site (username, site_code) VALUES ('coord.a', 'A')").update();
    jdbc.sql("INSERT INTO participant (id, site_code, screening_number, screening_number_key, status,"
        + " screening_version, created_at, created_by, row_version) VALUES ('p-1', 'A', 'A-001', 'a-001', 'ELIGIBLE',"
        + " 1, :t, 'coord.a', 0)").param("t", t0).update();
    jdbc.sql("INSERT INTO screening_version (participant_id, version, record_json, verdict, eligibility_json,"
        + " protocol_version, screen_failure_reasons, entered_at, entered_by) VALUES ('p-1', 1, '{}', 'ELIGIBLE',"
        + " '{}', :pv, '[]', :t, 'coord.a')").param("pv", DEFAULT + " sha256:" + bundledSha().substring(0, 16))
        .param("t", t0).update();
    jdbc.sql("INSERT INTO crf_form (id, participant_id, site_code, form_type, values_json, version, status,"
        + " created_at, created_by, updated_at, updated_by) VALUES ('f-1', 'p-1', 'A', 'tumour-baseline', '{}', 1,"
        + " 'ENTERED', :t, 'coord.a', :t, 'coord.a')").param("t", t0).update();
    // two audit rows chained as the V58 server chained them (no MAC: rows from before MACs verify by hash alone)
    String prev = AuditHash.GENESIS;
    AuditEntry[] old = {
        new AuditEntry("cli:ops", AuditAction.CREATE, "site", "A", "name", null, "Site A", null, "A"),
        new AuditEntry("coord.a", AuditAction.CREATE, "participant", "p-1", "screeningNumber", null, "A-001", null,
            "A")};
    for (int i = 0; i < old.length; i++) {
      Instant at = t0.toInstant().plusSeconds(i);
      String hash = AuditHash.of(i + 1, at, old[i], prev);
      AuditEntry e = old[i];
      jdbc.sql("INSERT INTO audit_event (seq, occurred_at, actor, action, entity_type, entity_id, field, old_value,"
              + " new_value, reason, site_code, prev_hash, hash) VALUES (:s, :at, :a, :ac, :et, :ei, :f, NULL, :nv,"
              + " NULL, :site, :prev, :h)")
          .param("s", i + 1).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("a", e.actor())
          .param("ac", e.action().name()).param("et", e.entityType()).param("ei", e.entityId()).param("f", e.field())
          .param("nv", e.newValue()).param("site", e.siteCode()).param("prev", prev).param("h", hash).update();
      prev = hash;
    }
    jdbc.sql("UPDATE audit_head SET last_seq = 2, last_hash = :h WHERE id = 1").param("h", prev).update();
    Databases.migrate(ds, url);
  }

  @AfterAll
  void close() {
    ds.close();
    closeDatabase();
  }

  static String bundledSha() throws Exception {
    try (var in = ProtocolLoader.class.getResourceAsStream(ProtocolLoader.BUNDLED_RESOURCE)) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
  }

  @Test
  void theDataMoveIntoTheDefaultTrialWhoseBundledProtocolIsVersionOne() throws Exception {
    Register reg = TestRegisters.on(ds);
    Trial t = reg.trials().defaultTrial();
    assertThat(t.id()).isEqualTo(DEFAULT);
    assertThat(t.current().version()).isEqualTo(1);
    assertThat(t.current().sha256()).isEqualTo(bundledSha());
    assertThat(t.current().effectiveDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC)); // the migration's day
    assertThat(reg.trials().protocolText(DEFAULT, 1).getBytes(StandardCharsets.UTF_8)).hasSize(
        ProtocolLoader.class.getResourceAsStream(ProtocolLoader.BUNDLED_RESOURCE).readAllBytes().length);
    for (String table : new String[] {"participant", "crf_form"}) {
      assertThat(jdbc.sql("SELECT trial_id FROM " + table).query(String.class).list()).containsOnly(DEFAULT);
    }
    assertThat(jdbc.sql("SELECT protocol_version FROM crf_form").query(Integer.class).single()).isEqualTo(1);
    assertThat(reg.trials().sites(DEFAULT)).contains("A", "B");
    // the stored screening names the text of version 1
    assertThat(reg.trials().versionOfScreeningTag(DEFAULT, reg.participants().screeningProtocolVersions().get(0)))
        .map(ProtocolVersion::version).contains(1);
  }

  @Test
  void rolesAndSitesMoveToTheDefaultTrialAndAdministratorsStayServerWide() {
    Register reg = TestRegisters.on(ds);
    assertThat(reg.users().actorOn("coord.a", DEFAULT)).contains(new Actor("coord.a", Role.COORDINATOR, Set.of("A")));
    assertThat(reg.users().actorOn("stat", DEFAULT)).contains(new Actor("stat", Role.STATISTICIAN, Set.of()));
    assertThat(reg.users().actorOn("admin", DEFAULT)).contains(new Actor("admin", Role.ADMINISTRATOR, Set.of()));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM trial_member WHERE username = 'admin'").query(Long.class).single())
        .isZero();
  }

  @Test
  void oldAuditRowsStillVerifyNextToNewRowsThatNameTheirTrial() {
    Register reg = TestRegisters.on(ds);
    Actor admin = TestRegisters.admin();
    reg.sites().add(admin, "C", "Site C");
    reg.users().add(admin, "coord.c", Role.COORDINATOR, Set.of("C"), "correct horse battery");
    String id = reg.participants().register(new Actor("coord.c", Role.COORDINATOR, Set.of("C")), "C", "C-001",
        org.oligotrial.server.testing.ScriptedEvaluator.record("ELIGIBLE")).participant().id();
    assertThat(reg.audit().forRecord("participant", id)).allSatisfy(e ->
        assertThat(e.entry().trialId()).isEqualTo(DEFAULT));
    assertThat(reg.audit().forRecord("participant", "p-1")).singleElement().satisfies(e ->
        assertThat(e.entry().trialId()).isNull());
    var v = reg.verifier().verify();
    assertThat(v.problems()).isEmpty();
    assertThat(v.intact()).isTrue();
    // the default trial's audit view: the old participant row (no trial) and the new rows; not the site rows
    assertThat(reg.audit().latestInTrial(DEFAULT, true, 100)).extracting(e -> e.entry().entityId())
        .contains("p-1", id).doesNotContain("A");
  }

  @Test
  void screeningNumbersAreUniquePerTrialNotPerServer() {
    Register reg = TestRegisters.on(ds);
    Actor coordA = reg.users().actorOn("coord.a", DEFAULT).orElseThrow();
    assertThatThrownBy(() -> reg.participants().register(coordA, "A", "a-001",
        org.oligotrial.server.testing.ScriptedEvaluator.record("ELIGIBLE")))
        .isInstanceOf(ConflictException.class);
    // (a second trial registering A-001 is TrialIsolationContract's)
    assertThat(jdbc.sql("SELECT COUNT(*) FROM participant WHERE screening_number = 'A-001'").query(Long.class)
        .single()).isEqualTo(1);
  }

  @Test
  void sitesFromBeforeV96AreInUtcSoTheirClocksDoNotChange() {
    // V96 adds site.time_zone with the default 'UTC': the rows written at V58 read as UTC, the zone every site's
    // times were read in before
    Register reg = TestRegisters.on(ds);
    assertThat(reg.sites().list()).extracting(s -> s.code() + " " + s.timeZone().getId())
        .contains("A UTC", "B UTC");
    assertThat(reg.sites().timeZones(java.util.List.of("A", "B")).values())
        .containsOnly(java.time.ZoneId.of("UTC"));
  }
}
