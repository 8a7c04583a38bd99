package org.oligotrial.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a seeded synthetic survival dataset as CSV, the input of the Kaplan-Meier and log-rank benchmarks and of the
 * R timings in docs/benchmarks.md.
 *
 * <p>Columns: {@code time} (days, two decimals, exponential with median 300 days in arm A and 400 in arm B, censored
 * by a uniform follow-up of 0 to 1,000 days), {@code status} (1 = event), {@code group} (A or B, 1:1) and
 * {@code stratum} (s1 to s4). With a million rows about 97,000 distinct times occur, so ties are common, as in
 * day-level trial data.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.oligotrial.bench.SurvivalDataGenerator FILE [ROWS]
 * [SEED]}; defaults 1,000,000 rows, seed 20170403.
 */
public final class SurvivalDataGenerator {

  private SurvivalDataGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: SurvivalDataGenerator FILE [ROWS] [SEED]");
      System.exit(2);
    }
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20170403L;
    write(Path.of(args[0]), rows, seed);
  }

  /** Writes {@code rows} rows to {@code file}; the same seed gives the same file. */
  public static void write(Path file, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("time,status,group,stratum\n");
      for (int i = 0; i < rows; i++) {
        boolean b = random.nextBoolean();
        double median = b ? 400 : 300;
        double event = -Math.log(1 - random.nextDouble()) * median / Math.log(2);
        double followUp = random.nextDouble() * 1000;
        double t = Math.min(event, followUp);
        int status = event <= followUp ? 1 : 0;
        w.write(String.format(Locale.ROOT, "%.2f,%d,%s,s%d%n", t, status, b ? "B" : "A", 1 + random.nextInt(4)));
      }
    }
  }
}
