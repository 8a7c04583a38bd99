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
import org.oligotrial.randomization.StratificationFactor;
import org.oligotrial.randomization.TrialFactors;
import org.oligotrial.randomization.simulation.Distribution;
import org.oligotrial.randomization.simulation.MethodSummary;
import org.oligotrial.randomization.simulation.TrialSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oligotrial randomization simulate}: randomizes many simulated cohorts of the trial with each method and
 * prints balance, unfinished blocks and predictability side by side (or JSON with {@code --json}).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Compare randomization methods on NCT03119519's five factors over simulated trials.")
public final class SimulateCommand implements Callable<Integer> {

  /** The level whose prevalence {@code --prevalence} gives, per factor. */
  static final Map<String, String> MARKED_LEVEL = Map.of("histology", "squamous", "first_line", "targeted",
      "brain_metastasis", "yes", "metastases", "1", "thoracic_stage", "III");

  /** Default prevalence of each factor's marked level, assumed independent (see docs/randomization.md). */
  static final Map<String, Double> DEFAULT_PREVALENCE = defaults();

  @Spec CommandSpec spec;

  @Mixin MethodOptions methodOptions;

  @Option(names = "--method", paramLabel = "blocks|minimization|simple|all", defaultValue = "all",
      description = "Method to simulate (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--n", paramLabel = "N", defaultValue = "148", description = "Participants per trial (default: ${DEFAULT-VALUE}).")
  int participants;

  @Option(names = "--runs", paramLabel = "RUNS", defaultValue = "10000", description = "Simulated trials (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--prevalence", paramLabel = "FACTOR=P",
      description = "Prevalence of a factor's marked level, e.g. histology=0.3 (squamous). Factors (marked level): "
          + "histology (squamous), first_line (targeted), brain_metastasis (yes), metastases (1), thoracic_stage (III). "
          + "Defaults: histology=0.3, first_line=0.35, brain_metastasis=0.25, metastases=0.4, thoracic_stage=0.6.")
  Map<String, String> prevalence = new LinkedHashMap<>();

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  /** The JSON report. */
  record Report(String trial, int participants, int runs, long seed, String ratio, Map<String, Double> prevalence,
      List<MethodSummary> methods) {}

  @Override
  public Integer call() {
    List<String> methods = method.equals("all") ? List.of("blocks", "minimization", "simple") : List.of(method);
    List<RandomizationScheme> schemes = new ArrayList<>();
    for (String m : methods) {
      schemes.add(methodOptions.scheme(m));
    }
    Map<String, Double> prev = prevalences();
    double[][] levels = new double[TrialFactors.ALL.size()][];
    for (int f = 0; f < levels.length; f++) {
      StratificationFactor factor = TrialFactors.ALL.get(f);
      double p = prev.get(factor.name());
      int marked = factor.indexOf(MARKED_LEVEL.get(factor.name()));
      levels[f] = new double[] {marked == 0 ? p : 1 - p, marked == 0 ? 1 - p : p};
    }
    if (participants < 1 || participants > 100_000) {
      throw new UserInputException("--n: must be from 1 to 100000, was " + participants);
    }
    if (runs < 1 || runs > 1_000_000) {
      throw new UserInputException("--runs: must be from 1 to 1000000, was " + runs);
    }
    List<MethodSummary> results;
    try {
      results = TrialSimulation.run(schemes, levels, participants, runs, seed);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    Report report = new Report("NCT03119519", participants, runs, seed, methodOptions.ratio, prev, results);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report)
        + System.lineSeparator() : table(report));
    out.flush();
    return 0;
  }

  private Map<String, Double> prevalences() {
    Map<String, Double> p = new LinkedHashMap<>(DEFAULT_PREVALENCE);
    for (Map.Entry<String, String> e : prevalence.entrySet()) {
      if (!p.containsKey(e.getKey())) {
        throw new UserInputException("--prevalence: unknown factor " + e.getKey() + " (one of " + p.keySet() + ")");
      }
      double v;
      try {
        v = Double.parseDouble(e.getValue());
      } catch (NumberFormatException ex) {
        throw new UserInputException("--prevalence " + e.getKey() + ": not a number: " + e.getValue());
      }
      if (!(v >= 0 && v <= 1)) {
        throw new UserInputException("--prevalence " + e.getKey() + ": must be from 0 to 1, was " + e.getValue());
      }
      p.put(e.getKey(), v);
    }
    return p;
  }

  static String table(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Randomization simulation: %s, %d participants x %d runs, ratio RT+:RT- %s, seed %d%n",
        r.trial(), r.participants(), r.runs(), r.ratio(), r.seed()));
    sb.append("Prevalence (independent factors):");
    for (StratificationFactor f : TrialFactors.ALL) {
      sb.append(String.format(Locale.ROOT, " %s=%s %.2f", f.name(), MARKED_LEVEL.get(f.name()), r.prevalence().get(f.name())));
    }
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
    sb.append(String.format("arm imbalance: range of n/r over the arms at the end (|RT+ - RT-| for 1:1); worst factor level: "
        + "the same within the most imbalanced level;%nopen block: share of used strata whose last block is not full; "
        + "guessed right: allocations a site knowing all past ones guesses.%n%n"));
    for (MethodSummary m : r.methods()) {
      sb.append(String.format("%-13s %s%n", m.method(), m.parameters()));
    }
    return sb.toString();
  }

  private static String dist(Distribution d, boolean percent) {
    return percent
        ? String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%%", 100 * d.mean(), 100 * d.p95(), 100 * d.max())
        : String.format(Locale.ROOT, "%.2f / %s / %s", d.mean(), trim(d.p95()), trim(d.max()));
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static Map<String, Double> defaults() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("histology", 0.3);
    m.put("first_line", 0.35);
    m.put("brain_metastasis", 0.25);
    m.put("metastases", 0.4);
    m.put("thoracic_stage", 0.6);
    return java.util.Collections.unmodifiableMap(m);
  }
}
