package org.oligotrial.server.web.dsmb;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.oligotrial.design.MonitoringPlan;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.protocol.Endpoint;
import org.oligotrial.endpoints.ComplianceSummary;
import org.oligotrial.endpoints.ToxicitySummary;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.visits.VisitService;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.monitoring.BoundaryPlot;
import org.oligotrial.server.monitoring.InterimAnalysis;
import org.oligotrial.server.monitoring.InterimLooks;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.web.reports.Consort;
import org.oligotrial.server.web.reports.ConsortDiagram;
import org.oligotrial.server.web.reports.SurvivalReport;
import org.oligotrial.server.web.reports.Table1;
import org.oligotrial.server.web.reports.TrialData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the DSMB report shows, computed once per request from the trial's services (data cut-off: today, the
 * day the analysis dataset is derived). The sections: accrual by month and arm; the CONSORT flow; baseline by arm;
 * exposure and compliance; adverse events by system organ class, term and worst grade; the serious adverse event listing; deaths; the
 * interim looks with the boundary plot; Kaplan-Meier curves of every time-to-event endpoint of the protocol, the
 * primary first ({@link SurvivalReport#forProtocol}); data currency (overdue visits, forms not yet signed).
 *
 * <p>The endpoints are derived once ({@link org.oligotrial.server.datacapture.endpoints.EndpointService#analysis},
 * read as the DSMB member, who sees them by arm): the dataset gives the curves and the deaths, the same derivation
 * the toxicity and compliance. The deaths are the events of the protocol's overall-survival endpoint (its
 * time-to-event endpoint whose event is death alone); none without one.
 */
public record DsmbReport(String trialId, LocalDate cutoff, List<String> arms,
    Map<YearMonth, Map<String, Integer>> accrual,
    Consort consort, String consortSvg, List<String> table1Header, List<Table1.Row> table1,
    List<ComplianceSummary.ArmCompliance> compliance, List<ToxicitySummary.ArmTerm> toxicity, List<Sae> saes,
    List<Death> deaths, List<Look> looks, String boundarySvg, String planText, List<SurvivalReport> survival,
    int overdueVisits, int overdueParticipants, int unsignedForms, int unsignedFormsBeforeCutoff, int excluded) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One serious adverse event. */
  public record Sae(String participantId, String arm, String term, String grade, String onset, String outcome,
      String status) {}

  /** One death (the overall-survival event), day counted from randomization. */
  public record Death(String participantId, String arm, long day) {}

  /** One recorded look as the report prints it. */
  public record Look(int number, LocalDate date, LocalDate cutoff, String sha256, long events, double fraction,
      double z,
      Double efficacyZ, Double futilityZ, Double hazardRatio, Double rciLower, Double rciUpper, Double cpDesign,
      Double cpTrend, String decision, String recordedBy) {

    public String fmt(Double v) {
      return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
  }

  /**
   * Builds the report.
   *
   * @param member the DSMB member the endpoints are derived for (by arm)
   * @param reader the actor the other services are read as (reads every site of the trial)
   */
  static DsmbReport build(String trialId, Protocol protocol, Actor member, Actor reader,
      ParticipantService participants, AllocationExports exports, DataCapture dc, InterimLooks looks,
      LocalDate cutoff) {
    TrialData data = TrialData.load(reader, participants, exports);
    List<String> arms = data.arms();
    Map<YearMonth, Map<String, Integer>> accrual = new TreeMap<>();
    for (RandomizationRecord r : data.allocations().values()) {
      accrual.computeIfAbsent(YearMonth.from(r.randomizedAt().atZone(ZoneOffset.UTC)), k -> new TreeMap<>())
          .merge(r.arm(), 1, Integer::sum);
    }
    Consort consort = data.consort();
    Table1 t1 = data.table1();
    var analysis = dc.endpoints().analysis(member);
    var dataset = analysis.dataset();
    List<AnalysisRow> rows = dataset.rows();
    var safety = analysis.safety();
    List<Sae> saes = new ArrayList<>();
    List<StoredForm> all = dc.forms().withStatus(reader,
        Set.of(StoredForm.ENTERED, StoredForm.SIGNED, StoredForm.LOCKED));
    int unsigned = 0;
    int unsignedBefore = 0;
    for (StoredForm f : all) {
      if (StoredForm.ENTERED.equals(f.status())) {
        unsigned++;
        if (f.formDate() != null && !f.formDate().isAfter(cutoff.minusDays(30))) {
          unsignedBefore++;
        }
      }
      if (!"adverse-event".equals(f.formType())) {
        continue;
      }
      JsonNode v = JSON.readTree(f.valuesJson());
      if (v.path("serious").asBoolean(false)) {
        RandomizationRecord r = data.allocations().get(f.participantId());
        org.oligotrial.ctcae.CodedTerm coded = org.oligotrial.ctcae.CodedTerms.read(v.get("term"));
        String term = coded == null ? "" : coded.otherSpecify() == null ? coded.term()
            : coded.term() + ": " + coded.otherSpecify();
        saes.add(new Sae(f.participantId(), r == null ? "not randomized" : r.arm(), term,
            v.path("grade").asString(""), v.path("startDate").asString(""), v.path("outcome").asString(""),
            f.status()));
      }
    }
    saes.sort(java.util.Comparator.comparing(Sae::arm).thenComparing(Sae::onset));
    List<Death> deaths = new ArrayList<>();
    String os = AnalysisCsv.timeToEvent(protocol).stream().filter(e -> e.event().deathOnly()).map(Endpoint::id)
        .findFirst().orElse(null);
    for (AnalysisRow r : rows) {
      TimeToEvent death = os == null ? null : r.endpoint(os);
      if (death != null && death.event()) {
        deaths.add(new Death(r.participantId(), r.arm(), death.days()));
      }
    }
    deaths.sort(java.util.Comparator.comparing(Death::arm).thenComparingLong(Death::day));
    List<VisitService.OverdueVisit> overdue = dc.visits().overdue(reader, null);
    int overdueParticipants = (int) overdue.stream().map(VisitService.OverdueVisit::participantId).distinct().count();
    List<Look> ls = new ArrayList<>();
    List<BoundaryPlot.Point> points = new ArrayList<>();
    for (InterimLooks.Recorded l : looks.looks()) {
      JsonNode r = l.result();
      ls.add(new Look(l.number(), l.lookDate(), l.dataCutoff(), l.datasetSha256(),
          r.path("observed").path("events").asLong(), r.path("informationFraction").asDouble(),
          r.path("z").asDouble(), num(r, "efficacyZ"), num(r, "futilityZ"), num(r, "hazardRatio"),
          num(r, "rciLower"), num(r, "rciUpper"), num(r, "conditionalPowerDesign"),
          num(r, "conditionalPowerTrend"), r.path("decision").asString(""), l.recordedBy()));
      points.add(new BoundaryPlot.Point(r.path("informationFraction").asDouble(), r.path("z").asDouble(),
          nan(num(r, "efficacyZ")), nan(num(r, "futilityZ"))));
    }
    String boundarySvg = null;
    String planText = "The protocol has no interim-analysis plan.";
    if (protocol.interimAnalysis() != null) {
      var plan = protocol.interimAnalysis();
      MonitoringPlan mp = InterimAnalysis.monitoringPlan(protocol);
      boundarySvg = BoundaryPlot.svg(mp, points);
      planText = String.format(Locale.ROOT, "Endpoint %s; looks at %s events (final %d); alpha %s, %d-sided; power"
              + " %s; design hazard ratio %s (experimental arm %s); spending %s; futility %s (%s)",
          plan.endpoint(), plan.lookEvents(), plan.plannedEvents(), plan.alpha(), plan.sides(), plan.power(),
          plan.hazardRatio(), InterimAnalysis.experimentalArm(protocol), plan.spending(), plan.futility(),
          plan.binding() ? "binding" : "non-binding");
    }
    List<SurvivalReport> survival = SurvivalReport.forProtocol(protocol, rows, exports.comparison());
    return new DsmbReport(trialId, cutoff, arms, accrual, consort, ConsortDiagram.svg(consort), t1.header(),
        t1.rows(), safety.compliance(), bySocAndTerm(safety.toxicity()), saes, deaths, ls, boundarySvg, planText, survival,
        overdue.size(), overdueParticipants, unsigned, unsignedBefore, dataset.excluded().size());
  }

  private static Double num(JsonNode r, String field) {
    JsonNode n = r.get(field);
    return n == null || n.isNull() ? null : n.asDouble();
  }

  private static double nan(Double v) {
    return v == null ? Double.NaN : v;
  }

  /** The accrual table's cell. */
  public int accrued(YearMonth m, String arm) {
    return accrual.getOrDefault(m, Map.of()).getOrDefault(arm, 0);
  }

  /** Adverse-event rows by system organ class, then term, then arm (as the toxicity tables group them). */
  private static List<ToxicitySummary.ArmTerm> bySocAndTerm(List<ToxicitySummary.ArmTerm> rows) {
    return rows.stream().sorted(java.util.Comparator.comparing(ToxicitySummary.ArmTerm::soc,
            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
        .thenComparing(ToxicitySummary.ArmTerm::term).thenComparing(ToxicitySummary.ArmTerm::arm)).toList();
  }
}
