package org.oligotrial.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.oligotrial.cli.analyze.CsvDataset;
import org.oligotrial.survival.KaplanMeier;
import org.oligotrial.survival.LogRankTest;
import org.oligotrial.survival.SurvivalData;

/**
 * Times Kaplan-Meier and the log-rank test on a CSV the way {@code bench/r/survival.R} times R: the file is read
 * once (not timed), then each fit runs repeatedly and the median wall-clock time and the median process CPU time
 * (all threads: JIT and garbage collector included) are printed. CPU time is the fairer comparison on a shared,
 * loaded machine. After {@code warmup} untimed runs so that the JIT has compiled the code.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.oligotrial.bench.SurvivalTiming FILE [RUNS] [WARMUP]}.
 */
public final class SurvivalTiming {

  private SurvivalTiming() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    CsvDataset csv = CsvDataset.read(file, List.of("time", "status", "group", "stratum"));
    SurvivalData byGroup = csv.survival("time", "status", "group", null).data();
    SurvivalData stratified = csv.survival("time", "status", "group", "stratum").data();
    System.out.printf("java %s, rows %d, %d runs after %d warm-up runs%n", System.getProperty("java.version"),
        byGroup.size(), runs, warmup);
    time("KaplanMeier.fit  (survfit ~ group)          ", () -> new KaplanMeier().fit(byGroup), runs, warmup);
    time("LogRankTest.test (survdiff ~ group)         ", () -> LogRankTest.test(byGroup), runs, warmup);
    time("LogRankTest.test (survdiff ~ group + strata)", () -> LogRankTest.test(stratified), runs, warmup);
  }

  private static void time(String what, Supplier<?> fit, int runs, int warmup) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Object sink = null;
    for (int i = 0; i < warmup; i++) {
      sink = fit.get();
    }
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      sink = fit.get();
      wall[i] = (System.nanoTime() - t0) / 1e9;
      cpu[i] = (os.getProcessCpuTime() - c0) / 1e9;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf("%s  wall median %.3f s (min %.3f)   cpu median %.3f s%n", what, wall[runs / 2], wall[0],
        cpu[runs / 2]);
    if (sink == null) {
      throw new IllegalStateException();
    }
  }
}
