package org.oligotrial.server.web.casebook;

import java.util.List;
import org.oligotrial.server.datacapture.casebook.Casebook;
import org.oligotrial.server.datacapture.casebook.CasebookService;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.scope.CurrentTrial;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The casebook page of a participant: the visits by forms grid of {@link Casebook}, each cell opening its form, or (for
 * those who may write at the participant's site) creating it attached to that visit occurrence. Before randomization
 * there is no schedule and the page says so. The page also shows the casebook's count of queries not closed, links to
 * the data-management casebook page ({@code /data/casebooks/{id}}: forms, blockers, signatures) and offers the
 * investigator of the site the one-signature casebook signing, posted to that page's action so the signing logic
 * and its result stay in one place. Access is the participant service's and the casebook's (read access to
 * the participant's site).
 */
@Controller
class CasebookController {
  private final CurrentTrial currentTrial;
  private final WebAccess access;

  CasebookController(CurrentTrial currentTrial, WebAccess access) {
    this.currentTrial = currentTrial;
    this.access = access;
  }

  @GetMapping("/participants/{id}/casebook")
  String show(@PathVariable String id, Model m) {
    Actor a = access.actor();
    var p = currentTrial.participants().history(a, id).participant();
    var dc = currentTrial.dataCapture();
    Casebook c;
    List<StoredForm> forms;
    try {
      // the forms read once, for the grid and the count of forms to sign
      CasebookService.Read read = dc.casebook().read(a, id);
      c = read.casebook();
      forms = read.forms();
    } catch (ConflictException e) {
      c = null; // not randomized: the schedule counts from randomization (refused before reading the forms)
      forms = dc.forms().list(a, id);
    }
    m.addAttribute("p", p);
    m.addAttribute("casebook", c);
    // the sign-off page's figures, from the same services (the signature itself posts to that page's action)
    m.addAttribute("openQueries", dc.queries().pendingOfParticipant(id).size());
    m.addAttribute("toSign", forms.stream().filter(f -> StoredForm.ENTERED.equals(f.status())).count());
    m.addAttribute("maySign", a.role() == Role.INVESTIGATOR && a.sites().contains(p.siteCode()));
    // the forms no visit schedules (adverse event, death, ...): started from here as from the participant page
    m.addAttribute("unscheduledTypes", dc.protocol().forms().stream().filter(d -> d.visits().isEmpty()).toList());
    return "casebook/grid";
  }
}
