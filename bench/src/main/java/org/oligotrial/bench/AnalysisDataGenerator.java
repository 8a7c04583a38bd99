package org.oligotrial.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the seeded dataset of the whole-process comparison with R ({@code bench/analysis-vs-r.sh}): columns
 * {@code time,status,arm,x1..x5}. {@code arm} is A or B with probability 1/2; x1 and x4 standard normal (3 decimals),
 * x2 0/1, x3 uniform on [0, 10] (2 decimals), x5 an integer 0-4; exponential event times with hazard
 * {@code 0.05 exp(0.5 x1 - 0.3 x2 + 0.1 x3 + 0.2 x4 - 0.15 x5 - 0.25 [arm = B])} per month, censored by a uniform
 * time on [0, 60] months; times rounded to 0.01 month (so there are many ties). About 32 bytes a row: 1,000,000 rows
 * make a 32 MB file. The same seed and size always give the same file.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.oligotrial.bench.AnalysisDataGenerator FILE [ROWS] [SEED]}.
 */
public final class AnalysisDataGenerator {

  private AnalysisDataGenerator() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "target/analysis-1m.csv");
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261206L;
    write(file, rows, seed);
  }

  /** Writes {@code rows} rows to {@code file} (replacing it). */
  public static void write(Path file, long rows, long seed) throws IOException {
    Random r = new Random(seed);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("time,status,arm,x1,x2,x3,x4,x5\n");
      StringBuilder sb = new StringBuilder(64);
      for (long i = 0; i < rows; i++) {
        boolean armB = r.nextBoolean();
        long x1 = Math.round(r.nextGaussian() * 1000);
        int x2 = r.nextBoolean() ? 1 : 0;
        long x3 = Math.round(10 * r.nextDouble() * 100);
        long x4 = Math.round(r.nextGaussian() * 1000);
        int x5 = r.nextInt(5);
        double hazard = 0.05 * Math.exp(0.5 * x1 / 1000.0 - 0.3 * x2 + 0.1 * x3 / 100.0 + 0.2 * x4 / 1000.0
            - 0.15 * x5 - (armB ? 0.25 : 0));
        double event = -Math.log(1 - r.nextDouble()) / hazard;
        double censor = 60 * r.nextDouble();
        long time = Math.max(1, Math.round(Math.min(event, censor) * 100));
        int status = event <= censor ? 1 : 0;
        sb.setLength(0);
        fixed(sb, time, 2).append(',').append(status).append(',').append(armB ? 'B' : 'A').append(',');
        fixed(sb, x1, 3).append(',').append(x2).append(',');
        fixed(sb, x3, 2).append(',');
        fixed(sb, x4, 3).append(',').append(x5).append('\n');
        w.append(sb);
      }
    }
  }

  /** Appends {@code v / 10^decimals} with exactly {@code decimals} decimals. */
  private static StringBuilder fixed(StringBuilder sb, long v, int decimals) {
    if (v < 0) {
      sb.append('-');
      v = -v;
    }
    long unit = 1;
    for (int i = 0; i < decimals; i++) {
      unit *= 10;
    }
    sb.append(v / unit).append('.');
    String f = Long.toString(v % unit);
    for (int i = f.length(); i < decimals; i++) {
      sb.append('0');
    }
    return sb.append(f);
  }
}
