package org.oligotrial.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.oligotrial.cli.analyze.CsvDataset;
import org.oligotrial.cli.analyze.SurvivalSelection;
import org.oligotrial.survival.SurvivalData;
import org.oligotrial.survival.cox.CoxCovariates;
import org.oligotrial.survival.cox.CoxFit;
import org.oligotrial.survival.cox.CoxModel;
import org.oligotrial.survival.cox.CoxOptions;
import org.oligotrial.survival.cox.Ties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cox model fitting (Efron ties, five covariates) on the CSV written by {@link CoxDataGenerator} (1,000,000 rows by
 * default; generated on first use), read once with the CLI's reader: the time measured is {@code CoxModel.fit}
 * alone (sorting, Newton-Raphson, variance, tests and concordance), as R's {@code coxph} call is timed on the same
 * file. See docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class CoxModelBenchmark {

  @Param({"target/cox-1m.csv"})
  public String file;

  @Param({"1000000"})
  public int rows;

  @Param({"EFRON"})
  public Ties ties;

  private double[] time;
  private boolean[] event;
  private CoxCovariates covariates;

  @Setup
  public void setUp() throws Exception {
    Path path = Path.of(file);
    if (!Files.exists(path)) {
      CoxDataGenerator.write(path, rows, 20261127L);
    }
    List<String> x = List.of("x1", "x2", "x3", "x4", "x5");
    SurvivalSelection sel = CsvDataset.read(path, null).survival("time", "status", null, null,
        x.toArray(new String[0]));
    SurvivalData d = sel.data();
    time = d.times();
    event = d.events();
    double[][] cols = new double[x.size()][];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = sel.numeric(x.get(j));
    }
    covariates = new CoxCovariates(x, cols);
  }

  @Benchmark
  public CoxFit fit() {
    return CoxModel.fit(time, event, null, covariates, CoxOptions.of(ties));
  }
}
