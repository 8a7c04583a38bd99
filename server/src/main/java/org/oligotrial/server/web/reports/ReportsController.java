package org.oligotrial.server.web.reports;

import java.nio.charset.StandardCharsets;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.user.Actor;
import org.oligotrial.server.web.Me;
import org.oligotrial.server.web.WebAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reports page and its downloads; statistician only (the data monitoring committee receives them from the
 * statistician). Every download is audited as an export.
 */
@Controller
class ReportsController {
  private final ParticipantService participants;
  private final AllocationExports exports;
  private final AuditTrail audit;
  private final WebAccess access;

  ReportsController(ParticipantService participants, AllocationExports exports, AuditTrail audit,
      WebAccess access) {
    this.participants = participants;
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

  private void fill(Actor a, Model m) {
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
