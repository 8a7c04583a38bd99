package org.oligotrial.server.loadtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.io.CloseMode;
import org.oligotrial.input.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Registers participants (screening record plus eligibility plus audit, one request each) from N client threads
 * against a running server for a fixed time, after a warm-up, and prints throughput and latency percentiles. Uses a
 * personal API token created with the given user's password (so BCrypt is paid once, not per request). Each client
 * thread has its own keep-alive HTTP/1.1 connection, Apache HttpCore 5's blocking connection and request executor
 * ({@link Client}); the driver's own CPU still competes with the server's on a shared machine, so it does as little
 * per request as it can.
 */
@Command(name = "load-test", mixinStandardHelpOptions = true,
    description = "Measure participant registration over the REST API (loopback only; bounded in clients and time).")
public final class LoadTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Server base URL (loopback).")
  String url;

  @Option(names = "--username", required = true, description = "A site-staff user at --site.")
  String username;

  @Option(names = "--password-stdin", required = true, description = "Read the password from standard input.")
  boolean passwordStdin;

  @Option(names = "--site", required = true, description = "Site code to register participants at.")
  String site;

  @Option(names = "--record", description = "Screening record JSON file (default: a built-in eligible record).")
  Path record;

  @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients, 1-64 (default 32).")
  int clients;

  @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds, 1-120 (default 20).")
  int seconds;

  @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds, not measured (default 5).")
  int warmup;

  @Option(names = "--rate", defaultValue = "0",
      description = "Offered load in requests per second over all clients, each client on a fixed schedule and"
          + " latency counted from the scheduled start (so a slow reply delays no later measurement);"
          + " 0 (default): every client sends its next request as soon as the last one is answered.")
  double rate;

  @Option(names = "--per-second",
      description = "Also print each measured second: the requests answered in it and their p50, p99 and max latency"
          + " (where a stall falls, against a server log or a database checkpoint).")
  boolean perSecond;

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || clients > 64) {
      throw new UserInputException("--clients must be 1 to 64");
    }
    if (seconds < 1 || seconds > 120 || warmup < 0 || warmup > 120) {
      throw new UserInputException("--seconds must be 1 to 120 and --warmup 0 to 120");
    }
    if (!(rate >= 0 && rate <= 100_000)) {
      throw new UserInputException("--rate must be 0 to 100000 requests per second");
    }
    URI base = URI.create(url);
    if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
      throw new UserInputException("--url must point at this machine (loopback), got " + url);
    }
    String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (password == null) {
      throw new UserInputException("--password-stdin: no password on standard input");
    }
    String body = record == null ? SampleRecord.ELIGIBLE : Files.readString(record);
    return run(base, password, body);
  }

  private int run(URI base, String password, String body) throws Exception {
    String token = token(base, password);
    String run = UUID.randomUUID().toString().substring(0, 8);

    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    long[][] latencies = new long[clients][];
    long[][] answered = new long[clients][];
    AtomicInteger errors = new AtomicInteger();
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      int client = c;
      // with --rate, client c sends at start + (c + k * clients) / rate, k = 0, 1, ...
      long interval = rate == 0 ? 0 : Math.round(clients * 1e9 / rate);
      long first = rate == 0 ? start : start + Math.round(c * 1e9 / rate);
      threads[c] = new Thread(() -> {
        long[][] both = drive(base, token, site, body, run, client, first, interval, measureFrom, end, errors);
        latencies[client] = both[0];
        answered[client] = both[1];
      });
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "participant registration over %s: %d clients, %s, %d s measured after %d s warm-up%n",
        base, clients, rate == 0 ? "back to back" : String.format(Locale.ROOT, "offered %.1f req/s", rate), seconds,
        warmup);
    out.printf(Locale.ROOT, "requests %d, errors %d, throughput %.1f req/s%n", all.length, errors.get(),
        all.length / (double) seconds);
    if (all.length > 0) {
      out.printf(Locale.ROOT, "latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(all, 50), pct(all, 90),
          pct(all, 99), all[all.length - 1] / 1e6);
    }
    if (perSecond) {
      // the wall-clock time of the first measured second, to set beside server and database logs
      long wallMeasureFrom = System.currentTimeMillis() - (System.nanoTime() - measureFrom) / 1_000_000;
      printPerSecond(out, latencies, answered, measureFrom, wallMeasureFrom);
    }
    return errors.get() == 0 ? 0 : 1;
  }

  /**
   * One client: requests one after the other (interval 0), or each at its scheduled time {@code first + k *
   * interval}, waiting for it when early and sending at once when late; the latency of a scheduled request runs from
   * its scheduled time, so queueing behind a slow reply is counted.
   */
  private static long[][] drive(URI base, String token, String site, String record, String run, int client,
      long first, long interval, long measureFrom, long end, AtomicInteger errors) {
    long[] lat = new long[1024];
    long[] at = new long[1024];
    int n = 0;
    long scheduled = first;
    String bearer = "Bearer " + token;
    try (Client http = new Client(base)) {
      for (int i = 0; ; i++) {
        if (interval > 0) {
          // parkNanos may return early: wait until the scheduled time has come
          for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
        }
        long t0 = interval > 0 ? scheduled : System.nanoTime();
        if (t0 >= end) {
          break;
        }
        String body = "{\"siteCode\":\"" + site + "\",\"screeningNumber\":\"LT-" + run + "-" + client + "-"
            + i + "\",\"screeningRecord\":" + record + "}";
        try {
          // the whole response is read (and dropped) before the clock stops
          int status = http.post("/api/v1/participants", bearer, body, false).status();
          long t1 = System.nanoTime();
          if (status != 201) {
            errors.incrementAndGet();
          } else if (t0 >= measureFrom && t1 <= end) {
            if (n == lat.length) {
              lat = Arrays.copyOf(lat, n * 2);
              at = Arrays.copyOf(at, n * 2);
            }
            at[n] = t1;
            lat[n++] = t1 - t0;
          }
        } catch (IOException | HttpException | RuntimeException e) {
          errors.incrementAndGet();
        }
        scheduled += interval;
      }
    }
    return new long[][] {Arrays.copyOf(lat, n), Arrays.copyOf(at, n)};
  }

  /**
   * One line per measured second, by the time each reply arrived: its wall-clock start (UTC), count, p50, p99 and
   * max latency in ms.
   */
  private static void printPerSecond(PrintWriter out, long[][] latencies, long[][] answered, long measureFrom,
      long wallMeasureFrom) {
    DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    List<List<Long>> bySecond = new ArrayList<>();
    for (int c = 0; c < latencies.length; c++) {
      for (int i = 0; i < latencies[c].length; i++) {
        int s = (int) ((answered[c][i] - measureFrom) / 1_000_000_000L);
        while (bySecond.size() <= s) {
          bySecond.add(new ArrayList<>());
        }
        bySecond.get(s).add(latencies[c][i]);
      }
    }
    for (int s = 0; s < bySecond.size(); s++) {
      long[] sorted = bySecond.get(s).stream().mapToLong(Long::longValue).sorted().toArray();
      String from = hms.format(Instant.ofEpochMilli(wallMeasureFrom + s * 1000L));
      if (sorted.length == 0) {
        out.printf(Locale.ROOT, "second %d (from %s): 0 requests%n", s + 1, from);
      } else {
        out.printf(Locale.ROOT, "second %d (from %s): %d requests, p50 %.1f  p99 %.1f  max %.1f%n", s + 1, from,
            sorted.length, pct(sorted, 50), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
      }
    }
  }

  private String token(URI base, String password) throws IOException, HttpException {
    String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    Reply reply;
    try (Client http = new Client(base)) {
      reply = http.post("/api/v1/tokens", "Basic " + basic, "{\"label\":\"load-test\",\"validDays\":1}", true);
    } catch (IOException e) {
      throw new UserInputException("no server answers at " + base + ": " + e.getMessage());
    }
    if (reply.status() != 201) {
      throw new UserInputException("could not create an API token (HTTP " + reply.status() + "): " + reply.body());
    }
    return reply.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  /** A reply: its status code and, when asked for, its body. */
  record Reply(int status, String body) {}

  /**
   * One client's keep-alive HTTP/1.1 connection: Apache HttpCore 5's blocking connection and request executor,
   * without HttpClient's connection pool, routes and execution chain (HttpClient's classic client had cost the shared
   * machine more CPU per request in the driver than this, docs/benchmarks.md), opened on first use and again after the
   * server closes it (Tomcat closes a keep-alive connection after 100 requests) or a request fails. Not thread-safe:
   * one per client thread.
   */
  static final class Client implements AutoCloseable {
    private static final HttpProcessor PROCESSOR = HttpProcessorBuilder.create()
        .addAll(new RequestContent(), new RequestTargetHost(), new RequestConnControl()).build();
    private final HttpHost host;
    private final HttpRequestExecutor executor = new HttpRequestExecutor();
    private DefaultBHttpClientConnection connection;
    private int opened;

    Client(URI base) {
      this.host = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
    }

    /**
     * POSTs {@code json} to {@code path} with the given {@code Authorization} header and reads the whole reply.
     *
     * @param keepBody whether to return the body as text (else it is read and dropped)
     */
    Reply post(String path, String authorization, String json, boolean keepBody) throws IOException, HttpException {
      if (connection == null) {
        connection = open();
        opened++;
      }
      ClassicHttpRequest request = new BasicClassicHttpRequest(Method.POST, host, path);
      request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
      request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
      HttpCoreContext context = HttpCoreContext.create();
      boolean reusable = false;
      try {
        executor.preProcess(request, PROCESSOR, context);
        ClassicHttpResponse response = executor.execute(request, connection, context);
        String body = null;
        if (keepBody) {
          body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        } else {
          EntityUtils.consume(response.getEntity());
        }
        executor.postProcess(response, PROCESSOR, context);
        reusable = executor.keepAlive(request, response, connection, context);
        return new Reply(response.getCode(), body);
      } finally {
        if (!reusable) {
          close();
        }
      }
    }

    private DefaultBHttpClientConnection open() throws IOException {
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host.getHostName(), host.getPort()), 5_000);
        DefaultBHttpClientConnection c = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
        c.bind(socket);
        return c;
      } catch (IOException | RuntimeException e) {
        socket.close();
        throw e;
      }
    }

    /** Connections opened so far. */
    int opened() {
      return opened;
    }

    @Override
    public void close() {
      if (connection != null) {
        connection.close(CloseMode.IMMEDIATE);
        connection = null;
      }
    }
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
