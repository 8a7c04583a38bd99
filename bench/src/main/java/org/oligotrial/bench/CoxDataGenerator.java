package org.oligotrial.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a seeded synthetic survival dataset for the Cox benchmark: columns {@code time,status,x1..x5}; x1 and x4
 * standard normal, x2 0/1, x3 uniform on [0, 10], x5 an integer 0-4; exponential event times with hazard
 * {@code 0.05 exp(0.5 x1 - 0.3 x2 + 0.1 x3 + 0.2 x4 - 0.15 x5)} per month, censored by a uniform time on [0, 60]
 * months; times rounded to 0.01 month (so there are ties). The same seed and size always give the same file.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.oligotrial.bench.CoxDataGenerator FILE [ROWS] [SEED]}.
 */
public final class CoxDataGenerator {

  private CoxDataGenerator() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "target/cox-1m.csv");
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261127L;
    write(file, rows, seed);
  }

  /** Writes {@code rows} rows to {@code file} (replacing it). */
  public static void write(Path file, int rows, long seed) throws IOException {
    Random r = new Random(seed);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("time,status,x1,x2,x3,x4,x5\n");
      for (int i = 0; i < rows; i++) {
        double x1 = round(r.nextGaussian(), 1000);
        int x2 = r.nextBoolean() ? 1 : 0;
        double x3 = round(10 * r.nextDouble(), 100);
        double x4 = round(r.nextGaussian(), 1000);
        int x5 = r.nextInt(5);
        double hazard = 0.05 * Math.exp(0.5 * x1 - 0.3 * x2 + 0.1 * x3 + 0.2 * x4 - 0.15 * x5);
        double event = -Math.log(1 - r.nextDouble()) / hazard;
        double censor = 60 * r.nextDouble();
        double time = Math.max(0.01, round(Math.min(event, censor), 100));
        int status = event <= censor ? 1 : 0;
        w.write(String.format(Locale.ROOT, "%.2f,%d,%.3f,%d,%.2f,%.3f,%d%n", time, status, x1, x2, x3, x4, x5));
      }
    }
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
