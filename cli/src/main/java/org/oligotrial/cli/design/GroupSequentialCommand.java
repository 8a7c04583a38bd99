package org.oligotrial.cli.design;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oligotrial.design.Dropout;
import org.oligotrial.design.EfficacyBoundary;
import org.oligotrial.design.FutilityRule;
import org.oligotrial.design.GroupSequentialBoundaries;
import org.oligotrial.design.GroupSequentialDesign;
import org.oligotrial.design.GroupSequentialSpec;
import org.oligotrial.design.GroupSequentialSurvival;
import org.oligotrial.design.SurvivalGroupSequentialDesign;
import org.oligotrial.input.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code oligotrial design group-sequential}: the boundaries of a group-sequential design (alpha spending or classical,
 * optional futility), as rpact's {@code getDesignGroupSequential} and {@code getDesignCharacteristics}; with the
 * survival options also events, patients, analysis times and hazard-ratio bounds, as {@code getSampleSizeSurvival}.
 */
@Command(
    name = "group-sequential",
    mixinStandardHelpOptions = true,
    description = "Group-sequential boundaries (alpha/beta spending, classical O'Brien-Fleming or Pocock), and for a"
        + " log-rank comparison the events, patients and analysis times, as rpact.")
public final class GroupSequentialCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--looks", required = true, paramLabel = "K", description = "Number of looks, final included.")
  int looks;

  @Option(names = "--information", paramLabel = "r1,...,rK", split = ",",
      description = "Information rates of the looks, increasing to 1 (default: equally spaced).")
  List<String> information;

  @Option(names = "--alpha", defaultValue = "0.025", description = "Significance level (default ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--sides", defaultValue = "1", description = "1 or 2 (default ${DEFAULT-VALUE}).")
  int sides;

  @Option(names = "--power", defaultValue = "0.8", description = "Power (default ${DEFAULT-VALUE}).")
  double power;

  @Option(names = "--spending", defaultValue = "of", paramLabel = "FUNCTION",
      description = "of|pocock|hsd:GAMMA|kd:RHO (Lan-DeMets alpha spending) or classical-of|classical-pocock"
          + " (default ${DEFAULT-VALUE}).")
  String spending;

  @Option(names = "--futility", paramLabel = "RULE",
      description = "beta-of|beta-pocock|beta-hsd:GAMMA|beta-kd:RHO (beta spending; two-sided: stop for futility"
          + " when |z| is below the bound) or z:z1,...,z(K-1) (fixed, one-sided only).")
  String futility;

  @Option(names = "--binding", description = "The efficacy bounds count on stopping for futility.")
  boolean binding;

  @Option(names = "--hr", paramLabel = "HR", description = "Hazard ratio experimental:control (survival design).")
  Double hr;

  @Option(names = "--median-control", paramLabel = "MONTHS", description = "Control median, months.")
  Double medianControl;

  @Option(names = "--accrual-months", paramLabel = "MONTHS", description = "Accrual period (uniform).")
  Double accrual;

  @Option(names = "--followup-months", paramLabel = "MONTHS", description = "Follow-up after the last patient.")
  Double followUp;

  @Option(names = "--ratio", defaultValue = "1", description = "Allocation experimental:control (default"
      + " ${DEFAULT-VALUE}).")
  double ratio;

  @Option(names = "--dropout", paramLabel = "P[:MONTHS]",
      description = "Drop-out probability P by MONTHS (default 12) in both arms, exponential.")
  String dropout;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    GroupSequentialSpec s = spec();
    GroupSequentialDesign d;
    try {
      d = GroupSequentialBoundaries.compute(s);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    SurvivalGroupSequentialDesign surv = survival(d);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(d, surv) : table(d, surv));
    out.flush();
    return 0;
  }

  private GroupSequentialSpec spec() {
    if (looks < 1 || looks > GroupSequentialSpec.MAX_LOOKS) {
      throw new UserInputException("--looks must be from 1 to " + GroupSequentialSpec.MAX_LOOKS + ", got " + looks);
    }
    List<Double> rates;
    if (information == null) {
      rates = GroupSequentialSpec.equallySpaced(looks);
    } else {
      rates = new ArrayList<>();
      for (String r : information) {
        try {
          rates.add(Double.parseDouble(r.trim()));
        } catch (NumberFormatException e) {
          throw new UserInputException("--information: '" + r + "' is not a number");
        }
      }
      if (rates.size() != looks) {
        throw new UserInputException("--information needs " + looks + " rates (one per look), got " + rates.size());
      }
    }
    EfficacyBoundary efficacy = parse("--spending", () -> EfficacyBoundary.parse(spending));
    FutilityRule fut = futility == null ? new FutilityRule.None()
        : parse("--futility", () -> FutilityRule.parse(futility));
    try {
      return new GroupSequentialSpec(rates, alpha, sides, power, efficacy, fut, binding);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(optionOf(e.getMessage()) + ": " + e.getMessage(), e);
    }
  }

  private static String optionOf(String message) {
    for (String[] m : new String[][] {{"information", "--information"}, {"alpha", "--alpha"}, {"sides", "--sides"},
        {"power", "--power"}, {"futility", "--futility"}, {"binding", "--binding"}, {"looks", "--looks"}}) {
      if (message.contains(m[0])) {
        return m[1];
      }
    }
    return "--futility";
  }

  private static <T> T parse(String option, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new UserInputException(option + ": " + e.getMessage(), e);
    }
  }

  private SurvivalGroupSequentialDesign survival(GroupSequentialDesign d) {
    boolean any = hr != null || medianControl != null || accrual != null || followUp != null || dropout != null;
    if (!any) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    if (hr == null) {
      missing.add("--hr");
    }
    if (medianControl == null) {
      missing.add("--median-control");
    }
    if (accrual == null) {
      missing.add("--accrual-months");
    }
    if (followUp == null) {
      missing.add("--followup-months");
    }
    if (!missing.isEmpty()) {
      throw new UserInputException("a survival design needs " + String.join(", ", missing));
    }
    Dropout drop = parse("--dropout", () -> dropout == null ? Dropout.NONE : Dropout.parse(dropout));
    try {
      return GroupSequentialSurvival.compute(d, hr, ratio, medianControl, accrual, followUp, drop);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private String table(GroupSequentialDesign d, SurvivalGroupSequentialDesign s) {
    GroupSequentialSpec p = d.spec();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Group-sequential design, %d looks, alpha %s %d-sided, power %s%n",
        p.looks(), num(p.alpha()), p.sides(), num(p.power())));
    sb.append(String.format(Locale.ROOT, "Efficacy: %s; futility: %s%s%n%n", p.efficacy().label(),
        p.futility().label(), p.futility() instanceof FutilityRule.None ? ""
            : p.binding() ? " (binding)" : " (non-binding)"));
    boolean fut = !(p.futility() instanceof FutilityRule.None);
    sb.append(String.format(Locale.ROOT, "%4s %8s %9s %10s %10s %10s%s%s%n", "look", "info", "z", "nominal p",
        "cum.alpha", "cum.power", fut ? String.format(Locale.ROOT, " %10s", p.sides() == 2 ? "futil. |z|" : "futility z")
            : "",
        s == null ? "" : String.format(Locale.ROOT, " %9s %8s %9s%s", "events", "month", "HR bound",
            fut ? String.format(Locale.ROOT, " %8s", "HR fut.") : "")));
    for (int i = 0; i < d.stages().size(); i++) {
      GroupSequentialDesign.Stage st = d.stages().get(i);
      sb.append(String.format(Locale.ROOT, "%4d %8.4f %9.4f %10.6f %10.6f %10.4f", i + 1, st.informationRate(),
          st.criticalZ(), st.nominalP(), st.cumulativeAlpha(), st.cumulativePower()));
      if (fut) {
        sb.append(String.format(Locale.ROOT, " %10.4f", st.futilityZ()));
      }
      if (s != null) {
        sb.append(String.format(Locale.ROOT, " %9.1f %8.2f %9.4f", s.eventsPerStage().get(i),
            s.analysisTimes().get(i), s.hrEfficacy().get(i)));
        if (fut && i < s.hrFutility().size()) {
          sb.append(String.format(Locale.ROOT, " %8.4f", s.hrFutility().get(i)));
        }
      }
      sb.append(System.lineSeparator());
    }
    sb.append(String.format(Locale.ROOT, "%nInflation factor %.4f; expected information (fixed = 1): %.4f under H0,"
        + " %.4f under H1%n", d.inflationFactor(), d.expectedInformationH0(), d.expectedInformationH1()));
    if (s != null) {
      sb.append(String.format(Locale.ROOT, "Events: maximum %.1f (fixed design %.1f), expected %.1f under H0, %.1f"
          + " under HR %s; patients %.1f%n", s.maximumEvents(), s.eventsFixed(), s.expectedEventsH0(),
          s.expectedEventsH1(), num(s.hazardRatio()), s.maximumPatients()));
    }
    return sb.toString();
  }

  private String json(GroupSequentialDesign d, SurvivalGroupSequentialDesign s) {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode root = mapper.createObjectNode();
    GroupSequentialSpec p = d.spec();
    ObjectNode a = root.putObject("design");
    a.put("looks", p.looks());
    a.put("alpha", p.alpha());
    a.put("sides", p.sides());
    a.put("power", p.power());
    a.put("spending", p.efficacy().label());
    a.put("futility", p.futility().label());
    a.put("binding", p.binding());
    ArrayNode stages = root.putArray("stages");
    for (GroupSequentialDesign.Stage st : d.stages()) {
      ObjectNode o = stages.addObject();
      o.put("informationRate", st.informationRate());
      o.put("criticalZ", st.criticalZ());
      o.put("nominalP", st.nominalP());
      o.put("cumulativeAlpha", st.cumulativeAlpha());
      o.put("cumulativePower", st.cumulativePower());
      if (Double.isNaN(st.futilityZ())) {
        o.putNull("futilityZ");
      } else {
        o.put("futilityZ", st.futilityZ());
      }
      o.put("rejectH0", st.rejectH0());
      o.put("futilityH0", st.futilityH0());
      o.put("rejectH1", st.rejectH1());
      o.put("futilityH1", st.futilityH1());
    }
    root.put("inflationFactor", d.inflationFactor());
    root.put("drift", d.drift());
    root.put("expectedInformationH0", d.expectedInformationH0());
    root.put("expectedInformationH1", d.expectedInformationH1());
    if (s != null) {
      ObjectNode e = root.putObject("events");
      e.put("maximum", s.maximumEvents());
      e.put("fixed", s.eventsFixed());
      e.put("expectedH0", s.expectedEventsH0());
      e.put("expectedH1", s.expectedEventsH1());
      s.eventsPerStage().forEach(e.putArray("perStage")::add);
      root.putObject("patients").put("maximum", s.maximumPatients());
      s.analysisTimes().forEach(root.putArray("analysisTimes")::add);
      s.hrEfficacy().forEach(root.putArray("hrBoundaries")::add);
      if (!s.hrEfficacyOtherSide().isEmpty()) {
        s.hrEfficacyOtherSide().forEach(root.putArray("hrBoundariesOtherSide")::add);
      }
      if (!s.hrFutility().isEmpty()) {
        s.hrFutility().forEach(root.putArray("hrFutility")::add);
      }
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
  }
}
