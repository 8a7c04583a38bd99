package org.oligotrial.cli.randomization;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.randomization.RandomizationScheme;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.randomization.simulation.Distribution;
import org.oligotrial.randomization.simulation.LevelPrevalences;
import org.oligotrial.randomization.simulation.MethodSummary;
import org.oligotrial.randomization.simulation.TrialSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oligotrial randomization simulate}: randomizes many simulated cohorts of a protocol's trial with each method
 * and prints the arms' shares against the ratio, balance overall and within each factor level, unfinished blocks and
 * predictability side by side (or JSON with {@code --json}). Cohorts are drawn with the protocol's factor levels and
 * stated prevalences ({@link LevelPrevalences}).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Compare randomization methods on a protocol's arms, ratio and factors over simulated trials.")
public final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin MethodOptions methodOptions;

  @Option(names = "--method", paramLabel = "blocks|minimization|simple|all", defaultValue = "all",
      description = "Method to simulate (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--n", paramLabel = "N",
      description = "Participants per trial (default: the protocol's targetSampleSize).")
  Integer participants;

  @Option(names = "--runs", paramLabel = "RUNS", defaultValue = "10000", description = "Simulated trials (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--prevalence", paramLabel = "FACTOR[.LEVEL]=P",
      description = "Prevalence of a factor level, e.g. thoracic_stage.III=0.6; FACTOR=P names the factor's first "
          + "level (histology=0.3: squamous). Default: the prevalences the protocol states, the rest shared equally.")
  Map<String, String> prevalence = new LinkedHashMap<>();

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  /** The JSON report. */
  record Report(String trial, int participants, int runs, long seed, String ratio,
      Map<String, Map<String, Double>> prevalence, List<MethodSummary> methods) {}

  @Override
  public Integer call() {
    Protocol protocol = methodOptions.protocol();
    List<String> methods = method.equals("all") ? List.of("blocks", "minimization", "simple") : List.of(method);
    if (protocol.stratification().isEmpty() && !method.equals("simple")) {
      methods = List.of("simple");
      if (!method.equals("all")) {
        throw new UserInputException("--method: " + method + " needs stratification factors; " + protocol.id()
            + " has none (use simple)");
      }
    }
    List<RandomizationScheme> schemes = new ArrayList<>();
    for (String m : methods) {
      schemes.add(methodOptions.scheme(m));
    }
    double[][] levels;
    try {
      levels = LevelPrevalences.of(protocol, prevalences());
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--prevalence " + e.getMessage());
    }
    int n = participants != null ? participants : protocol.targetSampleSize();
    if (n < 1 || n > 100_000) {
      throw new UserInputException("--n: must be from 1 to 100000, was " + n);
    }
    if (runs < 1 || runs > 1_000_000) {
      throw new UserInputException("--runs: must be from 1 to 1000000, was " + runs);
    }
    List<MethodSummary> results;
    try {
      results = TrialSimulation.run(schemes, levels, n, runs, seed);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    Report report = new Report(protocol.id(), n, runs, seed, methodOptions.ratioText(),
        LevelPrevalences.named(protocol, levels), results);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report)
        + System.lineSeparator() : table(report));
    out.flush();
    return 0;
  }

  private Map<String, Double> prevalences() {
    Map<String, Double> p = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : prevalence.entrySet()) {
      try {
        p.put(e.getKey(), Double.parseDouble(e.getValue()));
      } catch (NumberFormatException ex) {
        throw new UserInputException("--prevalence " + e.getKey() + ": not a number: " + e.getValue());
      }
    }
    return p;
  }

  static String table(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Randomization simulation: %s, %d participants x %d runs, ratio %s, seed %d%n",
        r.trial(), r.participants(), r.runs(), r.ratio(), r.seed()));
    sb.append("Prevalence (independent factors):");
    r.prevalence().forEach((factor, levels) -> {
      List<String> parts = new ArrayList<>();
      levels.forEach((level, p) -> parts.add(String.format(Locale.ROOT, "%s %.2f", level, p)));
      sb.append(' ').append(factor).append('=').append(String.join("/", parts));
    });
    sb.append(String.format("%n%n"));
    sb.append(String.format(Locale.ROOT, "%-13s %-22s %-22s %-24s %8s%n", "method", "arm imbalance",
        "worst factor level", "strata with open block", "guessed"));
    sb.append(String.format(Locale.ROOT, "%-13s %-22s %-22s %-24s %8s%n", "", "mean / p95 / max",
        "mean / p95 / max", "mean / p95 / max", "right"));
    for (MethodSummary m : r.methods()) {
      sb.append(String.format(Locale.ROOT, "%-13s %-22s %-22s %-24s %7.1f%%%n", m.method(), dist(m.overallImbalance(), false),
          dist(m.worstLevelImbalance(), false),
          m.incompleteBlockShare() == null ? "-" : dist(m.incompleteBlockShare(), true), 100 * m.correctGuessRate()));
    }
    sb.append(String.format("%n"));
    sb.append(String.format("arm imbalance: range of n_k/r_k over the arms at the end (|A - B| for two arms at 1:1); "
        + "worst factor level: the same within the most imbalanced level;%nopen block: share of used strata whose last "
        + "block is not full; guessed right: allocations a site knowing all past ones guesses.%n%n"));
    sb.append(shares(r));
    for (MethodSummary m : r.methods()) {
      sb.append(String.format("%-13s %s%n", m.method(), m.parameters()));
    }
    return sb.toString();
  }

  /** Per arm: mean allocations per run and share, against the ratio's target; then per factor level. */
  private static String shares(Report r) {
    StringBuilder sb = new StringBuilder();
    MethodSummary first = r.methods().get(0);
    sb.append(String.format(Locale.ROOT, "%-28s", "allocations per run (share)"));
    for (MethodSummary.ArmShare a : first.arms()) {
      sb.append(String.format(Locale.ROOT, " %-20s", a.arm()));
    }
    sb.append(String.format("%n"));
    sb.append(String.format(Locale.ROOT, "%-28s", "ratio's target"));
    for (MethodSummary.ArmShare a : first.arms()) {
      sb.append(String.format(Locale.ROOT, " %-20s", String.format(Locale.ROOT, "%.1f%%", 100 * a.target())));
    }
    sb.append(String.format("%n"));
    for (MethodSummary m : r.methods()) {
      sb.append(String.format(Locale.ROOT, "%-28s", m.method()));
      for (MethodSummary.ArmShare a : m.arms()) {
        sb.append(String.format(Locale.ROOT, " %-20s", String.format(Locale.ROOT, "%.1f (%.1f%%)", a.meanCount(),
            100 * a.share())));
      }
      sb.append(String.format("%n"));
    }
    sb.append(String.format("%nwithin each factor level: share of each arm (%s)%n", String.join(" / ",
        first.arms().stream().map(MethodSummary.ArmShare::arm).toList())));
    sb.append(String.format(Locale.ROOT, "%-28s %8s", "factor=level", "n/run"));
    for (MethodSummary m : r.methods()) {
      sb.append(String.format(Locale.ROOT, " %-20s", m.method()));
    }
    sb.append(String.format("%n"));
    for (int l = 0; l < first.levels().size(); l++) {
      MethodSummary.LevelBalance lb = first.levels().get(l);
      sb.append(String.format(Locale.ROOT, "%-28s %8.1f", lb.factor() + "=" + lb.level(), lb.meanCount()));
      for (MethodSummary m : r.methods()) {
        sb.append(String.format(Locale.ROOT, " %-20s", String.join(" / ", m.levels().get(l).arms().stream()
            .map(a -> String.format(Locale.ROOT, "%.1f%%", 100 * a.share())).toList())));
      }
      sb.append(String.format("%n"));
    }
    sb.append(String.format("%n"));
    // the columns are padded; no line ends in spaces
    return String.join(System.lineSeparator(), sb.toString().lines().map(String::stripTrailing).toList())
        + System.lineSeparator();
  }

  private static String dist(Distribution d, boolean percent) {
    return percent
        ? String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%%", 100 * d.mean(), 100 * d.p95(), 100 * d.max())
        : String.format(Locale.ROOT, "%.2f / %s / %s", d.mean(), trim(d.p95()), trim(d.max()));
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
