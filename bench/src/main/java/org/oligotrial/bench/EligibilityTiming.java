package org.oligotrial.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.oligotrial.cli.eligibility.RecordGenerator;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * Evaluations per second on one thread, by wall time and by the thread's CPU time (on a machine shared with other
 * work the wall time depends on the load; the CPU time much less). Evaluates 4096 synthetic records cycled, in rounds
 * of 2,000,000 evaluations, then the same for parse-plus-evaluate.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.oligotrial.bench.EligibilityTiming [ROUNDS]}.
 */
public final class EligibilityTiming {
  private EligibilityTiming() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int n = 4096;
    EligibilityEngine engine = new EligibilityEngine(ProtocolLoader.bundled());
    ScreeningRecordParser parser = new ScreeningRecordParser();
    RecordGenerator gen = new RecordGenerator(1);
    ScreeningRecord[] records = new ScreeningRecord[n];
    byte[][] lines = new byte[n][];
    for (int k = 0; k < n; k++) {
      lines[k] = gen.next(new StringBuilder(1024)).toString().getBytes(StandardCharsets.UTF_8);
      records[k] = parser.parse(lines[k], 0, lines[k].length);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int r = 1; r <= rounds; r++) {
      int count = 2_000_000;
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (int k = 0; k < count; k++) {
        sink += engine.evaluate(records[k & (n - 1)]).verdict().ordinal();
      }
      report("evaluate", r, count, System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu);
      count = 200_000;
      cpu = threads.getCurrentThreadCpuTime();
      wall = System.nanoTime();
      for (int k = 0; k < count; k++) {
        byte[] line = lines[k & (n - 1)];
        sink += engine.evaluate(parser.parse(line, 0, line.length)).verdict().ordinal();
      }
      report("parse+evaluate", r, count, System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu);
    }
    System.out.println("(checksum " + sink + ")");
  }

  private static void report(String what, int round, int count, long wallNanos, long cpuNanos) {
    System.out.printf(Locale.ROOT, "round %d %-15s %,12.0f /s wall  %,12.0f /s cpu%n", round, what,
        count * 1e9 / wallNanos, count * 1e9 / cpuNanos);
  }
}
