package org.oligotrial.cli.design;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oligotrial.design.EventsFormula;
import org.oligotrial.design.LogRankDesign;
import org.oligotrial.design.LogRankSampleSize;
import org.oligotrial.design.SampleSize;
import org.oligotrial.input.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code oligotrial design sample-size}: events and patients for a two-arm log-rank comparison, by Schoenfeld's and
 * Freedman's formulas (both unless {@code --method} picks one), as rpact's {@code getSampleSizeSurvival}. With
 * {@code --patients N} it also gives the hazard ratio N patients can detect under the same assumptions.
 */
@Command(
    name = "sample-size",
    mixinStandardHelpOptions = true,
    description = "Events and patients for a log-rank comparison (exponential times, uniform accrual), as rpact.")
public final class SampleSizeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--hr", required = true, paramLabel = "HR", description = "Hazard ratio experimental:control.")
  double hr;

  @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level (default ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--sides", defaultValue = "2", description = "1 or 2 (default ${DEFAULT-VALUE}); two-sided splits"
      + " alpha between the tails.")
  int sides;

  @Option(names = "--power", defaultValue = "0.8", description = "Power (default ${DEFAULT-VALUE}).")
  double power;

  @Option(names = "--ratio", defaultValue = "1", description = "Allocation experimental:control (default"
      + " ${DEFAULT-VALUE}).")
  double ratio;

  @Option(names = "--median-control", required = true, paramLabel = "MONTHS",
      description = "Median time to event in the control arm, months.")
  double medianControl;

  @Option(names = "--accrual-months", required = true, paramLabel = "MONTHS", description = "Accrual period.")
  double accrual;

  @Option(names = "--followup-months", required = true, paramLabel = "MONTHS",
      description = "Follow-up after the last patient enters.")
  double followUp;

  @Option(names = "--method", paramLabel = "schoenfeld|freedman", description = "Events formula (default: both).")
  String method;

  @Option(names = "--patients", paramLabel = "N",
      description = "Also give the hazard ratio (< 1) that N patients can detect.")
  Double patients;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    LogRankDesign design;
    try {
      design = new LogRankDesign(hr, alpha, sides, power, ratio, medianControl, accrual, followUp);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    if (patients != null && !(patients > 0 && patients <= LogRankSampleSize.MAX_SIZE)) {
      throw new UserInputException("--patients must be positive and at most " + (long) LogRankSampleSize.MAX_SIZE
          + ", got " + patients);
    }
    List<EventsFormula> formulas = new ArrayList<>();
    if (method == null) {
      formulas.addAll(List.of(EventsFormula.values()));
    } else {
      switch (method.toLowerCase(Locale.ROOT)) {
        case "schoenfeld" -> formulas.add(EventsFormula.SCHOENFELD);
        case "freedman" -> formulas.add(EventsFormula.FREEDMAN);
        default -> throw new UserInputException("--method must be schoenfeld or freedman, got '" + method + "'");
      }
    }
    List<SampleSize> sizes;
    try {
      sizes = formulas.stream().map(f -> LogRankSampleSize.compute(design, f)).toList();
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(sizes) : table(design, sizes));
    out.flush();
    return 0;
  }

  private double detectable(SampleSize s) {
    return LogRankSampleSize.detectableHazardRatio(s.design(), patients, s.formula());
  }

  private String table(LogRankDesign d, List<SampleSize> sizes) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "Log-rank test, hazard ratio %s, alpha %s %s-sided, power %s, allocation %s:1%n", num(d.hazardRatio()),
        num(d.alpha()), d.sides(), num(d.power()), num(d.allocationRatio())));
    sb.append(String.format(Locale.ROOT,
        "Control median %s months (hazard %.4f/month), accrual %s months (uniform), follow-up %s months%n%n",
        num(d.controlMedianMonths()), sizes.get(0).hazardControl(), num(d.accrualMonths()),
        num(d.followUpMonths())));
    sb.append(String.format(Locale.ROOT, "%-11s %8s %10s %9s %9s %12s%s%n", "method", "events", "patients",
        "exper.", "control", "P(event)", patients == null ? "" : String.format(Locale.ROOT, " %14s",
            "HR for N=" + num(patients))));
    for (SampleSize s : sizes) {
      sb.append(String.format(Locale.ROOT, "%-11s %8d %10d %9.1f %9.1f %12.4f%s%n", name(s.formula()),
          s.eventsNeeded(), s.patientsNeeded(), s.patientsExperimental(), s.patientsControl(), s.eventProbability(),
          patients == null ? "" : String.format(Locale.ROOT, " %14.3f", detectable(s))));
    }
    sb.append(String.format(Locale.ROOT, "%nEvents and patients are rounded up (unrounded: %s).%n",
        String.join("; ", sizes.stream().map(s -> String.format(Locale.ROOT, "%s %.2f events, %.2f patients",
            name(s.formula()), s.events(), s.patients())).toList())));
    return sb.toString();
  }

  private String json(List<SampleSize> sizes) {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode root = mapper.createObjectNode();
    LogRankDesign d = sizes.get(0).design();
    ObjectNode a = root.putObject("assumptions");
    a.put("hazardRatio", d.hazardRatio());
    a.put("alpha", d.alpha());
    a.put("sides", d.sides());
    a.put("power", d.power());
    a.put("allocationRatio", d.allocationRatio());
    a.put("controlMedianMonths", d.controlMedianMonths());
    a.put("accrualMonths", d.accrualMonths());
    a.put("followUpMonths", d.followUpMonths());
    ArrayNode results = root.putArray("results");
    for (SampleSize s : sizes) {
      ObjectNode o = results.addObject();
      o.put("method", name(s.formula()));
      o.put("events", s.events());
      o.put("eventsNeeded", s.eventsNeeded());
      o.put("patients", s.patients());
      o.put("patientsNeeded", s.patientsNeeded());
      o.put("patientsExperimental", s.patientsExperimental());
      o.put("patientsControl", s.patientsControl());
      o.put("eventProbability", s.eventProbability());
      o.put("eventProbabilityExperimental", s.eventProbabilityExperimental());
      o.put("eventProbabilityControl", s.eventProbabilityControl());
      o.put("hazardControl", s.hazardControl());
      o.put("hazardExperimental", s.hazardExperimental());
      o.put("criticalZ", s.criticalZ());
      if (patients != null) {
        o.put("detectableHazardRatio", detectable(s));
      }
    }
    if (patients != null) {
      root.put("patients", patients);
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
  }

  private static String name(EventsFormula f) {
    return f.name().toLowerCase(Locale.ROOT);
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
  }
}
