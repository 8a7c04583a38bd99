package org.oligotrial.cli.recist;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.recist.AssessmentResult;
import org.oligotrial.recist.BaselineFinding;
import org.oligotrial.recist.InvalidRecistDataException;
import org.oligotrial.recist.LesionProgression;
import org.oligotrial.recist.LesionRole;
import org.oligotrial.recist.LesionScope;
import org.oligotrial.recist.RecistEvaluation;
import org.oligotrial.recist.RecistEvaluator;
import org.oligotrial.recist.RecistInput;
import org.oligotrial.recist.RecistJson;
import org.oligotrial.recist.TumourEvaluation;
import org.oligotrial.recist.TumourEvaluator;
import org.oligotrial.recist.TumourJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial recist evaluate FILE.json [--json] [--min-sd-days 42]}: evaluates one participant's RECIST data
 * and prints a table (percentages rounded to one decimal for display) or the full-precision JSON. The file is either
 * structured (baseline {@code lesions} with site, method and role: {@link TumourJson}) or the earlier form (baseline
 * {@code targets} and {@code nonTargets}: {@link RecistJson}). Exit 0 when evaluated, 2 on bad input with the
 * message naming the field (for a baseline that breaks RECIST 1.1, one line per finding).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Evaluate a participant's RECIST 1.1 assessments from a JSON file (see docs/recist.md).")
public final class RecistEvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.json", description = "Baseline and assessments (docs/schema/recist-input.schema.json).")
  Path file;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(names = "--min-sd-days", paramLabel = "DAYS", defaultValue = "42",
      description = "Minimum days from baseline for stable disease to count as best response (default: ${DEFAULT-VALUE}).")
  int minSdDays;

  @Override
  public Integer call() throws IOException {
    if (minSdDays < 0) {
      throw new UserInputException("--min-sd-days: must be 0 or more, was " + minSdDays);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UserInputException(file + ": not UTF-8 text");
    }
    RecistEvaluation evaluation;
    TumourEvaluation tumour = null;
    try {
      if (TumourJson.isStructured(TumourJson.parse(text))) {
        tumour = new TumourEvaluator(minSdDays).evaluate(TumourJson.read(text));
        evaluation = tumour.recist();
      } else {
        RecistInput input = RecistJson.read(text);
        evaluation = new RecistEvaluator(minSdDays).evaluate(input.baseline(), input.assessments());
      }
    } catch (InvalidRecistDataException e) {
      throw new UserInputException(file.getFileName() + ": " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print((tumour == null ? RecistJson.write(evaluation) : TumourJson.write(tumour)) + System.lineSeparator());
    } else {
      out.print(table(evaluation));
      if (tumour != null) {
        out.print(lesions(tumour));
      }
    }
    out.flush();
    return 0;
  }

  /** The lesion part of the table: warnings, each lesion's first progression, and progression per scope. */
  static String lesions(TumourEvaluation t) {
    StringBuilder sb = new StringBuilder();
    for (BaselineFinding f : t.warnings()) {
      sb.append(String.format("Warning: %s%n", f.message()));
    }
    if (!t.lesionProgressions().isEmpty()) {
      sb.append(String.format("Lesion progression:%n"));
      for (LesionProgression p : t.lesionProgressions()) {
        sb.append(String.format("  %s  %s%s%n", p.date(), p.reason(),
            p.role() == null || p.role() == LesionRole.OTHER ? "" : " [" + p.role().label() + "]"));
      }
    }
    sb.append(String.format("Progression by scope:"));
    for (LesionScope s : LesionScope.values()) {
      LocalDate d = t.progressionDate(s);
      sb.append(String.format(" %s %s;", s.code(), d == null ? "none" : d));
    }
    sb.setLength(sb.length() - 1);
    sb.append(System.lineSeparator());
    return sb.toString();
  }

  static String table(RecistEvaluation e) {
    StringBuilder sb = new StringBuilder();
    sb.append(e.baselineSum() == null
        ? String.format("RECIST 1.1 evaluation (non-target disease only)%n")
        : String.format("RECIST 1.1 evaluation (baseline sum %s mm)%n", e.baselineSum().toPlainString()));
    sb.append(String.format(Locale.ROOT, "%-10s  %8s  %9s  %8s  %9s  %-6s  %-13s  %-9s  %s%n", "date", "sum mm",
        "vs base", "nadir mm", "vs nadir", "target", "non-target", "new", "overall"));
    for (AssessmentResult r : e.assessments()) {
      sb.append(String.format(Locale.ROOT, "%-10s  %8s  %9s  %8s  %9s  %-6s  %-13s  %-9s  %s%n", r.date(),
          r.sum() == null ? "-" : r.sum().toPlainString() + (r.targetsNotEvaluated().isEmpty() ? "" : "*"),
          pct(r.changeFromBaselinePct()), r.nadir() == null ? "-" : r.nadir().toPlainString(),
          pct(r.changeFromNadirPct()), r.target() == null ? "-" : r.target().label(), r.nonTarget().label(),
          r.newLesions().label(), r.overall().label() + (r.reappearedAfterCr() ? " +" : "")));
    }
    if (e.assessments().stream().anyMatch(r -> !r.targetsNotEvaluated().isEmpty())) {
      sb.append(String.format("* some targets not evaluated: sum of the measured ones only%n"));
    }
    if (e.assessments().stream().anyMatch(AssessmentResult::reappearedAfterCr)) {
      sb.append(String.format("+ a lesion reappeared right after a complete response: progression%n"));
    }
    sb.append(String.format(Locale.ROOT, "Best overall response: %s (no confirmation; SD counts from day %d)%n",
        e.bestOverallResponse().label(), e.minSdDays()));
    sb.append(String.format("First progression: %s%n", e.progressionDate() == null ? "none" : e.progressionDate()));
    return sb.toString();
  }

  private static String pct(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", v);
  }
}
