package org.oligotrial.server.web.tumour;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.oligotrial.recist.LesionIds;
import org.oligotrial.recist.LesionSite;
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
 * A follow-up tumour assessment: pre-filled with the baseline lesions and the new lesions recorded earlier; per
 * target a measure or "not evaluable", per non-target a status, new lesions added as rows. The live panel shows what
 * saving would derive (the form service's preview, so the numbers are the ones stored); saving goes through the form
 * service, which refuses the whole form naming the field when anything is wrong.
 */
@Controller
class AssessmentController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  static final String TYPE = "tumour-assessment";
  private final WebAccess access;

  AssessmentController(org.oligotrial.server.scope.CurrentTrial currentTrial, WebAccess access) {
    this.currentTrial = currentTrial;
    this.access = access;
  }

  /** A blank assessment; {@code visit} and {@code occurrence} (a casebook cell) attach it to that visit occurrence. */
  @GetMapping(value = "/participants/{pid}/forms/new", params = "type=" + TYPE)
  String newForm(@PathVariable String pid, @RequestParam(required = false) String visit,
      @RequestParam(required = false) Integer occurrence, Model m) {
    Actor a = access.actor();
    visitChosen(m, visit, occurrence);
    var p = participants().history(a, pid).participant();
    access.require(AccessPolicy.canWrite(a, p.siteCode()), a, "/participants/" + pid + "/forms/new");
    TumourHistory h = TumourHistory.of(dc().forms().list(a, pid), null);
    AssessmentForm form = AssessmentForm.fromValues(BaselineForm.JSON.createObjectNode(), h.targetIds(),
        h.nonTargetIds());
    form = new AssessmentForm("", form.targets(), form.nonTargets(), h.earlierNew());
    return show(m, pid, null, h, form, check(a, pid, null, h, form), null, null);
  }

  @PostMapping("/participants/{pid}/tumour/assessment/check")
  String check(@PathVariable String pid, @RequestParam(required = false) String formId,
      @RequestParam MultiValueMap<String, String> params, Model m) {
    Actor a = access.actor();
    StoredForm self = formId == null || formId.isBlank() ? null : dc().forms().get(a, formId);
    TumourHistory h = TumourHistory.of(dc().forms().list(a, pid), self);
    AssessmentForm form = AssessmentForm.of(params, h.targetIds(), h.nonTargetIds());
    AssessmentPanel panel = check(a, pid, self, h, form);
    m.addAttribute("panel", panel);
    m.addAttribute("checks", panel.byLesion());
    m.addAttribute("ids", ids(h, form));
    return "tumour/live :: assessment";
  }

  @PostMapping("/participants/{pid}/tumour/assessment")
  String create(@PathVariable String pid, @RequestParam MultiValueMap<String, String> params, Model m,
      HttpServletResponse res) {
    Actor a = access.actor();
    TumourHistory h = TumourHistory.of(dc().forms().list(a, pid), null);
    AssessmentForm form = AssessmentForm.of(params, h.targetIds(), h.nonTargetIds());
    String visit = params.getFirst("visit");
    String visitId = visit == null || visit.isBlank() ? null : visit;
    Integer occurrence = visitId == null ? null : occurrence(params.getFirst("occurrence"));
    try {
      incomplete(form);
      StoredForm f = dc().forms().create(a, pid, TYPE, visitId, occurrence, form.values());
      return "redirect:/forms/" + f.id() + "?saved";
    } catch (InvalidFieldException e) {
      res.setStatus(400);
      visitChosen(m, visitId, occurrence);
      return show(m, pid, null, h, form, check(a, pid, null, h, form), e, null);
    }
  }

  @GetMapping("/forms/{id}/assessment")
  String edit(@PathVariable String id, Model m) {
    Actor a = access.actor();
    StoredForm f = dc().forms().get(a, id);
    access.require(AccessPolicy.canWrite(a, f.siteCode()) && f.formType().equals(TYPE), a,
        "/forms/" + id + "/assessment");
    TumourHistory h = TumourHistory.of(dc().forms().list(a, f.participantId()), f);
    AssessmentForm form = AssessmentForm.fromValues(Lesions.assessmentValues(f), h.targetIds(), h.nonTargetIds());
    return show(m, f.participantId(), f, h, form, check(a, f.participantId(), f, h, form), null, null);
  }

  @PostMapping("/forms/{id}/assessment")
  String update(@PathVariable String id, @RequestParam(required = false) String reason,
      @RequestParam(required = false) Integer version, @RequestParam MultiValueMap<String, String> params, Model m,
      HttpServletResponse res) {
    Actor a = access.actor();
    StoredForm f = dc().forms().get(a, id);
    TumourHistory h = TumourHistory.of(dc().forms().list(a, f.participantId()), f);
    AssessmentForm form = AssessmentForm.of(params, h.targetIds(), h.nonTargetIds());
    try {
      incomplete(form);
      dc().forms().update(a, id, form.values(), reason, version);
      return "redirect:/forms/" + id + "?saved";
    } catch (InvalidFieldException e) {
      res.setStatus(400);
      return show(m, f.participantId(), f, h, form, check(a, f.participantId(), f, h, form), e, reason);
    }
  }

  /**
   * The panel: the page's own checks first (a target neither measured nor marked not evaluable, a size that is not
   * a number, a new lesion without its site); when they pass, the form service's preview.
   */
  private AssessmentPanel check(Actor a, String pid, StoredForm self, TumourHistory h, AssessmentForm form) {
    Map<String, List<String>> by = AssessmentPanel.empty(ids(h, form));
    if (h.baselineFormId() == null) {
      return AssessmentPanel.notReady(by, "Enter the tumour baseline (the lesions) before follow-up assessments.");
    }
    boolean pageOk = true;
    for (var e : form.targets().entrySet()) {
      String problem = measureProblem(e.getKey(), e.getValue());
      if (problem != null) {
        by.get(e.getKey()).add(problem);
        pageOk = false;
      }
    }
    for (AssessmentForm.NewRow r : form.newLesions()) {
      if (LesionSite.fromCode(r.site()) == null) {
        by.get(r.id()).add(r.id() + ": choose the site of the new lesion.");
        pageOk = false;
      }
    }
    if (form.date().isEmpty()) {
      return AssessmentPanel.notReady(by, "Enter the date of the scan.");
    }
    if (!pageOk) {
      return AssessmentPanel.notReady(by, null);
    }
    try {
      return AssessmentPanel.of(dc().forms().preview(a, pid, TYPE, self == null ? null : self.id(), form.values()), by);
    } catch (InvalidFieldException e) {
      String id = lesionNamed(e.getMessage(), by.keySet());
      if (id != null) {
        by.get(id).add(e.getMessage());
        return AssessmentPanel.notReady(by, null);
      }
      return AssessmentPanel.notReady(by, e.getMessage());
    }
  }

  private static String measureProblem(String id, AssessmentForm.Measure m) {
    if (m.notEvaluable()) {
      return m.mm().isEmpty() ? null : id + ": a measure and \"not evaluable\" both; keep one.";
    }
    if (m.mm().isEmpty()) {
      return id + ": enter the measure in mm (0 if it disappeared) or tick \"not evaluable\".";
    }
    try {
      BigDecimal d = new BigDecimal(m.mm());
      return d.signum() < 0 ? id + ": a measure cannot be negative." : null;
    } catch (NumberFormatException e) {
      return id + ": the measure must be a number of millimetres.";
    }
  }

  /** Refuses, naming the lesion, what the page's own checks refuse (the service would take a missing measure as NE). */
  private static void incomplete(AssessmentForm form) {
    for (var e : form.targets().entrySet()) {
      String problem = measureProblem(e.getKey(), e.getValue());
      if (problem != null) {
        throw new InvalidFieldException("values.targets." + e.getKey(), problem);
      }
    }
  }

  private static String lesionNamed(String message, Iterable<String> ids) {
    for (String id : ids) {
      if (Pattern.compile("(^|[^A-Za-z0-9])" + Pattern.quote(id) + "($|[^A-Za-z0-9])").matcher(message).find()) {
        return id;
      }
    }
    return null;
  }

  private static List<String> ids(TumourHistory h, AssessmentForm form) {
    List<String> ids = new ArrayList<>(h.targetIds());
    ids.addAll(h.nonTargetIds());
    ids.addAll(form.newIds());
    return ids;
  }

  private String show(Model m, String pid, StoredForm existing, TumourHistory h, AssessmentForm form,
      AssessmentPanel panel, InvalidFieldException e, String reason) {
    m.addAttribute("pid", pid);
    m.addAttribute("existing", existing);
    m.addAttribute("history", h);
    m.addAttribute("form", form);
    m.addAttribute("panel", panel);
    m.addAttribute("checks", panel.byLesion());
    m.addAttribute("statuses", AssessmentForm.STATUSES);
    m.addAttribute("blank", AssessmentForm.blank("__ID__"));
    m.addAttribute("taken", String.join(" ", h.usedIds()));
    m.addAttribute("newPrefix", LesionIds.NEW);
    m.addAttribute("reason", reason);
    Lesions.vocabulary(m);
    if (e != null) {
      FieldError.show(m, e, form.newIds());
    }
    return "tumour/assessment";
  }

  private static Integer occurrence(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("occurrence", "is not a whole number");
    }
  }

  /** The visit occurrence chosen in the casebook, with its name, for the page and its hidden fields. */
  private void visitChosen(Model m, String visit, Integer occurrence) {
    if (visit == null || visit.isBlank()) {
      return;
    }
    m.addAttribute("visit", visit);
    m.addAttribute("occurrence", occurrence);
    m.addAttribute("visitName", dc().protocol().visits().stream().filter(v -> v.id().equals(visit)).findFirst()
        .map(v -> v.name() + (occurrence != null && v.everyDays() != null ? " " + occurrence : ""))
        .orElseThrow(() -> new InvalidFieldException("visit", "is not a visit of the protocol")));
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
