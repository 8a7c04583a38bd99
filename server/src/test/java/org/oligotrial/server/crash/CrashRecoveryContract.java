package org.oligotrial.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.Main;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.OperatorSession;
import org.oligotrial.server.register.Register;

/**
 * Kills a real server process (a child JVM running {@code oligotrial serve}) with SIGKILL while four clients stream
 * participant registrations, then reopens the database: every registration the server acknowledged (201) is there
 * with its audit rows, and {@code oligotrial audit verify} finds the chain intact.
 */
abstract class CrashRecoveryContract {
  static final String PASSWORD = "crash-test-password";

  /** A fresh, empty database URL. */
  abstract String url();

  @Test
  void aServerKilledMidStreamLosesNoAcknowledgedWriteAndItsAuditChainVerifies() throws Exception {
    String url = url();
    try (OperatorSession s = OperatorSession.open(url)) {
      Register r = s.register();
      r.sites().add(Actor.operator(), "K", "Kill site");
      r.users().add(Actor.operator(), "writer", Role.COORDINATOR, Set.of("K"), PASSWORD);
    }
    String record = Files.readString(Path.of("..", "examples", "screening", "eligible.json"));
    Process server = startServer(url);
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    try {
      int port = awaitPort(server);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String token = createToken(http, port);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger sent = new AtomicInteger();
      CountDownLatch enough = new CountDownLatch(30);
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int client = c;
        Thread t = new Thread(() -> {
          for (int i = 0; !stop.get() && i < 10_000; i++) {
            String number = "KILL-" + client + "-" + i;
            String body = "{\"siteCode\":\"K\",\"screeningNumber\":\"" + number + "\",\"screeningRecord\":" + record
                + "}";
            try {
              sent.incrementAndGet();
              HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/v1/participants"))
                  .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(20))
                  .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
              if (res.statusCode() == 201) {
                acknowledged.add(number);
                enough.countDown();
              }
            } catch (Exception e) {
              return; // the server is gone
            }
          }
        });
        t.start();
        clients.add(t);
      }
      assertThat(enough.await(120, TimeUnit.SECONDS)).as("30 registrations acknowledged before the kill").isTrue();
      server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
      server.waitFor(30, TimeUnit.SECONDS);
      stop.set(true);
      for (Thread t : clients) {
        t.join(30_000);
      }
      assertThat(sent.get()).isGreaterThan(acknowledged.size());
    } finally {
      server.destroyForcibly();
    }

    try (OperatorSession s = OperatorSession.open(url)) {
      Register r = s.register();
      List<String> stored = r.jdbc().sql("SELECT screening_number FROM participant").query(String.class).list();
      assertThat(stored).containsAll(acknowledged);
      long auditedCreations = r.jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE field = 'screeningNumber'")
          .query(Long.class).single();
      assertThat(auditedCreations).isEqualTo(stored.size());
    }
    var out = new java.io.StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new java.io.PrintWriter(out, true));
    assertThat(cl.execute("audit", "verify", "--db", url)).as(out.toString()).isZero();
    assertThat(out.toString()).contains("audit trail intact");
  }

  static Process startServer(String url) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--port", "0", "--db", url);
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** Reads the child's output until it prints its port; keeps draining it afterwards. */
  static int awaitPort(Process p) throws Exception {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    StringBuilder seen = new StringBuilder();
    String line;
    while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
      seen.append(line).append('\n');
      int at = line.indexOf("listening on http://localhost:");
      if (at >= 0) {
        int port = Integer.parseInt(line.substring(at + "listening on http://localhost:".length()).trim());
        Thread drain = new Thread(() -> {
          try {
            while (r.readLine() != null) {
              // discard
            }
          } catch (Exception ignored) {
            // the process died
          }
        });
        drain.setDaemon(true);
        drain.start();
        return port;
      }
    }
    throw new AssertionError("the server did not start:\n" + seen);
  }

  static String createToken(HttpClient http, int port) throws Exception {
    String basic = Base64.getEncoder().encodeToString(("writer:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/v1/tokens")).header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"crash test\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    return res.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }
}
