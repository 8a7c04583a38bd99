package org.oligotrial.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.oligotrial.ctcae.Ctcae;

/**
 * The CTCAE v5.0 type-ahead search ({@code Ctcae.search}, 837 terms, the synonym table): the first load of the
 * dictionary, then the time per query on one thread, by wall time and by the thread's CPU time, over queries as a
 * person types them (one letter, a few letters, words, a synonym, a class, a MedDRA code, British spelling, a query
 * that finds nothing), cycled in rounds of 200,000 queries; and the slowest of 20,000 single timed queries (the
 * 99th percentile and the maximum, wall clock) after warm-up.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.oligotrial.bench.CtcaeSearchTiming [ROUNDS]}.
 */
public final class CtcaeSearchTiming {
  private static final String[] QUERIES = {"r", "ra", "rash", "pneumo", "low pl", "low platelets", "sickness",
      "count decr", "cardiac", "10028", "oesophagitis", "hair loss", "shortness of breath", "other", "xyzzy",
      "fatigue"};

  private CtcaeSearchTiming() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    long t0 = System.nanoTime();
    Ctcae d = Ctcae.v5();
    System.out.printf(Locale.ROOT, "first load (JSON + synonyms + index): %.1f ms, %d terms%n",
        (System.nanoTime() - t0) / 1e6, d.terms().size());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int r = 1; r <= rounds; r++) {
      int count = 200_000;
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (int k = 0; k < count; k++) {
        sink += d.search(QUERIES[k % QUERIES.length], 20).size();
      }
      long w = System.nanoTime() - wall;
      long c = threads.getCurrentThreadCpuTime() - cpu;
      System.out.printf(Locale.ROOT, "round %d  %6.2f us/query wall  %6.2f us/query cpu%n", r, w / 1e3 / count,
          c / 1e3 / count);
    }
    int n = 20_000;
    long[] each = new long[n];
    for (int k = 0; k < n; k++) {
      long s = System.nanoTime();
      sink += d.search(QUERIES[k % QUERIES.length], 20).size();
      each[k] = System.nanoTime() - s;
    }
    Arrays.sort(each);
    System.out.printf(Locale.ROOT, "single queries: median %.2f us, p99 %.2f us, max %.2f us%n", each[n / 2] / 1e3,
        each[(int) (n * 0.99)] / 1e3, each[n - 1] / 1e3);
    System.out.println("(checksum " + sink + ")");
  }
}
