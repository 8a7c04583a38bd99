package org.oligotrial.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.testing.CommandRun;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.database.DatabaseUrl;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/audit/verify} on a running server gives the verdict of {@code audit verify} on the same database,
 * key directory and checkpoint log: the chain and the rows against the newest signed checkpoint, so a row rewritten
 * and re-hashed behind the server's back (the attack of {@link TamperEvidenceContract}) is named, as the command
 * names it; rows after the checkpoint are counted as not yet witnessed.
 */
class AuditVerifyApiTest {
  static final String PASSWORD = "password-for-tests";
  @TempDir Path dir;
  String db;
  Path keys;
  Path log;
  ConfigurableApplicationContext ctx;
  Register reg;
  HttpClient http = HttpClient.newHttpClient();
  String base;
  long witnessed;

  @BeforeEach
  void start() {
    db = DatabaseUrl.h2File(dir.resolve("trial"));
    keys = dir.resolve("keys");
    log = dir.resolve("log");
    // the server signs no checkpoint of its own during the test (rows and seconds out of reach): the test signs one
    ctx = new SpringApplication(ServerApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
        "--spring.datasource.url=" + db, "--logging.level.root=warn", "--oligotrial.security.bcrypt-cost=4",
        "--oligotrial.audit.key-dir=" + keys, "--oligotrial.audit.checkpoint-log=" + log,
        "--oligotrial.audit.checkpoint-rows=1000000", "--oligotrial.audit.checkpoint-seconds=86400");
    reg = ctx.getBean(Register.class);
    base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
    TestRegisters.twoSitesWithOneUserPerRole(reg, PASSWORD);
    reg.verifier().verify(); // chains every committed row, so the checkpoint witnesses them all
    witnessed = new Checkpointer(reg.audit(), reg.jdbc(), new CheckpointLog(log), Clock.systemUTC(), 1_000_000,
        Duration.ofHours(1)).checkpointNow().size();
  }

  @AfterEach
  void stop() {
    ctx.close();
  }

  record Reply(int status, JsonNode body) {}

  Reply verify(String user) throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/verify"))
        .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), JsonMapper.builder().build().readTree(r.body()));
  }

  private CommandRun command() {
    return CommandRun.run("audit", "verify", "--db", db, "--audit-keys", keys.toString(), "--checkpoint-log",
        log.toString());
  }

  @Test
  void anIntactTrailIsVerifiedAgainstTheSignedCheckpointAndLaterRowsAreNotYetWitnessed() throws Exception {
    assertThat(witnessed).isPositive();
    reg.sites().add(TestRegisters.admin(), "C", "Site C"); // one row after the checkpoint
    Reply r = verify("admin");
    assertThat(r.status()).isEqualTo(200);
    JsonNode v = r.body();
    assertThat(v.get("intact").asBoolean()).isTrue();
    assertThat(v.get("problemCount").asLong()).isZero();
    assertThat(v.get("checkpoint").asLong()).isEqualTo(1);
    assertThat(v.get("witnessedRows").asLong()).isEqualTo(witnessed);
    long rows = v.get("rowsChecked").asLong();
    assertThat(rows).isGreaterThan(witnessed);
    assertThat(v.get("notYetWitnessed").asLong()).isEqualTo(rows - witnessed);
    assertThat(v.get("notes").toString()).contains("rows " + (witnessed + 1) + "..");

    // the command, run now on the same database, says the same
    CommandRun c = command();
    assertThat(c.exit()).isZero();
    assertThat(c.out()).contains("audit trail intact: ").contains(witnessed
        + " rows verified against signed checkpoint 1, ");
    // roles unchanged: a monitor may verify, a coordinator may not
    assertThat(verify("mon.a").status()).isEqualTo(200);
    assertThat(verify("coord.a").status()).isEqualTo(403);
  }

  @Test
  void aRowRewrittenAndReHashedBehindTheServersBackIsNamedAsTheCommandNamesIt() throws Exception {
    try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
      st.execute("DROP TRIGGER audit_event_no_update");
      st.executeUpdate("UPDATE audit_event SET new_value = 'Site Z' WHERE seq = 2");
      TamperEvidenceContract.rehash(c);
    }
    // the chain alone is consistent again: only the signed checkpoint can tell
    assertThat(reg.verifier().verify().intact()).isTrue();

    Reply r = verify("admin");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("intact").asBoolean()).isFalse();
    assertThat(r.body().get("problemCount").asLong()).isEqualTo(1);
    String named = "row 2: content differs from the row witnessed by checkpoint 1 (rewritten)";
    assertThat(r.body().get("problems").get(0).asString()).isEqualTo(named);

    CommandRun c = command();
    assertThat(c.exit()).isEqualTo(1);
    assertThat(c.out()).contains("audit trail BROKEN: 1 problem(s)").contains("  " + named);
    // the same problems, word for word
    java.util.List<String> api = new java.util.ArrayList<>();
    r.body().get("problems").forEach(n -> api.add("  " + n.asString()));
    assertThat(c.out().lines().filter(l -> l.startsWith("  ")).toList()).isEqualTo(api);
  }
}
