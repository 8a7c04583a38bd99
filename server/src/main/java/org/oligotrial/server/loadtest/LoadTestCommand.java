package org.oligotrial.server.loadtest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.oligotrial.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Registers participants (screening record plus eligibility plus audit, one request each) from N client threads
 * against a running server for a fixed time, after a warm-up, and prints throughput and latency percentiles. Uses a
 * personal API token created with the given user's password (so BCrypt is paid once, not per request).
 */
@Command(name = "load-test",
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

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || clients > 64) {
      throw new UserInputException("--clients must be 1 to 64");
    }
    if (seconds < 1 || seconds > 120 || warmup < 0 || warmup > 60) {
      throw new UserInputException("--seconds must be 1 to 120 and --warmup 0 to 60");
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
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    String token = token(http, base, password);
    String run = UUID.randomUUID().toString().substring(0, 8);

    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    long[][] latencies = new long[clients][];
    AtomicInteger errors = new AtomicInteger();
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads[c] = new Thread(() -> latencies[client] = drive(http, base, token, site, body, run, client,
          measureFrom, end, errors));
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "participant registration over %s: %d clients, %d s measured after %d s warm-up%n",
        base, clients, seconds, warmup);
    out.printf(Locale.ROOT, "requests %d, errors %d, throughput %.1f req/s%n", all.length, errors.get(),
        all.length / (double) seconds);
    if (all.length > 0) {
      out.printf(Locale.ROOT, "latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(all, 50), pct(all, 90),
          pct(all, 99), all[all.length - 1] / 1e6);
    }
    return errors.get() == 0 ? 0 : 1;
  }

  private static long[] drive(HttpClient http, URI base, String token, String site, String record, String run,
      int client, long measureFrom, long end, AtomicInteger errors) {
    long[] lat = new long[1024];
    int n = 0;
    for (int i = 0; ; i++) {
      long t0 = System.nanoTime();
      if (t0 >= end) {
        break;
      }
      String body = "{\"siteCode\":\"" + site + "\",\"screeningNumber\":\"LT-" + run + "-" + client + "-"
          + i + "\",\"screeningRecord\":" + record + "}";
      try {
        HttpResponse<Void> res = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/participants"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.discarding());
        long t1 = System.nanoTime();
        if (res.statusCode() != 201) {
          errors.incrementAndGet();
        } else if (t0 >= measureFrom && t1 <= end) {
          if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
          }
          lat[n++] = t1 - t0;
        }
      } catch (Exception e) {
        errors.incrementAndGet();
      }
    }
    return Arrays.copyOf(lat, n);
  }

  private String token(HttpClient http, URI base, String password) throws Exception {
    String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> res = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/tokens"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"load-test\",\"validDays\":1}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 201) {
      throw new UserInputException("could not create an API token (HTTP " + res.statusCode() + "): " + res.body());
    }
    return res.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
