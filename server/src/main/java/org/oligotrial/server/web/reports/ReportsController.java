package org.oligotrial.server.web.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.ToxicitySummary;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.protocol.Endpoint;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.endpoints.EndpointService;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.web.Me;
import org.oligotrial.server.web.WebAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The reports page and its downloads; statistician only (the data monitoring committee has its own report,
 * {@code /dsmb/{trial}}). Every view and every download is audited as an export of the request's trial.
 *
 * <p>The time-to-event sections are the protocol's ({@link SurvivalReport#forProtocol}): one per endpoint with an
 * {@code event} block, the primary first, each with its Kaplan-Meier curves, log-rank test, Cox hazard ratio and
 * downloads ({@code km-<column>.svg|png}, the column prefix of the endpoint in the protocol).
 *
 * <p>Blinding ({@link AccessPolicy#seesByArm}): until the trial's comparative results are released
 * ({@code oligotrial trials release-results}) the statistician sees every result pooled: one Kaplan-Meier curve of
 * every participant with no log-rank test nor hazard ratio, Table 1 and the adverse events over every randomized
 * participant, and no arm column in any download or in the printable report. The CONSORT diagram keeps its counts
 * allocated to each arm: they are the randomization's, not an outcome, and the allocation ratio is the protocol's.
 * After the release the page is by arm again. The results are derived once per request
 * ({@link EndpointService#analysis}).
 */
@Controller
class ReportsController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final AuditTrail audit;
  private final WebAccess access;

  ReportsController(org.oligotrial.server.scope.CurrentTrial currentTrial, AuditTrail audit,
      WebAccess access) {
    this.currentTrial = currentTrial;
    this.audit = audit;
    this.access = access;
  }

  @GetMapping("/reports")
  String reports(Model m) {
    Actor a = statistician("/reports");
    boolean byArm = fill(a, m);
    exported(a, "reports", "reports page" + (byArm ? " by arm" : ", pooled"));
    return "reports/index";
  }

  @GetMapping("/reports/print")
  String print(Model m) {
    Actor a = statistician("/reports/print");
    boolean byArm = fill(a, m);
    m.addAttribute("generatedAt", java.time.Instant.now());
    exported(a, "report.html", "printable report" + (byArm ? " by arm" : ", pooled"));
    return "reports/print";
  }

  @GetMapping("/reports/consort.svg")
  ResponseEntity<byte[]> consortSvg() {
    Actor a = statistician("/reports/consort.svg");
    String svg = ConsortDiagram.svg(TrialData.load(a, participants(), exports()).consort());
    exported(a, "consort.svg", "CONSORT diagram");
    return download(svg, "image/svg+xml", "consort.svg");
  }

  @GetMapping("/reports/table1.csv")
  ResponseEntity<byte[]> table1Csv() {
    Actor a = statistician("/reports/table1.csv");
    boolean byArm = byArm(a);
    String csv = TrialData.load(a, participants(), exports()).table1(byArm).csv();
    exported(a, "table1.csv", "baseline characteristics" + (byArm ? " by arm" : ", pooled"));
    return download(csv, "text/csv", "table1.csv");
  }

  @GetMapping("/reports/km-{endpoint}.{format}")
  ResponseEntity<byte[]> km(@PathVariable String endpoint, @PathVariable String format) {
    Actor a = statistician("/reports/km-" + endpoint + "." + format);
    Endpoint e = AnalysisCsv.timeToEvent(protocol()).stream().filter(x -> x.columnPrefix().equals(endpoint))
        .findFirst().orElse(null);
    if (e == null || !List.of("svg", "png").contains(format)) {
      throw new RecordNotFoundException("report", "km-" + endpoint + "." + format);
    }
    EndpointService.Analysis an = dc().endpoints().analysis(a);
    SurvivalReport r = SurvivalReport.of(e, an.dataset().rows(), comparison(an.byArm()));
    String name = "km-" + endpoint + "." + format;
    exported(a, name, "Kaplan-Meier " + r.endpoint() + (an.byArm() ? " by arm" : ", pooled"));
    if (format.equals("png")) {
      return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(r.png());
    }
    return download(r.svg(), "image/svg+xml", name);
  }

  @GetMapping("/reports/adverse-events.csv")
  ResponseEntity<byte[]> adverseEventsCsv() {
    Actor a = statistician("/reports/adverse-events.csv");
    EndpointService.Safety safety = dc().endpoints().safety(a);
    boolean byArm = safety.toxicity().stream().noneMatch(t -> EndpointService.POOLED.equals(t.arm()))
        && byArm(a);
    StringBuilder csv = new StringBuilder((byArm ? "arm," : "") + "soc,term," + (byArm ? "participants_in_arm"
        : "participants") + ",grade1,grade2,grade3,grade4,grade5,grade3_or_worse\n");
    for (ToxicitySummary.ArmTerm t : safety.toxicity()) {
      if (byArm) {
        csv.append(Table1.quote(t.arm())).append(',');
      }
      csv.append(Table1.quote(t.soc())).append(',').append(Table1.quote(t.term())).append(',')
          .append(t.participantsInArm());
      t.byWorstGrade().forEach(g -> csv.append(',').append(g));
      csv.append(',').append(t.grade3OrWorse()).append('\n');
    }
    exported(a, "adverse-events.csv", "worst-grade adverse events" + (byArm ? " by arm" : ", pooled"));
    return download(csv.toString(), "text/csv", "adverse-events.csv");
  }

  /** Fills the page's model; returns whether it is by arm. */
  private boolean fill(Actor a, Model m) {
    // the trial's design from its protocol: arms, ratio, stratification factors, endpoints; and its data's versions
    var protocol = protocol();
    m.addAttribute("protocol", protocol);
    m.addAttribute("armOrder", protocol.arms().stream().map(x -> x.id()).toList());
    m.addAttribute("ratio", protocol.randomization() == null || protocol.randomization().ratio() == null ? "1:1"
        : String.join(":", protocol.randomization().ratio().stream().map(String::valueOf).toList()));
    m.addAttribute("versionsSpanned", currentTrial.versionsSpanned().summary());
    // one derivation of every participant gives the curves and the adverse events
    EndpointService.Analysis an = dc().endpoints().analysis(a);
    boolean byArm = an.byArm();
    m.addAttribute("byArm", byArm);
    m.addAttribute("release", dc().endpoints().release().orElse(null));
    m.addAttribute("survival", SurvivalReport.forProtocol(protocol, an.dataset().rows(), comparison(byArm)));
    m.addAttribute("toxicity", an.safety().toxicity());
    TrialData data = TrialData.load(a, participants(), exports());
    Consort c = data.consort();
    Table1 t = data.table1(byArm);
    m.addAttribute("consort", c);
    m.addAttribute("consortSvg", ConsortDiagram.svg(c));
    m.addAttribute("table1Header", t.header());
    m.addAttribute("table1", t.rows());
    return byArm;
  }

  /** Whether the statistician sees the request's trial by arm (its results released). */
  private boolean byArm(Actor a) {
    return AccessPolicy.seesByArm(a, dc().endpoints().released());
  }

  /** The arms a hazard ratio compares; none for pooled results. */
  private List<String> comparison(boolean byArm) {
    return byArm ? exports().comparison() : List.of();
  }

  private Actor statistician(String page) {
    Actor a = access.actor();
    return access.require(Me.of(a).canSeeReports(), a, page);
  }

  /** Audits a view or download as an export of the request's trial. */
  private void exported(Actor a, String what, String description) {
    audit.recordNow(new AuditEntry(a.username(), AuditAction.EXPORT, "report", what, null, null, description, null,
        null, currentTrial.id()));
  }

  private static ResponseEntity<byte[]> download(String body, String type, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  /** The participants service of the request's trial (its path's, else the default trial). */
  private ParticipantService participants() {
    return currentTrial.participants();
  }

  /** The dataCapture service of the request's trial (its path's, else the default trial). */
  private DataCapture dc() {
    return currentTrial.dataCapture();
  }

  /** The allocation exports of the request's trial. */
  private AllocationExports exports() {
    return new AllocationExports(currentTrial.randomization());
  }

  /** The request's trial's current protocol. */
  private org.oligotrial.protocol.Protocol protocol() {
    return currentTrial.trial().protocol();
  }

}
