package org.oligotrial.server.web.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.ToxicitySummary;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.datacapture.DataCapture;
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
 * The reports page and its downloads; statistician only (the data monitoring committee receives them from the
 * statistician). Every download is audited as an export.
 */
@Controller
class ReportsController {
  private final ParticipantService participants;
  private final DataCapture dc;
  private final AllocationExports exports;
  private final AuditTrail audit;
  private final WebAccess access;

  ReportsController(ParticipantService participants, DataCapture dc, AllocationExports exports, AuditTrail audit,
      WebAccess access) {
    this.participants = participants;
    this.dc = dc;
    this.exports = exports;
    this.audit = audit;
    this.access = access;
  }

  @GetMapping("/reports")
  String reports(Model m) {
    fill(statistician("/reports"), m);
    return "reports/index";
  }

  @GetMapping("/reports/print")
  String print(Model m) {
    Actor a = statistician("/reports/print");
    fill(a, m);
    m.addAttribute("generatedAt", java.time.Instant.now());
    exported(a, "report.html", "printable report");
    return "reports/print";
  }

  @GetMapping("/reports/consort.svg")
  ResponseEntity<byte[]> consortSvg() {
    Actor a = statistician("/reports/consort.svg");
    String svg = ConsortDiagram.svg(TrialData.load(a, participants, exports).consort());
    exported(a, "consort.svg", "CONSORT diagram");
    return download(svg, "image/svg+xml", "consort.svg");
  }

  @GetMapping("/reports/table1.csv")
  ResponseEntity<byte[]> table1Csv() {
    Actor a = statistician("/reports/table1.csv");
    String csv = TrialData.load(a, participants, exports).table1().csv();
    exported(a, "table1.csv", "baseline characteristics by arm");
    return download(csv, "text/csv", "table1.csv");
  }

  @GetMapping("/reports/km-{endpoint}.{format}")
  ResponseEntity<byte[]> km(@PathVariable String endpoint, @PathVariable String format) {
    Actor a = statistician("/reports/km-" + endpoint + "." + format);
    if (!List.of("pfs", "os", "ofc").contains(endpoint) || !List.of("svg", "png").contains(format)) {
      throw new RecordNotFoundException("report", "km-" + endpoint + "." + format);
    }
    SurvivalReport r = survival(a, endpoint);
    exported(a, "km-" + endpoint + "." + format, "Kaplan-Meier " + r.endpoint());
    String name = "km-" + endpoint + "." + format;
    if (format.equals("png")) {
      return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(r.png());
    }
    return download(r.svg(), "image/svg+xml", name);
  }

  @GetMapping("/reports/adverse-events.csv")
  ResponseEntity<byte[]> adverseEventsCsv() {
    Actor a = statistician("/reports/adverse-events.csv");
    StringBuilder csv = new StringBuilder("arm,soc,term,participants_in_arm,grade1,grade2,grade3,grade4,grade5,"
        + "grade3_or_worse\n");
    for (ToxicitySummary.ArmTerm t : dc.endpoints().safety(a).toxicity()) {
      csv.append(Table1.quote(t.arm())).append(',').append(Table1.quote(t.soc())).append(',')
          .append(Table1.quote(t.term())).append(',')
          .append(t.participantsInArm());
      t.byWorstGrade().forEach(g -> csv.append(',').append(g));
      csv.append(',').append(t.grade3OrWorse()).append('\n');
    }
    exported(a, "adverse-events.csv", "worst-grade adverse events by arm");
    return download(csv.toString(), "text/csv", "adverse-events.csv");
  }

  /** The protocol's secondary endpoint, derived from the baseline oligometastatic foci. */
  private static final String OFC = "Oligometastatic-foci control";

  private SurvivalReport survival(Actor a, String endpoint) {
    List<AnalysisRow> rows = dc.endpoints().export(a).rows();
    return switch (endpoint) {
      case "pfs" -> SurvivalReport.of("Progression-free survival", rows, AnalysisRow::pfs, exports.comparison());
      case "ofc" -> SurvivalReport.of(OFC, rows, AnalysisRow::oligometastaticControl, exports.comparison());
      default -> SurvivalReport.of("Overall survival", rows, AnalysisRow::os, exports.comparison());
    };
  }

  private void fill(Actor a, Model m) {
    List<AnalysisRow> rows = dc.endpoints().export(a).rows();
    List<String> vs = exports.comparison();
    m.addAttribute("survival", List.of(SurvivalReport.of("Progression-free survival", rows, AnalysisRow::pfs, vs),
        SurvivalReport.of("Overall survival", rows, AnalysisRow::os, vs),
        SurvivalReport.of(OFC, rows, AnalysisRow::oligometastaticControl, vs)));
    m.addAttribute("toxicity", dc.endpoints().safety(a).toxicity());
    TrialData data = TrialData.load(a, participants, exports);
    Consort c = data.consort();
    Table1 t = data.table1();
    m.addAttribute("consort", c);
    m.addAttribute("consortSvg", ConsortDiagram.svg(c));
    m.addAttribute("table1Header", t.header());
    m.addAttribute("table1", t.rows());
  }

  private Actor statistician(String page) {
    Actor a = access.actor();
    return access.require(Me.of(a).canSeeReports(), a, page);
  }

  private void exported(Actor a, String what, String description) {
    audit.recordNow(new AuditEntry(a.username(), AuditAction.EXPORT, "report", what, null, null, description, null,
        null));
  }

  private static ResponseEntity<byte[]> download(String body, String type, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }
}
