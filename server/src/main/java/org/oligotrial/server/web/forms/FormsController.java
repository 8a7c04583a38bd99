package org.oligotrial.server.web.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * One form: its values and derived values, status, audit trail and queries; raising, answering and closing queries,
 * the investigator's signature and the data manager's lock. The data-capture services decide who may do each (and
 * audit refusals); the page offers only what the role may do.
 */
@Controller
class FormsController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final WebAccess access;

  FormsController(org.oligotrial.server.scope.CurrentTrial currentTrial, WebAccess access) {
    this.currentTrial = currentTrial;
    this.access = access;
  }

  @GetMapping("/forms/{id}")
  String form(@PathVariable String id, Model m) {
    Actor a = access.actor();
    StoredForm f = dc().forms().get(a, id);
    m.addAttribute("f", f);
    m.addAttribute("values", flatten(f.valuesJson()));
    m.addAttribute("derived", f.derivedJson() == null ? Map.of() : flatten(f.derivedJson()));
    m.addAttribute("fields", ClinicalView.JSON.readTree(f.valuesJson()).propertyNames());
    m.addAttribute("queries", dc().queries().ofForm(id));
    m.addAttribute("audit", dc().forms().auditTrail(a, id));
    var signatures = dc().forms().signatures(a, id);
    m.addAttribute("signature", f.signedBy() == null || signatures.isEmpty() ? null
        : signatures.get(signatures.size() - 1));
    m.addAttribute("signatureMeaning", org.oligotrial.server.datacapture.forms.FormService.SIGNATURE_MEANING.label());
    boolean site = a.sites().contains(f.siteCode());
    m.addAttribute("mayRaise", site && (a.role() == Role.DATA_MANAGER || a.role() == Role.MONITOR));
    m.addAttribute("mayAnswer", site && (a.role() == Role.INVESTIGATOR || a.role() == Role.COORDINATOR));
    m.addAttribute("maySign", site && a.role() == Role.INVESTIGATOR && !StoredForm.LOCKED.equals(f.status()));
    m.addAttribute("mayLock", site && a.role() == Role.DATA_MANAGER);
    m.addAttribute("mayEdit", org.oligotrial.server.kernel.AccessPolicy.canWrite(a, f.siteCode())
        && !StoredForm.LOCKED.equals(f.status()));
    m.addAttribute("me_name", a.username());
    return "forms/show";
  }

  @PostMapping("/forms/{id}/queries")
  String raise(@PathVariable String id, @RequestParam(required = false) String field,
      @RequestParam(required = false) String text, Model m) {
    return act(id, "raised", m, () -> dc().queries().raise(access.actor(), id, field, text));
  }

  @PostMapping("/queries/{id}/answer")
  String answer(@PathVariable String id, @RequestParam(required = false) String answer, Model m) {
    Actor a = access.actor();
    return act(dc().queries().get(a, id).formId(), "answered", m, () -> dc().queries().answer(a, id, answer));
  }

  @PostMapping("/queries/{id}/close")
  String close(@PathVariable String id, @RequestParam(required = false) String note, Model m) {
    Actor a = access.actor();
    return act(dc().queries().get(a, id).formId(), "closed", m, () -> dc().queries().close(a, id, note));
  }

  @PostMapping("/forms/{id}/sign")
  String sign(@PathVariable String id, @RequestParam(required = false) String password, Model m) {
    return act(id, "signed", m, () -> dc().forms().sign(access.actor(), id, password));
  }

  @PostMapping("/forms/{id}/lock")
  String lock(@PathVariable String id, @RequestParam(required = false) String reason, Model m) {
    return act(id, "locked", m, () -> dc().forms().lock(access.actor(), id, reason));
  }

  @PostMapping("/forms/{id}/unlock")
  String unlock(@PathVariable String id, @RequestParam(required = false) String reason, Model m) {
    return act(id, "unlocked", m, () -> dc().forms().unlock(access.actor(), id, reason));
  }

  /**
   * Runs one action on a form: back to the form page with {@code ?done} when it succeeds, or the form page again
   * with the message tied to its field when the service refuses the input.
   */
  private String act(String formId, String done, Model m, Runnable action) {
    try {
      action.run();
    } catch (InvalidFieldException e) {
      return again(formId, m, e);
    }
    return "redirect:/forms/" + formId + "?" + done;
  }

  private String again(String formId, Model m, InvalidFieldException e) {
    m.addAttribute("actionError", e.getMessage());
    m.addAttribute("actionField", e.field());
    return form(formId, m);
  }

  /** Field path to value text, e.g. {@code targets[0].mm -> 42}. */
  static Map<String, String> flatten(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", ClinicalView.JSON.readTree(json), out);
    return out;
  }

  private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
    if (n.isObject()) {
      for (var e : n.properties()) {
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        flatten(prefix + "[" + i + "]", n.get(i), out);
      }
      if (n.isEmpty()) {
        out.put(prefix, "(none)");
      }
    } else {
      out.put(prefix, n.isNull() ? "" : n.asString());
    }
  }

  /** The dataCapture service of the request's trial (its path's, else the default trial). */
  private DataCapture dc() {
    return currentTrial.dataCapture();
  }
}
