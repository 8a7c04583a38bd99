package org.oligotrial.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.oligotrial.cli.analyze.CsvDataset;
import org.oligotrial.cli.analyze.SurvivalSelection;
import org.oligotrial.survival.cox.CoxCovariates;
import org.oligotrial.survival.cox.CoxFit;
import org.oligotrial.survival.cox.CoxModel;
import org.oligotrial.survival.cox.CoxOptions;

/**
 * Times {@code CoxModel.fit} (Efron, covariates x1..x5) on a CSV written by {@link CoxDataGenerator}, reporting wall
 * time and the CPU time of the fitting thread per run, to compare with R's {@code system.time(coxph(...))} (elapsed
 * and user + system) on a machine shared with other work, where wall times depend on the load.
 *
 * <p>Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar org.oligotrial.bench.CoxTiming FILE [RUNS]}.
 */
public final class CoxTiming {

  private CoxTiming() {}

  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "target/cox-1m.csv");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<String> x = List.of("x1", "x2", "x3", "x4", "x5");
    SurvivalSelection sel = CsvDataset.read(file, null).survival("time", "status", null, null,
        x.toArray(new String[0]));
    double[][] cols = new double[x.size()][];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = sel.numeric(x.get(j));
    }
    CoxCovariates covariates = new CoxCovariates(x, cols);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int r = 1; r <= runs; r++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      CoxFit fit = CoxModel.fit(sel.data().times(), sel.data().events(), null, covariates, CoxOptions.defaults());
      double wallMs = (System.nanoTime() - wall) / 1e6;
      double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
      System.out.printf(Locale.ROOT, "run %2d: wall %7.1f ms, cpu %7.1f ms, n %d, iterations %d, loglik %.6f%n", r,
          wallMs, cpuMs, fit.n(), fit.iterations(), fit.logLik());
    }
  }
}
