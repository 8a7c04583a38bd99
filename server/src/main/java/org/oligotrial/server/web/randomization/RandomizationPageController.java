package org.oligotrial.server.web.randomization;

import java.util.HashMap;
import java.util.Map;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.RandomizationPreview;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.InvalidFieldException;
import org.oligotrial.server.register.RecordNotFoundException;
import org.oligotrial.server.user.Actor;
import org.oligotrial.server.web.Me;
import org.oligotrial.server.web.WebAccess;
import org.oligotrial.server.web.account.Passwords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Randomization of one participant. The page previews (nothing written); the POST re-checks the investigator's
 * password, audits the signature, and randomizes exactly the factor levels that were shown (the service refuses if
 * they changed meanwhile).
 */
@Controller
class RandomizationPageController {
  private final RandomizationService randomization;
  private final ParticipantService participants;
  private final Passwords passwords;
  private final AuditTrail audit;
  private final WebAccess access;

  RandomizationPageController(RandomizationService randomization, ParticipantService participants,
      Passwords passwords, AuditTrail audit, WebAccess access) {
    this.randomization = randomization;
    this.participants = participants;
    this.passwords = passwords;
    this.audit = audit;
    this.access = access;
  }

  @GetMapping("/participants/{id}/randomization")
  String page(@PathVariable String id, Model m) {
    Actor a = access.actor();
    var h = participants.history(a, id);
    m.addAttribute("p", h.participant());
    RandomizationRecord done = existing(a, id);
    if (done != null) {
      m.addAttribute("record", done);
      return "participants/randomization";
    }
    RandomizationPreview preview = randomization.preview(a, id);
    m.addAttribute("preview", preview);
    m.addAttribute("mayRandomize", Me.of(a).canRandomize() && Me.of(a).writes(h.participant().siteCode()));
    return "participants/randomization";
  }

  @PostMapping("/participants/{id}/randomization")
  String randomize(@PathVariable String id, @RequestParam(required = false) String password,
      @RequestParam MultiValueMap<String, String> form, Model m) {
    Actor a = access.actor();
    var p = participants.history(a, id).participant();
    access.require(Me.of(a).canRandomize() && Me.of(a).writes(p.siteCode()), a, "/participants/" + id
        + "/randomization");
    try {
      passwords.sign(a.username(), password, "randomization", id, "randomization of " + p.screeningNumber());
    } catch (InvalidFieldException e) {
      m.addAttribute("signatureError", e.getMessage());
      return page(id, m);
    }
    audit.recordNow(new AuditEntry(a.username(), AuditAction.UPDATE, "randomization", id, "signature", null,
        "signed by " + a.username() + " (password re-entered)", "electronic signature of the randomization",
        p.siteCode()));
    Map<String, String> confirm = new HashMap<>();
    form.forEach((k, v) -> {
      if (k.startsWith("factor.") && !v.isEmpty()) {
        confirm.put(k.substring("factor.".length()), v.get(0));
      }
    });
    try {
      randomization.randomize(a, id, confirm);
    } catch (InvalidFieldException e) {
      m.addAttribute("signatureError", e.getMessage());
      return page(id, m);
    }
    return "redirect:/participants/" + id + "/randomization?done";
  }

  private RandomizationRecord existing(Actor a, String id) {
    try {
      return randomization.find(a, id).record();
    } catch (RecordNotFoundException e) {
      return null;
    }
  }
}
