package org.oligotrial.server.web.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.EventSource;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.protocol.Endpoint;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.datacapture.endpoints.EndpointService;
import org.oligotrial.survival.KaplanMeier;
import org.oligotrial.survival.KaplanMeierCurve;
import org.oligotrial.survival.LogRankTest;
import org.oligotrial.survival.SurvivalData;
import org.oligotrial.survival.cox.CoxCoefficient;
import org.oligotrial.survival.cox.CoxCovariates;
import org.oligotrial.survival.cox.CoxFit;
import org.oligotrial.survival.cox.CoxModel;
import org.oligotrial.survival.cox.CoxOptions;
import org.oligotrial.survival.plot.KaplanMeierPlot;

/**
 * Kaplan-Meier curves of one endpoint by arm, with numbers at risk, medians (95% CI), the log-rank p-value and the
 * hazard ratio of the protocol's experimental arm versus the other (two-arm trials) from a Cox model with arm as the
 * only covariate (Efron ties, R's defaults). Times are in
 * months (days / 30.4375). Reuses the core {@link KaplanMeier}, {@link LogRankTest} and {@link CoxModel} and the cli
 * plot writer {@link KaplanMeierPlot} (SVG and PNG).
 *
 * <p>The endpoints are the protocol's ({@link #forProtocol}): one report per time-to-event endpoint, the primary
 * first, then the others in the protocol's order, each read from the rows by its id ({@link AnalysisRow#endpoint}).
 * Pooled rows (every arm {@code all}, before a trial's results are released) give one curve of every participant and
 * no log-rank test nor hazard ratio.
 *
 * @param column the endpoint's dataset column prefix (e.g. {@code pfs}), which names its downloads
 * @param endpoint e.g. "Progression-free survival"
 * @param curves one per arm
 * @param logRankP the log-rank p-value, or null with fewer than two arms or no event
 * @param hazardRatio experimental versus control arm, or null when it cannot be estimated (no event, one arm, not
 *     two arms with one experimental)
 * @param n participants in the analysis
 * @param sources arm to the number of participants whose time each {@link EventSource} decided
 * @param comparison the arms the hazard ratio compares in words, for example {@code RT+ vs RT-}
 */
public record SurvivalReport(String column, String endpoint, List<KaplanMeierCurve> curves, Double logRankP, CoxCoefficient hazardRatio,
    int n, Map<String, Map<EventSource, Integer>> sources, String comparison) {

  /**
   * The reports of every time-to-event endpoint of the protocol (those with an {@code event} block), the primary
   * first, then in the protocol's order; each titled with the protocol's name of the endpoint.
   *
   * @param comparison the experimental and the control arm whose hazard ratio is estimated, or empty for none
   */
  public static List<SurvivalReport> forProtocol(Protocol protocol, List<AnalysisRow> rows, List<String> comparison) {
    List<Endpoint> endpoints = new ArrayList<>(AnalysisCsv.timeToEvent(protocol));
    endpoints.sort(java.util.Comparator.comparing(e -> !e.primary())); // stable: the protocol's order otherwise
    return endpoints.stream().map(e -> of(e, rows, comparison)).toList();
  }

  /** The report of one endpoint of the protocol, read from each row by the endpoint's id. */
  public static SurvivalReport of(Endpoint e, List<AnalysisRow> rows, List<String> comparison) {
    String name = e.name() == null || e.name().isBlank() ? e.id() : e.name();
    return of(e.columnPrefix(), Character.toUpperCase(name.charAt(0)) + name.substring(1), rows,
        r -> r.endpoint(e.id()), comparison);
  }

  /**
   * The report of one endpoint.
   *
   * @param column the endpoint's dataset column prefix
   * @param pick the endpoint of a row, null when not derived for it
   * @param comparison the experimental and the control arm whose hazard ratio is estimated, or empty for none
   */
  public static SurvivalReport of(String column, String endpoint, List<AnalysisRow> rows,
      Function<AnalysisRow, TimeToEvent> pick,
      List<String> comparison) {
    String versus = comparison.isEmpty() ? "between the arms" : comparison.get(0) + " vs " + comparison.get(1);
    List<AnalysisRow> usable = rows.stream().filter(r -> pick.apply(r) != null).toList();
    int n = usable.size();
    if (n == 0) {
      return new SurvivalReport(column, endpoint, List.of(), null, null, 0, Map.of(), versus);
    }
    // what decided each participant's time, per arm: the core derivation's source (pfs_source in the dataset)
    Map<String, Map<EventSource, Integer>> sources = new TreeMap<>();
    for (AnalysisRow r : usable) {
      sources.computeIfAbsent(r.arm(), k -> new EnumMap<>(EventSource.class))
          .merge(pick.apply(r).source(), 1, Integer::sum);
    }
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    String[] arm = new String[n];
    double[] experimental = new double[n];
    for (int i = 0; i < n; i++) {
      TimeToEvent t = pick.apply(usable.get(i));
      time[i] = t.days() / TimeToEvent.DAYS_PER_MONTH;
      event[i] = t.event();
      arm[i] = usable.get(i).arm();
      experimental[i] = !comparison.isEmpty() && comparison.get(0).equals(arm[i]) ? 1 : 0;
    }
    SurvivalData data = SurvivalData.of(time, event, arm);
    List<KaplanMeierCurve> curves = new KaplanMeier().fit(data);
    Double p = null;
    CoxCoefficient hr = null;
    boolean anyEvent = false;
    for (boolean e : event) {
      anyEvent |= e;
    }
    if (data.groupCount() >= 2 && anyEvent) {
      try {
        p = LogRankTest.test(data).p();
        if (!comparison.isEmpty()) {
          String name = "arm" + comparison.get(0);
          CoxFit fit = CoxModel.fit(time, event, null, new CoxCovariates(List.of(name),
              new double[][] {experimental}), CoxOptions.defaults());
          CoxCoefficient c = fit.coefficient(name);
          hr = c.aliased() || !Double.isFinite(c.hazardRatio()) ? null : c;
        }
      } catch (IllegalArgumentException e) {
        hr = null;
      }
    }
    return new SurvivalReport(column, endpoint, curves, p, hr, n, sources, versus);
  }

  /**
   * One line per arm: what decided the times, e.g. {@code RT+ decided by: RECIST progression 3, clinical progression 1, death
   * 1, censored 4}.
   */
  public List<String> sourceSummary() {
    List<String> lines = new ArrayList<>();
    sources.forEach((arm, m) -> {
      List<String> parts = new ArrayList<>();
      for (EventSource s : EventSource.values()) {
        parts.add(switch (s) {
          case RECIST -> "RECIST progression";
          case CLINICAL -> "clinical progression";
          case DEATH -> "death";
          case CENSORED -> "censored";
        } + " " + m.getOrDefault(s, 0));
      }
      lines.add(arm + " decided by: " + String.join(", ", parts));
    });
    return lines;
  }

  /** Whether the curves are pooled: one curve of every participant, no arm. */
  public boolean pooled() {
    return curves.size() == 1 && EndpointService.POOLED.equals(curves.get(0).group());
  }

  private KaplanMeierPlot.Options options() {
    return new KaplanMeierPlot.Options("Months since randomization", pooled() ? "Pooled" : "Arm", logRankP);
  }

  /** The plot as an {@code <svg>} element that scales to its box (a viewBox, width 100%, no fixed height). */
  public String svg() {
    return KaplanMeierPlot.svgElement(curves, options());
  }

  public byte[] png() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      KaplanMeierPlot.writePng(curves, options(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One line per arm: n, events, median (95% CI) in months. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    for (KaplanMeierCurve c : curves) {
      lines.add(String.format(Locale.ROOT, "%s: n=%d, events=%d, median %s months (95%% CI %s to %s)", c.group(),
          c.n(), c.events(), months(c.median().estimate()), months(c.median().lower()), months(c.median().upper())));
    }
    return lines;
  }

  public String hazardRatioText() {
    if (hazardRatio == null) {
      return "not estimable (needs both arms and at least one event)";
    }
    return String.format(Locale.ROOT, "%.2f (95%% CI %.2f to %.2f), p = %.3g", hazardRatio.hazardRatio(),
        hazardRatio.lower(), hazardRatio.upper(), hazardRatio.p());
  }

  private static String months(double m) {
    return Double.isFinite(m) ? String.format(Locale.ROOT, "%.1f", m) : "not reached";
  }
}
