package org.oligotrial.cli.analyze;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.survival.RestrictedMean;
import org.oligotrial.survival.RestrictedMeanDifference;
import org.oligotrial.survival.RestrictedMeanSurvival;
import org.oligotrial.survival.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial analyze rmst}: the restricted mean survival time up to tau per group, as R's
 * {@code print(survfit(...), rmean = tau)}, and with two groups their difference.
 */
@Command(
    name = "rmst",
    mixinStandardHelpOptions = true,
    description = {
      "Restricted mean survival time up to --tau per group, as R's print(survfit(...), rmean = tau).",
      "With its standard error and confidence interval; with exactly two groups",
      "also their difference (the other group minus --reference), its interval",
      "and p-value."
    })
public final class RmstCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatasetOptions data;

  @Option(names = "--group", paramLabel = "COL", description = "Column with the group (arm).")
  String group;

  @Option(names = "--tau", required = true, paramLabel = "T",
      description = "The horizon, in the unit of the time column.")
  double tau;

  @Option(names = "--reference", paramLabel = "LEVEL",
      description = "With two groups: the reference group of the difference (other minus reference); default: the first.")
  String reference;

  @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level between 0 and 1 (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Override
  public Integer call() {
    double level = KmCommand.confidenceLevel(confLevel);
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new UserInputException("--tau: must be a positive time, was " + tau);
    }
    SurvivalSelection sel = data.load(group, null);
    SurvivalData d = sel.data();
    double first = Double.POSITIVE_INFINITY;
    for (int i = 0; i < d.size(); i++) {
      first = Math.min(first, d.time(i));
    }
    if (tau < first) {
      // as R's print.survfit: "Truncation point for the mean is < smallest survival"
      throw new UserInputException("--tau " + Numbers.time(tau) + " is before the smallest time "
          + Numbers.time(first) + " in column '" + data.time() + "'");
    }
    List<RestrictedMean> r = RestrictedMeanSurvival.estimate(d, tau, level);
    RestrictedMeanDifference diff = null;
    if (r.size() == 2) {
      String ref = reference == null ? r.get(0).group() : reference;
      if (!ref.equals(r.get(0).group()) && !ref.equals(r.get(1).group())) {
        throw new UserInputException("--reference: no group '" + ref + "'; the groups are " + r.get(0).group()
            + " and " + r.get(1).group());
      }
      String other = ref.equals(r.get(0).group()) ? r.get(1).group() : r.get(0).group();
      diff = RestrictedMeanSurvival.difference(r, ref, other, level);
    } else if (reference != null) {
      throw new UserInputException("--reference needs exactly two groups, there are " + r.size());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(data.json() ? SurvivalJson.write(new RmstJson(tau, level, sel.nDropped(), r, diff))
        + System.lineSeparator() : table(r, diff, sel.nDropped(), tau, level));
    out.flush();
    return 0;
  }

  /** The JSON document of {@code analyze rmst --json}; {@code difference} is null unless there are two groups. */
  record RmstJson(double tau, double confLevel, int nDropped, List<RestrictedMean> groups,
      RestrictedMeanDifference difference) {}

  static String table(List<RestrictedMean> r, RestrictedMeanDifference diff, int nDropped, double tau,
      double level) {
    StringBuilder sb = new StringBuilder();
    String pct = Numbers.percent(level);
    sb.append("Restricted mean survival time up to tau = ").append(Numbers.time(tau)).append(System.lineSeparator());
    if (nDropped > 0) {
      sb.append(String.format(Locale.ROOT, "%d row(s) dropped for a missing value%n", nDropped));
    }
    sb.append(System.lineSeparator());
    sb.append(String.format(Locale.ROOT, "%-16s %7s %7s %10s %10s %10s %10s%n", "group", "n", "events", "rmst",
        "se", pct + " LCL", pct + " UCL"));
    for (RestrictedMean m : r) {
      sb.append(String.format(Locale.ROOT, "%-16s %7d %7d %10s %10s %10s %10s%n", m.group(), m.n(), m.events(),
          Numbers.fixed(m.rmst(), 3), Numbers.fixed(m.se(), 3), Numbers.fixed(m.lower(), 3),
          Numbers.fixed(m.upper(), 3)));
    }
    if (diff != null) {
      sb.append(System.lineSeparator());
      sb.append(String.format(Locale.ROOT, "difference %s - %s: %s (se %s, %s CI %s to %s), %s%n",
          diff.second(), diff.first(), Numbers.fixed(diff.difference(), 3), Numbers.fixed(diff.se(), 3), pct,
          Numbers.fixed(diff.lower(), 3), Numbers.fixed(diff.upper(), 3), Numbers.p(diff.p())));
    }
    return sb.toString();
  }
}
