package org.oligotrial.server.web.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.MissingData;
import org.oligotrial.server.datacapture.forms.SignOffBlockedException;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.QueryService;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.web.Labels;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * One form: its values (missing-data codes shown as such, each field with its open queries and source verification)
 * and derived values, status, audit trail and queries; raising, answering, closing and re-opening queries, the
 * monitor's source-data verification, the investigator's signature and the data manager's lock (with what blocks
 * them). The data-capture services decide who may do each (and
 * audit refusals); the page offers only what the role may do.
 */
@Controller
class FormsController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final WebAccess access;
  private final Labels labels;

  FormsController(org.oligotrial.server.scope.CurrentTrial currentTrial, WebAccess access, Labels labels) {
    this.currentTrial = currentTrial;
    this.access = access;
    this.labels = labels;
  }

  @GetMapping("/forms/{id}")
  String form(@PathVariable String id, Model m) {
    Actor a = access.actor();
    StoredForm f = dc().forms().get(a, id);
    m.addAttribute("f", f);
    // whose form it is, in the heading: the participant's screening number
    m.addAttribute("number", currentTrial.participants().history(a, f.participantId()).participant()
        .screeningNumber());
    m.addAttribute("values", flatten(f.valuesJson()));
    m.addAttribute("rows", rows(f.valuesJson()));
    var queries = dc().queries().ofForm(id);
    java.util.Map<String, Long> perField = new java.util.HashMap<>();
    queries.stream().filter(q -> q.pending()).forEach(q -> perField.merge(q.field(), 1L, Long::sum));
    m.addAttribute("fieldQueries", perField);
    m.addAttribute("pendingQueries", queries.stream().filter(q -> q.pending()).count());
    m.addAttribute("now", dc().queries().now());
    m.addAttribute("mayClose", queries.stream().filter(q -> q.pending() && QueryService.mayClose(a, q))
        .map(q -> q.id()).collect(java.util.stream.Collectors.toSet()));
    m.addAttribute("mayReopen", queries.stream().filter(q -> !q.pending() && QueryService.mayReopen(a, q))
        .map(q -> q.id()).collect(java.util.stream.Collectors.toSet()));
    m.addAttribute("verified", dc().forms().verification().of(id));
    m.addAttribute("wholeFormVerified", dc().forms().verification().wholeFormVerified(f));
    m.addAttribute("blockers", StoredForm.LOCKED.equals(f.status()) ? java.util.List.of()
        : dc().forms().blockers(a, id));
    m.addAttribute("overridable", dc().protocol().signature().overrideWithReason());
    m.addAttribute("derived", f.derivedJson() == null ? Map.of() : flatten(f.derivedJson()));
    m.addAttribute("fields", ClinicalView.JSON.readTree(f.valuesJson()).propertyNames());
    m.addAttribute("queries", queries);
    m.addAttribute("audit", dc().forms().auditEntries(a, id));
    var signatures = dc().forms().signatures(a, id);
    m.addAttribute("signature", f.signedBy() == null || signatures.isEmpty() ? null
        : signatures.get(signatures.size() - 1));
    m.addAttribute("signatureMeaning", org.oligotrial.server.datacapture.forms.FormService.SIGNATURE_MEANING.label());
    boolean site = a.sites().contains(f.siteCode());
    boolean raises = site && (a.role() == Role.DATA_MANAGER || a.role() == Role.MONITOR);
    boolean locked = StoredForm.LOCKED.equals(f.status());
    m.addAttribute("mayRaise", raises && !locked);
    // a locked form takes no query (QueryService#raise refuses it with 409): say why instead of offering it
    m.addAttribute("raiseLocked", raises && locked ? dc().queries().lockedMessage(f.formType()) : null);
    m.addAttribute("mayAnswer", site && (a.role() == Role.INVESTIGATOR || a.role() == Role.COORDINATOR));
    m.addAttribute("mayVerify", site && a.role() == Role.MONITOR);
    m.addAttribute("maySign", site && a.role() == Role.INVESTIGATOR && !StoredForm.LOCKED.equals(f.status()));
    m.addAttribute("mayLock", site && a.role() == Role.DATA_MANAGER);
    m.addAttribute("mayEdit", org.oligotrial.server.kernel.AccessPolicy.canWrite(a, f.siteCode())
        && !StoredForm.LOCKED.equals(f.status()));
    m.addAttribute("me_name", a.username());
    // a serious adverse event: its report is started from it (FormEntryController#newForm with from)
    m.addAttribute("saeReport", "adverse-event".equals(f.formType()) && dc().protocol().form("sae-report").isPresent()
        && org.oligotrial.server.kernel.AccessPolicy.canWrite(a, f.siteCode())
        && ClinicalView.JSON.readTree(f.valuesJson()).path("serious").asBoolean(false));
    return "forms/show";
  }

  @PostMapping("/forms/{id}/queries")
  String raise(@PathVariable String id, @RequestParam(required = false) String field,
      @RequestParam(required = false) String text, jakarta.servlet.http.HttpServletResponse res, Model m) {
    String view = act(id, "raised", m, () -> dc().queries().raise(access.actor(), id, field, text), true);
    if (m.getAttribute("conflict") != null) {
      res.setStatus(409); // the form is locked: the page again with the refusal, as the API's 409
    }
    return view;
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

  @PostMapping("/queries/{id}/reopen")
  String reopen(@PathVariable String id, @RequestParam(required = false) String reason, Model m) {
    Actor a = access.actor();
    return act(dc().queries().get(a, id).formId(), "reopened", m, () -> dc().queries().reopen(a, id, reason));
  }

  @PostMapping("/forms/{id}/sign")
  String sign(@PathVariable String id, @RequestParam(required = false) String password,
      @RequestParam(required = false) String override, Model m) {
    return act(id, "signed", m, () -> dc().forms().sign(access.actor(), id, password, override));
  }

  @PostMapping("/forms/{id}/lock")
  String lock(@PathVariable String id, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String override, Model m) {
    return act(id, "locked", m, () -> dc().forms().lock(access.actor(), id, reason, override));
  }

  /** The monitor verifies the checked fields, or with {@code whole} the whole form. */
  @PostMapping("/forms/{id}/verify")
  String verify(@PathVariable String id, @RequestParam(required = false) java.util.List<String> field,
      @RequestParam(required = false) String whole, Model m) {
    java.util.List<String> fields = whole != null ? null : field;
    return act(id, "verified", m, () -> {
      if (fields == null && whole == null) {
        throw new InvalidFieldException("fields", "tick the fields verified against the source, or verify the whole"
            + " form");
      }
      dc().forms().verification().verify(access.actor(), id, fields);
    });
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
    return act(formId, done, m, action, false);
  }

  /** {@link #act}; with {@code markConflict}, a refusal for the form's state (409) is marked as model attribute. */
  private String act(String formId, String done, Model m, Runnable action, boolean markConflict) {
    try {
      action.run();
    } catch (SignOffBlockedException e) {
      m.addAttribute("blockedBy", e.blockers());
      String form = again(formId, m, e);
      m.addAttribute("actionError", labels.refusal(e)); // the exception's message names keys and ids
      return form;
    } catch (org.oligotrial.server.kernel.ConflictException e) {
      String form = again(formId, m, e);
      if (markConflict) {
        m.addAttribute("conflict", true);
        m.addAttribute("actionError", e.detail()); // the sentence alone: it names the form itself
      }
      return form;
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

  /**
   * One shown value of a form.
   *
   * @param path the value's path, e.g. {@code targets[0].mm}
   * @param value the value in words (a missing-data code with its meaning)
   * @param field the form field it belongs to, {@code values.<id>}
   * @param missing whether it is a missing-data code
   * @param first whether it is the first row of its field (where the field's verification is offered)
   */
  record Row(String path, String value, String field, boolean missing, boolean first) {}

  /** The values as rows, each tied to its form field (for its queries and verification). */
  static java.util.List<Row> rows(String json) {
    java.util.List<Row> out = new java.util.ArrayList<>();
    JsonNode values = ClinicalView.JSON.readTree(json);
    String previous = null;
    for (var e : flatten(json).entrySet()) {
      String top = e.getKey().split("[.\\[]", 2)[0];
      boolean missing = e.getKey().equals(top) && MissingData.code(values.get(top)) != null;
      out.add(new Row(e.getKey(), e.getValue(), "values." + top, missing, !top.equals(previous)));
      previous = top;
    }
    return out;
  }

  /** Field path to value text, e.g. {@code targets[0].mm -> 42}; a missing-data code with its meaning. */
  static Map<String, String> flatten(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", ClinicalView.JSON.readTree(json), out);
    return out;
  }

  private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
    String code = MissingData.code(n);
    if (code != null) {
      out.put(prefix, code + " (" + org.oligotrial.protocol.FormField.missingLabel(code) + ")");
    } else if (n.isObject()) {
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
