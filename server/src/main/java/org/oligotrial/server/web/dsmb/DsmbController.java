package org.oligotrial.server.web.dsmb;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.monitoring.InterimLooks;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.scope.TrialScope;
import org.oligotrial.server.scope.TrialScopes;
import org.oligotrial.server.security.CurrentActor;
import org.oligotrial.server.web.Me;
import org.oligotrial.server.web.WebAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The data monitoring committee's report of a trial (comparative efficacy and safety, interim looks): DSMB members
 * of the trial only; every view is audited (as an export of {@code dsmb-report}), every refusal too. The statistician
 * (and DSMB members) record interim looks here. {@code /dsmb} opens the default trial's report.
 *
 * <p>The report reads the trial's services as the DSMB member with read access to every site of the trial
 * (participants are never shown by name or page; the services' own export audit rows name the member).
 */
@Controller
class DsmbController {
  private final TrialScopes scopes;
  private final CurrentActor current;
  private final WebAccess access;
  private final Register register;
  private final Clock clock;
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;

  DsmbController(TrialScopes scopes, CurrentActor current, WebAccess access, Register register, Clock clock,
      org.oligotrial.server.scope.CurrentTrial currentTrial) {
    this.currentTrial = currentTrial;
    this.scopes = scopes;
    this.current = current;
    this.access = access;
    this.register = register;
    this.clock = clock;
  }

  /** The report of the request's trial: the default trial on /dsmb, trial X on /trials/X/dsmb. */
  @GetMapping("/dsmb")
  String requestTrial() {
    return "redirect:/dsmb/" + currentTrial.id();
  }

  @GetMapping("/dsmb/{trialId}")
  String report(@PathVariable String trialId, Model m) {
    fill(trialId, m, "/dsmb/" + trialId);
    return "dsmb/report";
  }

  @GetMapping("/dsmb/{trialId}/print")
  String print(@PathVariable String trialId, Model m) {
    fill(trialId, m, "/dsmb/" + trialId + "/print");
    m.addAttribute("generatedAt", java.time.Instant.now(clock));
    return "dsmb/print";
  }

  @GetMapping("/dsmb/{trialId}/boundaries.svg")
  ResponseEntity<byte[]> boundaries(@PathVariable String trialId) {
    TrialScope scope = scopes.of(trialId);
    Actor a = member(trialId, "/dsmb/" + trialId + "/boundaries.svg");
    DsmbReport r = build(scope, a);
    viewed(scope, a, "boundaries.svg", "boundary plot");
    if (r.boundarySvg() == null) {
      throw new org.oligotrial.server.kernel.RecordNotFoundException("boundary plot", trialId);
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"boundaries.svg\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(r.boundarySvg().getBytes(StandardCharsets.UTF_8));
  }

  /** Records the next interim look from the analysis dataset derived now; DSMB members and the statistician. */
  @PostMapping("/dsmb/{trialId}/looks")
  String recordLook(@PathVariable String trialId) {
    TrialScope scope = scopes.of(trialId);
    Actor on = current.on(trialId);
    Actor a = access.require(AccessPolicy.canRecordLook(on), on, "/dsmb/" + trialId + "/looks");
    var rows = scope.dataCapture().endpoints().forInterimLook(a).rows();
    looks(scope).record(a, scope.dataCapture().protocol(), rows, today());
    return a.role() == Role.DSMB ? "redirect:/dsmb/" + trialId : "redirect:/dsmb/" + trialId + "/recorded";
  }

  @GetMapping("/dsmb/{trialId}/recorded")
  String recorded(@PathVariable String trialId, Model m) {
    Actor a = current.on(trialId);
    access.require(a.role() == Role.STATISTICIAN || a.role() == Role.DSMB, a, "/dsmb/" + trialId + "/recorded");
    m.addAttribute("trialId", trialId);
    return "dsmb/recorded";
  }

  private void fill(String trialId, Model m, String page) {
    TrialScope scope = scopes.of(trialId);
    Actor a = member(trialId, page);
    m.addAttribute("report", build(scope, a));
    m.addAttribute("me", Me.of(a));
    viewed(scope, a, page, "DSMB report");
  }

  private DsmbReport build(TrialScope scope, Actor a) {
    return DsmbReport.build(scope.id(), scope.dataCapture().protocol(), a, reader(a), scope.participants(),
        new AllocationExports(scope.randomization()), scope.dataCapture(), looks(scope), today());
  }

  private Actor member(String trialId, String page) {
    Actor a = current.on(trialId);
    return access.require(Me.of(a).canSeeDsmb(), a, page);
  }

  /**
   * The DSMB member reading every site of the trial through the participant, allocation, form and visit services
   * (which serve the statistician's reads); the endpoints are derived for the member as such, by arm.
   */
  private static Actor reader(Actor a) {
    return new Actor(a.username(), Role.STATISTICIAN, Set.of());
  }

  private InterimLooks looks(TrialScope scope) {
    return new InterimLooks(register.jdbc(), register.tx(), new TrialAudit(register.audit(), scope.id()), clock);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private void viewed(TrialScope scope, Actor a, String what, String description) {
    new TrialAudit(register.audit(), scope.id()).recordNow(new AuditEntry(a.username(), AuditAction.EXPORT,
        "dsmb-report", what, null, null, description + " viewed by the DSMB", null, null));
  }
}
