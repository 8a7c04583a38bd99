package org.oligotrial.server.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.oligotrial.design.InterimMonitoring;
import org.oligotrial.design.MonitoringPlan;
import org.oligotrial.design.MonitoringResult;
import org.oligotrial.design.ObservedLook;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.protocol.Arm;
import org.oligotrial.protocol.InterimAnalysisPlan;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.survival.LogRankGroup;
import org.oligotrial.survival.LogRankResult;
import org.oligotrial.survival.LogRankTest;
import org.oligotrial.survival.SurvivalData;
import org.oligotrial.survival.cox.CoxCoefficient;
import org.oligotrial.survival.cox.CoxCovariates;
import org.oligotrial.survival.cox.CoxFit;
import org.oligotrial.survival.cox.CoxModel;
import org.oligotrial.survival.cox.CoxOptions;

/**
 * One interim look of a trial computed from its analysis dataset with the protocol's {@code interimAnalysis} plan.
 *
 * <p>The statistic is the stratified log-rank statistic of the experimental arm (the protocol's arm of type
 * {@code experimental}) on the plan's endpoint (a time-to-event endpoint of the protocol, by its id),
 * stratified by the randomization strata of each row:
 * \( z_{LR} = \sum_s (O_{E,s} - E_{E,s}) / \sqrt{\sum_s V_{E,s}} \) (core {@link LogRankTest}, R's
 * {@code survdiff(... + strata(s))}); the hazard ratio experimental : control and its standard error come from the
 * Cox model with the arm as the only covariate, stratified likewise (core {@link CoxModel}, Efron ties, R's
 * {@code coxph(Surv(t, e) ~ arm + strata(s))}). The bounds at the realised information, the decision, the repeated
 * confidence interval and the conditional power are core's {@link InterimMonitoring} over all looks so far (the
 * earlier looks as recorded, this one appended). Times are in days; stateless.
 */
public final class InterimAnalysis {
  private InterimAnalysis() {}

  /**
   * What one look observed, with the counts the report prints.
   *
   * @param look the statistic for the monitoring
   * @param participants rows of the dataset with the endpoint
   * @param eventsExperimental events in the experimental arm
   * @param eventsControl events in the control arm
   * @param strata number of strata of the stratified analysis
   * @param coxHazardRatio the Cox estimate, NaN when it cannot be estimated
   */
  public record Observed(ObservedLook look, int participants, int eventsExperimental, int eventsControl, int strata,
      double coxHazardRatio) {}

  /** The plan of the protocol. @throws ConflictException (409) when the protocol has none */
  public static InterimAnalysisPlan plan(Protocol protocol) {
    InterimAnalysisPlan plan = protocol.interimAnalysis();
    if (plan == null) {
      throw new ConflictException("interimAnalysis", "the trial's protocol has no interim-analysis plan");
    }
    return plan;
  }

  /** The monitoring plan with the protocol's allocation ratio experimental : control (1 when not given). */
  public static MonitoringPlan monitoringPlan(Protocol protocol) {
    return plan(protocol).monitoringPlan(allocationRatio(protocol));
  }

  /** The experimental arm's id: the protocol's arm of type {@code experimental}. */
  public static String experimentalArm(Protocol protocol) {
    return protocol.arms().stream().filter(a -> "experimental".equalsIgnoreCase(a.type())).map(Arm::id)
        .findFirst().orElseThrow(() -> new ConflictException("arms", "the protocol has no arm of type experimental"));
  }

  static double allocationRatio(Protocol protocol) {
    List<Integer> ratio = protocol.randomization() == null ? null : protocol.randomization().ratio();
    if (ratio == null || ratio.size() != protocol.arms().size() || protocol.arms().size() != 2) {
      return 1;
    }
    int e = protocol.arms().indexOf(protocol.arms().stream()
        .filter(a -> a.id().equals(experimentalArm(protocol))).findFirst().orElseThrow());
    return (double) ratio.get(e) / ratio.get(1 - e);
  }

  /**
   * The endpoint of the plan, read from each row by its protocol id ({@link AnalysisRow#endpoint}).
   *
   * @throws ConflictException when the protocol declares no time-to-event endpoint with that id
   */
  static Function<AnalysisRow, TimeToEvent> endpoint(Protocol protocol, String id) {
    if (protocol.endpoints().stream().noneMatch(e -> e.id().equals(id) && e.timeToEvent())) {
      throw new ConflictException("interimAnalysis.endpoint",
          "the protocol declares no time-to-event endpoint " + id + " (one with an event block)");
    }
    return r -> r.endpoint(id);
  }

  /**
   * The statistic of the dataset.
   *
   * @throws ConflictException (409) when there is no event yet or an arm has no participant
   */
  public static Observed observe(Protocol protocol, List<AnalysisRow> rows) {
    InterimAnalysisPlan plan = plan(protocol);
    Function<AnalysisRow, TimeToEvent> pick = endpoint(protocol, plan.endpoint());
    String experimental = experimentalArm(protocol);
    List<AnalysisRow> usable = rows.stream().filter(r -> pick.apply(r) != null).toList();
    int n = usable.size();
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    String[] arm = new String[n];
    String[] stratum = new String[n];
    double[] isExperimental = new double[n];
    int eventsE = 0;
    int eventsC = 0;
    for (int i = 0; i < n; i++) {
      AnalysisRow r = usable.get(i);
      TimeToEvent t = pick.apply(r);
      time[i] = t.days();
      event[i] = t.event();
      arm[i] = r.arm();
      stratum[i] = String.join("|", r.strataLevels());
      isExperimental[i] = experimental.equals(r.arm()) ? 1 : 0;
      if (t.event()) {
        if (isExperimental[i] == 1) {
          eventsE++;
        } else {
          eventsC++;
        }
      }
    }
    if (eventsE + eventsC == 0) {
      throw new ConflictException("events", "no " + plan.endpoint() + " event yet: nothing to analyse");
    }
    SurvivalData data = SurvivalData.of(time, event, arm, stratum);
    if (data.groupCount() != 2) {
      throw new ConflictException("arm", "the interim analysis needs participants in both arms");
    }
    LogRankResult lr;
    try {
      lr = LogRankTest.test(data);
    } catch (IllegalArgumentException ex) {
      throw new ConflictException("events", "the arms cannot be compared yet: " + ex.getMessage());
    }
    int e = -1;
    for (int g = 0; g < lr.groups().size(); g++) {
      if (lr.groups().get(g).group().equals(experimental)) {
        e = g;
      }
    }
    if (e < 0) {
      throw new ConflictException("arm", "no participant in the experimental arm " + experimental);
    }
    LogRankGroup ge = lr.groups().get(e);
    double v = lr.variance()[e][e];
    double z = (ge.observed() - ge.expected()) / Math.sqrt(v);
    // stratum codes for the Cox model: the strata in order of first appearance
    List<String> levels = new ArrayList<>();
    int[] code = new int[n];
    for (int i = 0; i < n; i++) {
      int k = levels.indexOf(stratum[i]);
      if (k < 0) {
        levels.add(stratum[i]);
        k = levels.size() - 1;
      }
      code[i] = k;
    }
    double hr = Double.NaN;
    double se = Double.NaN;
    try {
      CoxFit fit = CoxModel.fit(time, event, levels.size() > 1 ? code : null,
          new CoxCovariates(List.of("experimental"), new double[][] {isExperimental}), CoxOptions.defaults());
      CoxCoefficient c = fit.coefficient("experimental");
      if (!c.aliased() && Double.isFinite(c.hazardRatio()) && c.hazardRatio() > 0 && c.se() > 0
          && Double.isFinite(c.se())) {
        hr = c.hazardRatio();
        se = c.se();
      }
    } catch (IllegalArgumentException | ArithmeticException ex) {
      // not estimable (e.g. no event in one arm): the look falls back on the log-rank estimate, as rpact does
    }
    return new Observed(new ObservedLook(eventsE + eventsC, z, hr, se), n, eventsE, eventsC, levels.size(), hr);
  }

  /**
   * The monitoring over the earlier looks and this one.
   *
   * @throws ConflictException (409) when the events did not increase since the last look or all planned looks are
   *     taken
   */
  public static MonitoringResult monitor(Protocol protocol, List<ObservedLook> earlier, ObservedLook now) {
    List<ObservedLook> all = new ArrayList<>(earlier);
    all.add(now);
    try {
      return InterimMonitoring.monitor(monitoringPlan(protocol), all);
    } catch (IllegalArgumentException e) {
      throw new ConflictException("look", e.getMessage());
    }
  }
}
