package org.oligotrial.server.web.tumour;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The baseline lesion editor: one row per lesion, the RECIST 1.1 baseline rules checked as the user types (htmx
 * posts the whole form to {@code .../check}, which answers the summary panel and, out of band, the message of every
 * row), and saving through the form service, which checks the same rules again and refuses the whole form naming
 * the field when one is broken.
 */
@Controller
class BaselineController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  static final String TYPE = "tumour-baseline";
  private final WebAccess access;

  BaselineController(org.oligotrial.server.scope.CurrentTrial currentTrial, WebAccess access) {
    this.currentTrial = currentTrial;
    this.access = access;
  }

  @GetMapping(value = "/participants/{pid}/forms/new", params = "type=" + TYPE)
  String newForm(@PathVariable String pid, Model m) {
    writable(pid);
    StoredForm existing = dc().forms().list(access.actor(), pid).stream().filter(f -> f.formType().equals(TYPE))
        .findFirst().orElse(null);
    if (existing != null) {
      return "redirect:/forms/" + existing.id() + "/lesions";
    }
    BaselineForm form = new BaselineForm("", List.of(BaselineForm.blank("T1")));
    return show(m, pid, null, form, null, null);
  }

  @PostMapping("/participants/{pid}/tumour/baseline/check")
  String check(@PathVariable String pid, @RequestParam MultiValueMap<String, String> params, Model m) {
    readable(pid);
    BaselineForm form = BaselineForm.of(params);
    BaselineCheck c = BaselineCheck.of(form);
    m.addAttribute("panel", c);
    m.addAttribute("checks", c.byLesion());
    m.addAttribute("ids", form.ids());
    return "tumour/live :: baseline";
  }

  @PostMapping("/participants/{pid}/tumour/baseline")
  String create(@PathVariable String pid, @RequestParam MultiValueMap<String, String> params, Model m,
      HttpServletResponse res) {
    Actor a = access.actor();
    BaselineForm form = BaselineForm.of(params);
    try {
      StoredForm f = dc().forms().create(a, pid, TYPE, null, null, form.values());
      return "redirect:/forms/" + f.id() + "?saved";
    } catch (InvalidFieldException e) {
      res.setStatus(400);
      return show(m, pid, null, form, e, null);
    }
  }

  @GetMapping("/forms/{id}/lesions")
  String edit(@PathVariable String id, Model m) {
    Actor a = access.actor();
    StoredForm f = dc().forms().get(a, id);
    access.require(AccessPolicy.canWrite(a, f.siteCode()) && f.formType().equals(TYPE), a, "/forms/" + id
        + "/lesions");
    return show(m, f.participantId(), f, BaselineForm.fromValues(Lesions.baselineValues(f)), null, null);
  }

  @PostMapping("/forms/{id}/lesions")
  String update(@PathVariable String id, @RequestParam(required = false) String reason,
      @RequestParam(required = false) Integer version, @RequestParam MultiValueMap<String, String> params, Model m,
      HttpServletResponse res) {
    Actor a = access.actor();
    StoredForm f = dc().forms().get(a, id);
    BaselineForm form = BaselineForm.of(params);
    try {
      dc().forms().update(a, id, form.values(), reason, version);
      return "redirect:/forms/" + id + "?saved";
    } catch (InvalidFieldException e) {
      res.setStatus(400);
      return show(m, f.participantId(), f, form, e, reason);
    }
  }

  private String show(Model m, String pid, StoredForm existing, BaselineForm form, InvalidFieldException e,
      String reason) {
    BaselineCheck c = BaselineCheck.of(form);
    m.addAttribute("pid", pid);
    m.addAttribute("existing", existing);
    m.addAttribute("form", form);
    m.addAttribute("panel", c);
    m.addAttribute("checks", c.byLesion());
    m.addAttribute("blank", BaselineForm.blank("__ID__"));
    m.addAttribute("reason", reason);
    Lesions.vocabulary(m);
    if (e != null) {
      FieldError.show(m, e, form.ids());
    }
    return "tumour/baseline";
  }

  private void writable(String pid) {
    Actor a = access.actor();
    var p = participants().history(a, pid).participant();
    access.require(AccessPolicy.canWrite(a, p.siteCode()), a, "/participants/" + pid + "/forms/new");
  }

  private void readable(String pid) {
    participants().history(access.actor(), pid);
  }

  /** The dataCapture service of the request's trial (its path's, else the default trial). */
  private DataCapture dc() {
    return currentTrial.dataCapture();
  }

  /** The participants service of the request's trial (its path's, else the default trial). */
  private ParticipantService participants() {
    return currentTrial.participants();
  }
}
