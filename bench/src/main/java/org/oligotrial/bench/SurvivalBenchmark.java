package org.oligotrial.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.oligotrial.cli.analyze.CsvDataset;
import org.oligotrial.survival.KaplanMeier;
import org.oligotrial.survival.KaplanMeierCurve;
import org.oligotrial.survival.LogRankResult;
import org.oligotrial.survival.LogRankTest;
import org.oligotrial.survival.SurvivalData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kaplan-Meier and log-rank on a generated dataset (see {@link SurvivalDataGenerator}), the fitting only: the CSV is
 * read once in the setup, as R's timings exclude {@code read.csv}. The file is {@code -Dsurvival.csv=PATH} or, when
 * absent, generated under the temporary directory with the default seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SurvivalBenchmark {

  @Param({"1000000"})
  int rows;

  SurvivalData byGroup;
  SurvivalData byGroupAndStratum;

  @Setup(Level.Trial)
  public void load() throws IOException {
    String given = System.getProperty("survival.csv");
    Path file;
    if (given != null) {
      file = Path.of(given);
    } else {
      file = Path.of(System.getProperty("java.io.tmpdir"), "oligotrial-survival-" + rows + ".csv");
      if (!Files.exists(file)) {
        SurvivalDataGenerator.write(file, rows, 20170403L);
      }
    }
    CsvDataset csv = CsvDataset.read(file, List.of("time", "status", "group", "stratum"));
    byGroup = csv.survival("time", "status", "group", null).data();
    byGroupAndStratum = csv.survival("time", "status", "group", "stratum").data();
  }

  /** survfit(Surv(time, status) ~ group, d) */
  @Benchmark
  public List<KaplanMeierCurve> kaplanMeier() {
    return new KaplanMeier().fit(byGroup);
  }

  /** survdiff(Surv(time, status) ~ group, d) */
  @Benchmark
  public LogRankResult logRank() {
    return LogRankTest.test(byGroup);
  }

  /** survdiff(Surv(time, status) ~ group + strata(stratum), d) */
  @Benchmark
  public LogRankResult logRankStratified() {
    return LogRankTest.test(byGroupAndStratum);
  }
}
