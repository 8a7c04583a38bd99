package org.oligotrial.cli.analyze;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.survival.LogRankGroup;
import org.oligotrial.survival.LogRankResult;
import org.oligotrial.survival.LogRankTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oligotrial analyze logrank}: the (stratified) log-rank test, as R's {@code survdiff}. */
@Command(
    name = "logrank",
    mixinStandardHelpOptions = true,
    description = "Log-rank test of equal survival in two or more groups, optionally stratified, as R's survdiff.")
public final class LogRankCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatasetOptions data;

  @Option(names = "--group", required = true, paramLabel = "COL", description = "Column with the group (arm).")
  String group;

  @Option(names = "--strata", paramLabel = "COL", description = "Column with the stratum (stratified test).")
  String strata;

  @Override
  public Integer call() {
    SurvivalSelection sel = data.load(group, strata).requireEvents(data.event());
    if (sel.data().groupCount() < 2) {
      throw new UserInputException("column '" + group + "' has only one group ("
          + sel.data().groupLabels().get(0) + ") in the complete rows; the log-rank test needs two or more");
    }
    LogRankResult r;
    try {
      r = LogRankTest.test(sel.data());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(data.json() ? SurvivalJson.write(json(r, sel.nDropped())) + System.lineSeparator()
        : table(r, sel.nDropped(), strata));
    out.flush();
    return 0;
  }

  /** One JSON group line. */
  record GroupJson(String group, int n, double observed, double expected) {}

  /** The JSON document of {@code analyze logrank --json}. */
  record LogRankJson(Double chisq, int df, Double p, int strata, int nDropped, List<GroupJson> groups) {}

  static LogRankJson json(LogRankResult r, int nDropped) {
    List<GroupJson> groups = new ArrayList<>();
    for (LogRankGroup g : r.groups()) {
      groups.add(new GroupJson(g.group(), g.n(), g.observed(), g.expected()));
    }
    return new LogRankJson(Numbers.json(r.chisq()), r.df(), Numbers.json(r.p()), r.strata(), nDropped, groups);
  }

  static String table(LogRankResult r, int nDropped, String strata) {
    StringBuilder sb = new StringBuilder();
    sb.append(strata == null ? "Log-rank test" : "Log-rank test stratified by " + strata + " (" + r.strata()
        + " strata)").append(System.lineSeparator());
    if (nDropped > 0) {
      sb.append(String.format(Locale.ROOT, "%d row(s) dropped for a missing value%n", nDropped));
    }
    sb.append(System.lineSeparator());
    sb.append(String.format(Locale.ROOT, "%-16s %7s %10s %10s %10s %10s%n", "group", "N", "observed", "expected",
        "(O-E)^2/E", "(O-E)^2/V"));
    double[][] v = r.variance();
    for (int j = 0; j < r.groups().size(); j++) {
      LogRankGroup g = r.groups().get(j);
      double oe = g.observed() - g.expected();
      sb.append(String.format(Locale.ROOT, "%-16s %7d %10s %10s %10s %10s%n", g.group(), g.n(),
          Numbers.fixed(g.observed(), 0), Numbers.fixed(g.expected(), 2), Numbers.fixed(oe * oe / g.expected(), 3),
          Numbers.fixed(oe * oe / v[j][j], 3)));
    }
    sb.append(System.lineSeparator());
    sb.append(String.format(Locale.ROOT, "chisq = %s on %d degree%s of freedom, %s%n",
        Numbers.fixed(r.chisq(), 3), r.df(), r.df() == 1 ? "" : "s", Numbers.p(r.p())));
    return sb.toString();
  }
}
