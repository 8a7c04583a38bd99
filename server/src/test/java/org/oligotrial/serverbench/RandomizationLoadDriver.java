package org.oligotrial.serverbench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ScreeningEvaluator;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.security.CurrentActor;
import org.oligotrial.server.testing.PostgresTestDatabase;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bounded load driver over loopback: starts the server on a fresh PostgreSQL database (or {@code --db URL}),
 * prepares consented eligible participants (not timed), then sends a fixed number of requests from {@code --clients}
 * concurrent clients with an API token and reports throughput and latency for
 *
 * <ol>
 *   <li>{@code POST /api/v1/participants/{id}/randomization}: one allocation each, serialised per trial;
 *   <li>{@code POST /api/v1/bench/touch/{row}}: a trivial transaction updating one row of a 1024-row table, a
 *       different row per request (no lock waits), through the same security filters, actor lookup and pool;
 *   <li>the same trivial update always on row 0 (every transaction waits for the previous one, like allocations).
 * </ol>
 *
 * <p>The touch endpoint lives only in this driver (its package is outside the application's component scan). Run:
 * <pre>
 * mvn -B -q -o -pl core,cli install -DskipTests &amp;&amp; mvn -B -q -o -pl server test-compile
 * mvn -B -q -o -pl server dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp server/target/test-classes:server/target/classes:$(cat /tmp/cp.txt) \
 *     org.oligotrial.serverbench.RandomizationLoadDriver --requests 1000 --clients 32 --warmup 100
 * </pre>
 */
public final class RandomizationLoadDriver {
  private RandomizationLoadDriver() {}

  /** The trivial single-row update, added to the server for the comparison only. */
  @RestController
  public static class TouchEndpoint {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CurrentActor actor;

    TouchEndpoint(DataSource ds, PlatformTransactionManager tm, CurrentActor actor) {
      this.jdbc = JdbcClient.create(ds);
      this.tx = new TransactionTemplate(tm);
      this.actor = actor;
    }

    @PostMapping("/api/v1/bench/touch/{row}")
    public Map<String, Object> touch(@PathVariable int row) {
      String who = actor.get().username();
      Integer n = tx.execute(s -> jdbc.sql("UPDATE bench_counter SET n = n + 1 WHERE id = :id").param("id", row)
          .update());
      return Map.of("row", row, "updated", n, "by", who);
    }

    /** Screening records carry their verdict, so preparing thousands of participants is quick. */
    @Bean
    static ScreeningEvaluator screeningEvaluator() {
      return new ScriptedEvaluator();
    }
  }

  /** Throughput and latency of one run. */
  record Result(String name, int requests, int clients, double seconds, int errors, long[] latenciesNanos) {
    String line() {
      long[] l = latenciesNanos.clone();
      Arrays.sort(l);
      return String.format(Locale.ROOT, "%-34s %6d req  %3d clients  %7.2f s  %8.1f req/s  p50 %6.1f ms  p95 %6.1f ms"
              + "  p99 %6.1f ms  errors %d", name, requests, clients, seconds, requests / seconds, ms(l, 0.50),
          ms(l, 0.95), ms(l, 0.99), errors);
    }

    private static double ms(long[] sorted, double q) {
      return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int requests = 2000;
    int clients = 32;
    int warmup = 200;
    String db = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--db" -> db = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (--requests N --clients N --warmup N --db JDBC-URL)");
      }
    }
    if (requests < 1 || requests > 100_000 || clients < 1 || clients > 256 || warmup < 0 || warmup > 10_000) {
      throw new IllegalArgumentException("--requests 1-100000, --clients 1-256, --warmup 0-10000");
    }
    PostgresTestDatabase fresh = db == null ? PostgresTestDatabase.create() : null;
    String url = db == null ? fresh.url() : db;
    SpringApplication app = new SpringApplication(ServerApplication.class, TouchEndpoint.class);
    try (ConfigurableApplicationContext ctx = app.run("--server.port=0", "--spring.datasource.url=" + url,
        "--logging.level.root=warn", "--spring.main.allow-bean-definition-overriding=true")) {
      int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
      Register reg = ctx.getBean(Register.class);
      String token = prepare(reg, requests + warmup, clients);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      String base = "http://127.0.0.1:" + port;
      List<String> ids = reg.jdbc().sql("SELECT id FROM participant WHERE status = 'CONSENTED' ORDER BY id")
          .query(String.class).list();
      IntFunction<HttpRequest> touch = i -> post(base + "/api/v1/bench/touch/" + (i % 1024), token);
      IntFunction<HttpRequest> hot = i -> post(base + "/api/v1/bench/touch/0", token);
      // signed by the investigator as every randomization through the API is (a BCrypt check per allocation)
      IntFunction<HttpRequest> randomize = i -> HttpRequest.newBuilder(
              URI.create(base + "/api/v1/participants/" + ids.get(i) + "/randomization"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"signature\":{\"password\":\"load-driver-password\",\"meaning\":\"approval\"}}"))
          .timeout(Duration.ofSeconds(60)).build();
      run("warm-up: touch", http, warmup, clients, touch, 200);
      run("warm-up: randomize", http, warmup, clients, randomize, 201);
      List<Result> results = new ArrayList<>();
      results.add(run("trivial update, distinct rows", http, requests, clients, touch, 200));
      results.add(run("trivial update, one hot row", http, requests, clients, hot, 200));
      int offset = warmup;
      results.add(run("randomization", http, requests, clients, i -> randomize.apply(offset + i), 201));
      System.out.println("Load driver: server on " + url.replaceAll("\\?.*", "") + ", " + Runtime.getRuntime()
          .availableProcessors() + " processors, HTTP/1.1 over loopback, Bearer token");
      results.forEach(r -> System.out.println(r.line()));
      Actor stat = new Actor("load.stat", Role.STATISTICIAN, Set.of());
      List<RandomizationRecord> log = ctx.getBean(AllocationExports.class).allocationLog(stat);
      boolean consecutive = true;
      for (int i = 0; i < log.size(); i++) {
        consecutive &= log.get(i).sequence() == i + 1;
      }
      System.out.println("allocation log: " + log.size() + " records, sequence numbers 1.." + log.size()
          + (consecutive ? " without gaps" : " WITH GAPS"));
    } finally {
      if (fresh != null) {
        fresh.close();
      }
    }
  }

  private static HttpRequest post(String uri, String token) {
    return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build();
  }

  /** A site, an investigator with a token, the touch table and {@code n} consented participants; returns the token. */
  private static String prepare(Register reg, int n, int threads) throws Exception {
    Actor setup = new Actor("load-setup", Role.ADMINISTRATOR, Set.of());
    reg.sites().add(setup, "LOAD", "Load test site");
    reg.users().add(setup, "load.inv", Role.INVESTIGATOR, Set.of("LOAD"), "load-driver-password");
    Actor inv = reg.users().find("load.inv").orElseThrow().actor();
    String token = reg.tokens().create(inv, "load driver", Duration.ofDays(1)).token();
    reg.jdbc().sql("CREATE TABLE bench_counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)").update();
    for (int i = 0; i < 1024; i++) {
      reg.jdbc().sql("INSERT INTO bench_counter (id, n) VALUES (:id, 0)").param("id", i).update();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, 8));
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    String[] histologies = {"squamous", "adenocarcinoma"};
    for (int t = 0; t < Math.min(threads, 8); t++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          Random r = new Random(i);
          String record = "{\"testVerdict\":\"ELIGIBLE\",\"diagnosis\":{\"histology\":\"" + histologies[r.nextInt(2)]
              + "\"},\"egfr\":\"" + (r.nextBoolean() ? "mutant" : "wild-type") + "\",\"staging\":{\"t\":\""
              + (r.nextBoolean() ? "T1b" : "T4") + "\",\"n\":\"N0\"},";
          boolean brain = r.nextBoolean();
          record += "\"metastases\":[{\"site\":\"" + (brain ? "brain" : "bone") + "\",\"lesions\":"
              + (1 + r.nextInt(5)) + "}],\"intracranialMetastasis\":" + brain + "}";
          String id = reg.participants().register(inv, "LOAD", "LOAD-" + i, record).participant().id();
          reg.participants().recordConsent(inv, id, new Consent("v1", LocalDate.of(2026, 1, 5), "load"), null);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return token;
  }

  private static Result run(String name, HttpClient http, int n, int clients, IntFunction<HttpRequest> request,
      int expected) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long[] latencies = new long[n];
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          HttpResponse<String> res = http.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
          latencies[i] = System.nanoTime() - t0;
          if (res.statusCode() != expected) {
            if (errors.incrementAndGet() <= 3) {
              System.err.println(name + ": HTTP " + res.statusCode() + " " + res.body());
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(name, n, clients, seconds, errors.get(), latencies);
  }
}
