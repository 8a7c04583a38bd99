package org.oligotrial.cli.analyze;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.survival.ConfidenceType;
import org.oligotrial.survival.KaplanMeier;
import org.oligotrial.survival.KaplanMeierCurve;
import org.oligotrial.survival.LogRankResult;
import org.oligotrial.survival.LogRankTest;
import org.oligotrial.survival.SurvivalData;
import org.oligotrial.survival.plot.KaplanMeierPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial analyze km}: Kaplan-Meier curves per group with Greenwood confidence intervals and the median
 * survival, as R's {@code survfit}; optionally a plot (SVG or PNG).
 */
@Command(
    name = "km",
    mixinStandardHelpOptions = true,
    description = {
      "Kaplan-Meier curves per group with confidence intervals and the median, as R's survfit.",
      "At every distinct time: numbers at risk, events, censorings, survival, its",
      "standard error (Greenwood) and the confidence limits; per group the median",
      "with its interval (NR when not reached)."
    })
public final class KmCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatasetOptions data;

  @Option(names = "--group", paramLabel = "COL", description = "Column with the group (arm); one curve per level.")
  String group;

  @Option(names = "--conf-type", paramLabel = "TYPE", defaultValue = "log",
      description = "Confidence interval type: plain, log or log-log (default: ${DEFAULT-VALUE}, as survfit).")
  String confType;

  @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level between 0 and 1 (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Option(names = "--plot", paramLabel = "FILE",
      description = "Also draw the curves to FILE.svg or FILE.png (bands, censoring marks, numbers at risk).")
  Path plot;

  @Option(names = "--time-label", paramLabel = "TEXT",
      description = "Time axis label of the plot (default: Time (COL)), for example \"Months since randomization\".")
  String timeLabel;

  @Override
  public Integer call() throws Exception {
    ConfidenceType type = confidenceType(confType);
    double level = confidenceLevel(confLevel);
    if (plot != null) {
      try {
        KaplanMeierPlot.Format.of(plot); // reject an unknown extension before reading the data
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--plot: " + e.getMessage());
      }
    }
    SurvivalSelection sel = data.load(group, null);
    List<KaplanMeierCurve> curves = new KaplanMeier(type, level).fit(sel.data());
    PrintWriter out = spec.commandLine().getOut();
    out.print(data.json() ? SurvivalJson.write(json(curves, sel.nDropped(), type, level)) + System.lineSeparator()
        : table(curves, sel.nDropped(), type, level));
    out.flush();
    if (plot != null) {
      Double p = null;
      if (sel.data().groupCount() >= 2) {
        p = logRankP(sel.data());
      }
      String label = timeLabel != null ? timeLabel : "Time (" + data.time() + ")";
      KaplanMeierPlot.write(curves, new KaplanMeierPlot.Options(label, group, p), plot);
      spec.commandLine().getErr().println("plot written to " + plot);
    }
    return 0;
  }

  private static Double logRankP(SurvivalData d) {
    if (d.eventCount() == 0) {
      return null; // nothing to compare: no p-value on the plot (the log-rank command refuses such data)
    }
    try {
      LogRankResult r = LogRankTest.test(d);
      return r.p();
    } catch (IllegalArgumentException e) {
      return null; // no valid test: the plot goes without the p-value
    }
  }

  static ConfidenceType confidenceType(String name) {
    try {
      return ConfidenceType.parse(name);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--conf-type: " + e.getMessage());
    }
  }

  static double confidenceLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new UserInputException("--conf-level: must be between 0 and 1 (for example 0.95), was " + level);
    }
    return level;
  }

  /** One JSON group: the curve at every distinct time. */
  record GroupJson(String group, int n, int events, Double median, Double medianLower, Double medianUpper,
      double[] time, int[] nRisk, int[] nEvent, int[] nCensor, Double[] survival, Double[] stdErr, Double[] lower,
      Double[] upper) {}

  /** The JSON document of {@code analyze km --json}. */
  record KmJson(String confType, double confLevel, int nDropped, List<GroupJson> groups) {}

  static KmJson json(List<KaplanMeierCurve> curves, int nDropped, ConfidenceType type, double level) {
    List<GroupJson> groups = new ArrayList<>();
    for (KaplanMeierCurve c : curves) {
      groups.add(new GroupJson(c.group(), c.n(), c.events(), Numbers.json(c.median().estimate()),
          Numbers.json(c.median().lower()), Numbers.json(c.median().upper()), c.time(), c.nRisk(), c.nEvent(),
          c.nCensor(), Numbers.json(c.survival()), Numbers.json(c.stdErrs()), Numbers.json(c.lower()),
          Numbers.json(c.upper())));
    }
    return new KmJson(type.rName(), level, nDropped, groups);
  }

  static String table(List<KaplanMeierCurve> curves, int nDropped, ConfidenceType type, double level) {
    StringBuilder sb = new StringBuilder();
    String pct = Numbers.percent(level);
    sb.append(String.format(Locale.ROOT, "Kaplan-Meier estimate (%s confidence interval, %s)%n", pct, type.rName()));
    if (nDropped > 0) {
      sb.append(String.format(Locale.ROOT, "%d row(s) dropped for a missing value%n", nDropped));
    }
    sb.append(System.lineSeparator());
    sb.append(String.format(Locale.ROOT, "%-16s %7s %7s %10s %10s %10s%n", "group", "n", "events", "median",
        pct + " LCL", pct + " UCL"));
    for (KaplanMeierCurve c : curves) {
      sb.append(String.format(Locale.ROOT, "%-16s %7d %7d %10s %10s %10s%n", c.group(), c.n(), c.events(),
          Numbers.time(c.median().estimate()), Numbers.time(c.median().lower()),
          Numbers.time(c.median().upper())));
    }
    for (KaplanMeierCurve c : curves) {
      sb.append(System.lineSeparator());
      sb.append("group ").append(c.group()).append(System.lineSeparator());
      sb.append(String.format(Locale.ROOT, "%10s %7s %7s %8s %9s %9s %9s %9s%n", "time", "n.risk", "n.event",
          "n.censor", "survival", "std.err", "lower", "upper"));
      String nl = System.lineSeparator();
      for (int i = 0; i < c.size(); i++) { // as "%10s %7d %7d %8d %9s %9s %9s %9s%n", without a Formatter per row
        Numbers.pad(sb, Numbers.time(c.time(i)), 10).append(' ');
        Numbers.pad(sb, c.nRisk(i), 7).append(' ');
        Numbers.pad(sb, c.nEvent(i), 7).append(' ');
        Numbers.pad(sb, c.nCensor(i), 8).append(' ');
        Numbers.pad(sb, Numbers.fixed(c.survival(i), 4), 9).append(' ');
        Numbers.pad(sb, Numbers.fixed(c.stdErr(i), 4), 9).append(' ');
        Numbers.pad(sb, Numbers.fixed(c.lower(i), 4), 9).append(' ');
        Numbers.pad(sb, Numbers.fixed(c.upper(i), 4), 9).append(nl);
      }
    }
    sb.append(System.lineSeparator());
    sb.append("std.err is the standard error of the survival (Greenwood); NR = median not reached, NA = undefined")
        .append(System.lineSeparator());
    return sb.toString();
  }
}
