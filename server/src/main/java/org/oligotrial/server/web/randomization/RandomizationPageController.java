package org.oligotrial.server.web.randomization;

import java.util.HashMap;
import java.util.Map;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.RandomizationPreview;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.user.UserAccount;
import org.oligotrial.server.user.UserService;
import org.oligotrial.server.web.Me;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Randomization of one participant. The page previews (nothing written) and states what the signature means; the
 * POST has the service check the investigator's re-entered password, record the signature (meaning, printed name,
 * time) and randomize exactly the factor levels that were shown (the service refuses if they changed meanwhile).
 * The record's page shows the signature.
 */
@Controller
class RandomizationPageController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final WebAccess access;
  private final UserService users;

  RandomizationPageController(org.oligotrial.server.scope.CurrentTrial currentTrial, 
      WebAccess access, UserService users) {
    this.currentTrial = currentTrial;
    this.users = users;
    this.access = access;
  }

  @GetMapping("/participants/{id}/randomization")
  String page(@PathVariable String id, Model m) {
    Actor a = access.actor();
    var h = participants().history(a, id);
    m.addAttribute("p", h.participant());
    RandomizationRecord done = existing(a, id);
    if (done != null) {
      m.addAttribute("record", done);
      m.addAttribute("signatures", randomization().signatures(id));
      return "participants/randomization";
    }
    RandomizationPreview preview = randomization().preview(a, id);
    m.addAttribute("preview", preview);
    m.addAttribute("meaning", RandomizationService.SIGNATURE_MEANING.label());
    m.addAttribute("signerName", users.find(a.username()).map(UserAccount::printedName).orElse(a.username()));
    m.addAttribute("mayRandomize", Me.of(a).canRandomize() && Me.of(a).writes(h.participant().siteCode()));
    return "participants/randomization";
  }

  @PostMapping("/participants/{id}/randomization")
  String randomize(@PathVariable String id, @RequestParam(required = false) String password,
      @RequestParam MultiValueMap<String, String> form, Model m) {
    Actor a = access.actor();
    var p = participants().history(a, id).participant();
    access.require(Me.of(a).canRandomize() && Me.of(a).writes(p.siteCode()), a, "/participants/" + id
        + "/randomization");
    Map<String, String> confirm = new HashMap<>();
    form.forEach((k, v) -> {
      if (k.startsWith("factor.") && !v.isEmpty()) {
        confirm.put(k.substring("factor.".length()), v.get(0));
      }
    });
    try {
      randomization().randomizeSigned(a, id, confirm, password);
    } catch (InvalidFieldException e) {
      m.addAttribute("signatureError", e.getMessage());
      return page(id, m);
    }
    return "redirect:/participants/" + id + "/randomization?done";
  }

  private RandomizationRecord existing(Actor a, String id) {
    try {
      return randomization().find(a, id).record();
    } catch (RecordNotFoundException e) {
      return null;
    }
  }

  /** The randomization service of the request's trial (its path's, else the default trial). */
  private RandomizationService randomization() {
    return currentTrial.randomization();
  }

  /** The participants service of the request's trial (its path's, else the default trial). */
  private ParticipantService participants() {
    return currentTrial.participants();
  }
}
