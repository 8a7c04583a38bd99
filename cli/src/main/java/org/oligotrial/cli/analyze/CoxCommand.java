package org.oligotrial.cli.analyze;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oligotrial.cli.UserInputException;
import org.oligotrial.survival.SurvivalData;
import org.oligotrial.survival.cox.CovariateCoding;
import org.oligotrial.survival.cox.CoxFit;
import org.oligotrial.survival.cox.CoxModel;
import org.oligotrial.survival.cox.CoxOptions;
import org.oligotrial.survival.cox.Ties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial analyze cox}: a Cox proportional hazards model of a CSV dataset, as R's
 * {@code summary(coxph(Surv(time, event) ~ a + b + strata(s), data, ties = ...))} reports it. A covariate column is
 * numeric when every value is a number, otherwise categorical (dummy coded against its first level in sorted order, or
 * the level given with {@code --ref col=level}); {@code --categorical col} forces a numeric column to be categorical.
 * Rows with a missing value in any used column are dropped and counted. Warnings (aliased or possibly infinite
 * coefficients, no convergence) go to stderr as {@code warning: ...}; exit 0 when the model was fitted, 2 on bad input.
 */
@Command(
    name = "cox",
    mixinStandardHelpOptions = true,
    description = "Cox proportional hazards regression (hazard ratios, Wald/LR/score tests, concordance), as R's coxph.")
public final class CoxCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatasetOptions data;

  @Option(names = "--covariates", required = true, split = ",", paramLabel = "COL",
      description = "Covariate columns, in model order.")
  List<String> covariates;

  @Option(names = "--strata", paramLabel = "COL[,COL...]",
      description = "Stratify the baseline hazard by this column (several: by their combinations, as strata(a, b)).")
  String strata;

  @Option(names = "--ties", defaultValue = "efron", paramLabel = "efron|breslow",
      description = "Handling of tied event times (default: ${DEFAULT-VALUE}).")
  String ties;

  @Option(names = "--ref", paramLabel = "COL=LEVEL",
      description = "Reference level of a categorical covariate (repeatable).")
  List<String> refs = new ArrayList<>();

  @Option(names = "--categorical", split = ",", paramLabel = "COL",
      description = "Treat these covariate columns as categorical even if numeric.")
  List<String> categorical = new ArrayList<>();

  @Override
  public Integer call() {
    Ties t = parseTies(ties);
    List<String> covs = new ArrayList<>(new LinkedHashSet<>(covariates));
    if (covs.size() != covariates.size()) {
      throw new UserInputException("--covariates names a column twice: " + String.join(",", covariates));
    }
    for (String c : covs) {
      if (c.isBlank()) {
        throw new UserInputException("--covariates has an empty column name");
      }
      if (c.equals(data.time()) || c.equals(data.event()) || strataColumns().contains(c)) {
        throw new UserInputException("column '" + c + "' is the time, event or strata column; it cannot also be a"
            + " covariate");
      }
    }
    Map<String, String> refByColumn = parseRefs(refs, covs);
    for (String c : categorical) {
      if (!covs.contains(c)) {
        throw new UserInputException("--categorical " + c + ": not one of the --covariates");
      }
    }
    List<String> strataCols = strataColumns();
    List<String> used = new ArrayList<>(covs);
    used.addAll(strataCols);
    SurvivalSelection sel = data.load(null, null, used.toArray(new String[0])).requireEvents(data.event());
    List<CovariateCoding.RawColumn> raw = new ArrayList<>();
    for (String c : covs) {
      raw.add(new CovariateCoding.RawColumn(c, sel.text(c), categorical.contains(c), refByColumn.get(c)));
    }
    CovariateCoding.Result coded;
    try {
      coded = CovariateCoding.code(raw);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    SurvivalData d = sel.data();
    CoxFit fit;
    long start = System.nanoTime();
    try {
      fit = CoxModel.fit(d.times(), d.events(), strataCodes(sel, strataCols), coded.covariates(),
          CoxOptions.of(t));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    double elapsedMillis = (System.nanoTime() - start) / 1e6;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (String w : fit.warnings()) {
      err.println("warning: " + w);
    }
    err.flush();
    CoxReport report = new CoxReport(fit, sel.nDropped(), strata, coded.codings(), elapsedMillis);
    out.print(data.json() ? report.json() : report.table());
    out.flush();
    return 0;
  }

  private List<String> strataColumns() {
    if (strata == null) {
      return List.of();
    }
    List<String> cols = new ArrayList<>();
    for (String c : strata.split(",")) {
      if (c.isBlank()) {
        throw new UserInputException("--strata has an empty column name: '" + strata + "'");
      }
      cols.add(c.strip());
    }
    return cols;
  }

  /** One code per combination of the strata columns' labels (their order does not matter to the fit), or null. */
  private static int[] strataCodes(SurvivalSelection sel, List<String> cols) {
    if (cols.isEmpty()) {
      return null;
    }
    List<String[]> labels = cols.stream().map(sel::text).toList();
    int n = labels.get(0).length;
    Map<List<String>, Integer> codes = new java.util.HashMap<>();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      List<String> key = new ArrayList<>(cols.size());
      for (String[] l : labels) {
        key.add(l[i]);
      }
      out[i] = codes.computeIfAbsent(key, k -> codes.size());
    }
    return out;
  }

  private static Ties parseTies(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "efron" -> Ties.EFRON;
      case "breslow" -> Ties.BRESLOW;
      default -> throw new UserInputException("--ties must be efron or breslow, got '" + s + "'");
    };
  }

  private static Map<String, String> parseRefs(List<String> refs, List<String> covs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String r : refs) {
      int eq = r.indexOf('=');
      if (eq <= 0 || eq == r.length() - 1) {
        throw new UserInputException("--ref must look like column=level, got '" + r + "'");
      }
      String col = r.substring(0, eq);
      if (!covs.contains(col)) {
        throw new UserInputException("--ref " + r + ": '" + col + "' is not one of the --covariates");
      }
      if (out.put(col, r.substring(eq + 1)) != null) {
        throw new UserInputException("--ref gives column '" + col + "' twice");
      }
    }
    return out;
  }
}
