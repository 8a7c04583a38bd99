package org.oligotrial.server.web.participants;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantPage;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.StatusTransitions;
import org.oligotrial.server.participant.Withdrawal;
import org.oligotrial.server.web.WebAccess;
import org.oligotrial.server.web.forms.ClinicalView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The participants list (search and pages, {@link ParticipantListing}), the participant page and consent entry; access is decided by the participant service. */
@Controller
class ParticipantsController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final WebAccess access;

  ParticipantsController(org.oligotrial.server.scope.CurrentTrial currentTrial, WebAccess access) {
    this.currentTrial = currentTrial;
    this.access = access;
  }

  @GetMapping("/participants")
  String list(@RequestParam(required = false) String site, @RequestParam(required = false) String status,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model m) {
    Actor a = access.actor();
    List<String> sites = AccessPolicy.readsAllSites(a)
        ? currentTrial.scopes().trials().sites(currentTrial.id())
        : a.sites().stream().sorted().toList();
    String s = ParticipantListing.site(site, sites, AccessPolicy.readsAllSites(a));
    ParticipantStatus st = ParticipantListing.status(status);
    String text = q == null || q.isBlank() ? null : q.strip();
    ParticipantPage found = participants().search(a, s, st, text, page, ParticipantListing.PAGE_SIZE);
    m.addAttribute("page", found);
    m.addAttribute("site", s);
    m.addAttribute("sites", sites);
    m.addAttribute("status", st);
    m.addAttribute("q", text);
    m.addAttribute("statuses", ParticipantStatus.values());
    m.addAttribute("pager", ParticipantListing.pager(found));
    m.addAttribute("filters", ParticipantListing.filters(text, s, st));
    return "participants/list";
  }

  @GetMapping("/participants/{id}")
  String show(@PathVariable String id, Model m) {
    Actor a = access.actor();
    ParticipantHistory h = participants().history(a, id);
    m.addAttribute("h", h);
    m.addAttribute("p", h.participant());
    m.addAttribute("latest", h.screenings().get(h.screenings().size() - 1));
    m.addAttribute("criteria", CriteriaJson.rows(h.screenings().get(h.screenings().size() - 1).eligibilityJson()));
    m.addAttribute("audit", participants().auditEntries(a, id));
    m.addAttribute("today", LocalDate.now());
    m.addAttribute("care", ClinicalView.of(dataCapture(), a, id));
    // the casebook's queries not closed (open or answered), read after the access check of the history above
    m.addAttribute("openQueries", dataCapture().queries().pendingOfParticipant(id).size());
    m.addAttribute("nextStatuses", StatusTransitions.nextByStatusChange(h.participant().status()));
    m.addAttribute("canRescreen", StatusTransitions.canRescreen(h.participant().status()));
    m.addAttribute("egfrUnknown", h.participant().status() == ParticipantStatus.CONSENTED
        && ParticipantService.geneResultMissing(h.screenings().get(h.screenings().size() - 1).recordJson()));
    m.addAttribute("formTypes", dataCapture().protocol().forms());
    m.addAttribute("saes", dataCapture().seriousEvents().open(a, id));
    return "participants/show";
  }

  @PostMapping("/participants/{id}/gene-result")
  String geneResult(@PathVariable String id, @RequestParam(required = false) String egfr,
      @RequestParam(required = false) String reason, Model m) {
    try {
      participants().amendGeneResult(access.actor(), id, egfr, reason);
    } catch (InvalidFieldException e) { // a ConflictException too (wrong status, EGFR known already)
      m.addAttribute("geneField", e.field());
      m.addAttribute("geneError", e.getMessage());
      return show(id, m);
    }
    return "redirect:/participants/" + id + "?geneResult";
  }

  @PostMapping("/participants/{id}/status")
  String changeStatus(@PathVariable String id, @RequestParam(required = false) String to,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String withdrawalDate,
      @RequestParam(required = false) String withdrawalReason,
      @RequestParam(required = false, defaultValue = "false") boolean followUpAllowed, Model m) {
    Actor a = access.actor();
    try {
      ParticipantStatus st = to == null || to.isBlank() ? null : ParticipantStatus.parse(to);
      Withdrawal w = null;
      if (st == ParticipantStatus.WITHDRAWN) {
        LocalDate d;
        try {
          d = withdrawalDate == null || withdrawalDate.isBlank() ? null : LocalDate.parse(withdrawalDate);
        } catch (DateTimeParseException e) {
          throw new InvalidFieldException("withdrawal.date", "is not a date (YYYY-MM-DD)");
        }
        w = new Withdrawal(d, withdrawalReason, followUpAllowed);
      }
      participants().changeStatus(a, id, st, reason, w);
      return "redirect:/participants/" + id + "?statusChanged";
    } catch (InvalidFieldException e) {
      m.addAttribute("statusError", e.field() + ": " + e.getMessage());
      m.addAttribute("statusField", e.field());
      m.addAttribute("chosenStatus", to);
      return show(id, m);
    }
  }

  /** The consent form's inputs by their labels on the participant page. */
  private static final java.util.Map<String, String> CONSENT_LABELS = java.util.Map.of("formVersion",
      "Consent form version", "date", "Date signed", "obtainedBy", "Obtained by", "reason", "Reason for correction");

  @PostMapping("/participants/{id}/consent")
  String consent(@PathVariable String id, @RequestParam(required = false) String formVersion,
      @RequestParam(required = false) String date, @RequestParam(required = false) String obtainedBy,
      @RequestParam(required = false) String reason, Model m) {
    Actor a = access.actor();
    try {
      LocalDate d;
      try {
        d = date == null || date.isBlank() ? null : LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw new InvalidFieldException("date", "is not a date (YYYY-MM-DD)");
      }
      participants().recordConsent(a, id, new Consent(formVersion, d, obtainedBy), reason);
      return "redirect:/participants/" + id + "?consented";
    } catch (InvalidFieldException e) {
      // the field by its label on this form, not by its parameter name
      m.addAttribute("consentError", CONSENT_LABELS.getOrDefault(e.field(), e.field()) + ": " + e.detail());
      m.addAttribute("consentField", e.field());
      m.addAttribute("consentForm", new Consent(formVersion, null, obtainedBy));
      m.addAttribute("consentDate", date);
      return show(id, m);
    }
  }

  /** The participants service of the request's trial (its path's, else the default trial). */
  private ParticipantService participants() {
    return currentTrial.participants();
  }

  /** The dataCapture service of the request's trial (its path's, else the default trial). */
  private DataCapture dataCapture() {
    return currentTrial.dataCapture();
  }
}
