package org.oligotrial.cli.analyze;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oligotrial.cli.analyze.csv.CsvColumn;
import org.oligotrial.input.UserInputException;
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
 * numeric when every value is a number (or missing), categorical when no value is a number (dummy coded against its
 * first level in {@link org.oligotrial.survival.LevelOrder}, or the level given with {@code --ref col=level}), and
 * refused when it mixes numbers with other values; {@code --categorical col} declares a column categorical (its
 * numeric levels ordered by value, as R's {@code factor}).
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
    Set<String> labelColumns = new HashSet<>(categorical);
    labelColumns.addAll(strataCols);
    SurvivalSelection sel =
        data.load(null, null, labelColumns, used.toArray(new String[0])).requireEvents(data.event());
    List<CovariateCoding.Column> columns = new ArrayList<>();
    for (String c : covs) {
      columns.add(column(sel, c, categorical.contains(c), refByColumn.get(c)));
    }
    CovariateCoding.Result coded;
    try {
      coded = CovariateCoding.code(columns);
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

  /**
   * A covariate as the model takes it: declared categorical, or numeric when the file holds numbers there, or
   * categorical when it holds labels only. Numbers mixed with other values are refused with the line and value.
   */
  private static CovariateCoding.Column column(SurvivalSelection sel, String c, boolean declared, String ref) {
    CsvDataset ds = sel.dataset();
    if (declared) {
      CsvDataset.Levels l = sel.levels(c);
      return new CovariateCoding.FactorColumn(c, l.codes(), l.labels(), ref);
    }
    CsvColumn raw = ds.raw(c);
    String hint = "; if the column is categorical, declare it with --categorical " + c;
    if (raw.kind() == CsvColumn.Kind.NUMBER) {
      ds.requireNumbers(c, hint);
      if (ref != null) {
        throw new UserInputException("--ref " + c + "=" + ref + ": column '" + c + "' is numeric, so it has no"
            + " reference level; declare it with --categorical " + c + " to choose one");
      }
      return new CovariateCoding.NumericColumn(c, sel.numeric(c));
    }
    if (raw.decimalCommaCount() > 0 && raw.decimalCommaCount() == raw.otherCount()) {
      ds.requireNumbers(c, hint); // every value looks like a number with a decimal comma: refused with advice
    }
    if (raw.numberCount() > 0) {
      throw new UserInputException(ds.name() + " line " + ds.line(raw.firstOtherRow()) + ": column '" + c
          + "' holds text ('" + raw.firstOther() + "') and numbers (line " + ds.line(raw.firstNumberRow()) + ": '"
          + raw.firstNumber() + "'); correct the values" + hint);
    }
    CsvDataset.Levels l = sel.levels(c);
    return new CovariateCoding.FactorColumn(c, l.codes(), l.labels(), ref);
  }

  /** One code per combination of the strata columns' levels (their order does not matter to the fit), or null. */
  private static int[] strataCodes(SurvivalSelection sel, List<String> cols) {
    if (cols.isEmpty()) {
      return null;
    }
    int[] out = null;
    for (String c : cols) {
      CsvDataset.Levels l = sel.levels(c);
      if (out == null) {
        out = l.codes().clone();
        continue;
      }
      int k = l.labels().size();
      Map<Long, Integer> combined = new java.util.HashMap<>();
      for (int i = 0; i < out.length; i++) {
        long key = (long) out[i] * k + l.codes()[i];
        out[i] = combined.computeIfAbsent(key, x -> combined.size());
      }
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
