package org.oligotrial.server.web.forms;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.MissingData;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.PreconditionRequiredException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.web.WebAccess;
import org.oligotrial.server.web.ctcae.CtcaeFormFields;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Case report form entry and change: a generic HTML form drawn from the protocol's field definitions. Values go to
 * {@code FormService.create}/{@code update}, which validate, run the edit checks, derive, open queries, check the
 * site and audit; this controller only turns the HTML fields into the JSON object of values (an empty field is left
 * out, numbers that do not read as numbers are passed on as text so that the service names the field).
 */
@Controller
class FormEntryController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  static final String PREFIX = "v.";
  private final WebAccess access;
  private final CtcaeFormFields ctcae;

  FormEntryController(org.oligotrial.server.scope.CurrentTrial currentTrial, WebAccess access,
      CtcaeFormFields ctcae) {
    this.currentTrial = currentTrial;
    this.ctcae = ctcae;
    this.access = access;
  }

  /**
   * A blank form; {@code visit} and {@code occurrence} (from the casebook's cell) attach it to that visit occurrence,
   * carried through the page to the save. Without them the schedule assigns the nearest free occurrence by date.
   */
  /**
   * A new form; with {@code from}, a form of the same participant whose values start it (the serious adverse event
   * report from its adverse-event form): see {@link #startedFrom}.
   */
  @GetMapping("/participants/{pid}/forms/new")
  String newForm(@PathVariable String pid, @RequestParam String type,
      @RequestParam(required = false) String visit, @RequestParam(required = false) Integer occurrence,
      @RequestParam(required = false) String from, Model m) {
    Actor a = access.actor();
    var p = participants().history(a, pid).participant();
    access.require(AccessPolicy.canWrite(a, p.siteCode()), a, "/participants/" + pid + "/forms/new");
    visitChosen(m, visit, occurrence);
    FormDefinition def = definition(type);
    Map<String, String> current = Map.of();
    if (from != null && !from.isBlank()) {
      StoredForm source = dc().forms().get(a, from);
      if (!source.participantId().equals(pid)) {
        throw new InvalidFieldException("from", "is a form of another participant");
      }
      current = startedFrom(def, source);
    }
    return show(m, def, pid, p.screeningNumber(), null, current, null, null);
  }

  /** The field that links a serious adverse event report to its adverse-event form (see {@code SeriousEvents}). */
  static final String ADVERSE_EVENT_LINK = "adverseEventForm";

  /**
   * The values a new form of type {@code def} starts with when made from {@code source}: each field of the new form
   * whose id and type the source form's definition also has takes the source's value (term, grade, relations,
   * action, outcome of an adverse event); the new form's date field takes the source's date (the adverse event's
   * onset); a link field to an adverse-event form takes the source's id when the source is one. Nothing is stored:
   * the person checks and completes the values and saves as usual.
   */
  private Map<String, String> startedFrom(FormDefinition def, StoredForm source) {
    Map<String, String> out = new LinkedHashMap<>();
    FormDefinition sourceDef = definition(source.formType());
    Map<String, String> values = current(sourceDef, source.valuesJson());
    for (FormField field : def.fields()) {
      var same = sourceDef.field(field.id()).filter(sf -> sf.type().equals(field.type()));
      if (same.isPresent()) {
        values.entrySet().stream().filter(e -> e.getKey().equals(field.id())
                || e.getKey().startsWith(field.id() + "."))
            .forEach(e -> out.put(e.getKey(), e.getValue()));
      }
    }
    if (def.dateField() != null && sourceDef.dateField() != null && values.containsKey(sourceDef.dateField())) {
      out.put(def.dateField(), values.get(sourceDef.dateField()));
    }
    if (def.field(ADVERSE_EVENT_LINK).isPresent() && "adverse-event".equals(source.formType())) {
      out.put(ADVERSE_EVENT_LINK, source.id());
    }
    return out;
  }

  /** A stored form's values as the HTML fields show them, by field id (a missing-data code under its own key). */
  private static Map<String, String> current(FormDefinition def, String valuesJson) {
    Map<String, String> current = new LinkedHashMap<>();
    JsonNode v = ClinicalView.JSON.readTree(valuesJson);
    for (FormField field : def.fields()) {
      JsonNode n = v.get(field.id());
      if (MissingData.coded(n)) {
        current.put(field.id() + MISSING_SUFFIX, MissingData.code(n));
      } else if (n != null && !n.isNull() && field.type().equals("ctcae-term")) {
        CtcaeFormFields.current(field, n, current);
      } else if (n != null && !n.isNull()) {
        current.put(field.id(), (n.isObject() || n.isArray()) ? n.toString() : n.asString());
      }
    }
    return current;
  }

  @PostMapping("/participants/{pid}/forms")
  String create(@PathVariable String pid, @RequestParam String type,
      @RequestParam(required = false) String visit, @RequestParam(required = false) Integer occurrence,
      @RequestParam MultiValueMap<String, String> params, Model m) {
    Actor a = access.actor();
    FormDefinition def = definition(type);
    String visitId = visit == null || visit.isBlank() ? null : visit;
    try {
      StoredForm f = dc().forms().create(a, pid, type, visitId, visitId == null ? null : occurrence,
          values(def, params));
      return "redirect:/forms/" + f.id() + "?saved";
    } catch (InvalidFieldException e) {
      var p = participants().history(a, pid).participant();
      visitChosen(m, visitId, occurrence);
      return show(m, def, pid, p.screeningNumber(), null, entered(def, params), e.field(), e.getMessage());
    }
  }

  /** The visit occurrence the user chose, with its name from the protocol, for the page and its hidden fields. */
  private void visitChosen(Model m, String visit, Integer occurrence) {
    if (visit == null || visit.isBlank()) {
      return;
    }
    m.addAttribute("visit", visit);
    m.addAttribute("occurrence", occurrence);
    m.addAttribute("visitName", dc().protocol().visits().stream().filter(v -> v.id().equals(visit)).findFirst()
        .map(v -> v.name() + (occurrence != null && (v.everyDays() != null) ? " " + occurrence : ""))
        .orElseThrow(() -> new InvalidFieldException("visit", "is not a visit of the protocol")));
  }

  @GetMapping("/forms/{id}/edit")
  String edit(@PathVariable String id, Model m) {
    Actor a = access.actor();
    StoredForm f = dc().forms().get(a, id);
    access.require(AccessPolicy.canWrite(a, f.siteCode()), a, "/forms/" + id + "/edit");
    switch (f.formType()) {
      case "tumour-baseline" -> {
        return "redirect:/forms/" + id + "/lesions";
      }
      case "tumour-assessment" -> {
        return "redirect:/forms/" + id + "/assessment";
      }
      default -> {
        // the generic form below
      }
    }
    FormDefinition def = definition(f.formType());
    return show(m, def, f.participantId(), null, f, current(def, f.valuesJson()), null, null);
  }

  @PostMapping("/forms/{id}/edit")
  String update(@PathVariable String id, @RequestParam(required = false) String reason,
      @RequestParam(required = false) Integer version, @RequestParam MultiValueMap<String, String> params, Model m) {
    Actor a = access.actor();
    StoredForm f = dc().forms().get(a, id);
    FormDefinition def = definition(f.formType());
    try {
      dc().forms().update(a, id, values(def, params), reason, version);
      return "redirect:/forms/" + id + "?saved";
    } catch (PreconditionRequiredException e) {
      throw e; // a hand-made post without the form's version: the 428 page, nothing to show in the form
    } catch (InvalidFieldException e) {
      m.addAttribute("reason", reason);
      return show(m, def, f.participantId(), null, f, entered(def, params), e.field(), e.getMessage());
    }
  }

  private String show(Model m, FormDefinition def, String pid, String number, StoredForm existing,
      Map<String, String> current, String errorField, String error) {
    m.addAttribute("def", def);
    m.addAttribute("pid", pid);
    m.addAttribute("number", number);
    m.addAttribute("existing", existing);
    m.addAttribute("current", current);
    String field = errorField == null ? null : errorField.startsWith("values.") ? errorField.substring(7) : errorField;
    if (field != null && field.indexOf('.') > 0 && def.field(field.substring(0, field.indexOf('.'))).isPresent()) {
      field = field.substring(0, field.indexOf('.')); // a part of a structured value: shown at its field
    }
    m.addAttribute("errorField", field);
    String prefix = errorField + ": ";
    m.addAttribute("error", error != null && error.startsWith(prefix) ? error.substring(prefix.length()) : error);
    m.addAttribute("errorLabel", field == null ? null
        : def.field(field).map(FormField::label).orElse(field.equals("reason") ? "reason for change" : field));
    m.addAttribute("fieldIds", def.fields().stream().map(FormField::id).toList());
    m.addAttribute("ctcae", ctcae.view(def, current));
    Map<String, String> labels = new LinkedHashMap<>();
    FormField.MISSING_CODES.forEach(c -> labels.put(c, FormField.missingLabel(c)));
    m.addAttribute("missingLabels", labels);
    return "forms/edit";
  }

  private FormDefinition definition(String type) {
    return dc().protocol().form(type)
        .orElseThrow(() -> new RecordNotFoundException("form type", String.valueOf(type)));
  }

  /** What was typed, by field id, to show the form again. */
  static Map<String, String> entered(FormDefinition def, MultiValueMap<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FormField f : def.fields()) {
      String s = params.getFirst(PREFIX + f.id());
      if (s != null) {
        out.put(f.id(), s);
      }
      String code = params.getFirst(PREFIX + f.id() + MISSING_SUFFIX);
      if (code != null) {
        out.put(f.id() + MISSING_SUFFIX, code);
      }
    }
    CtcaeFormFields.entered(def, params, out);
    return out;
  }

  /** The name suffix of the select holding a field's missing-data code ({@code v.<id>.missing}). */
  static final String MISSING_SUFFIX = ".missing";

  /** The HTML fields as the JSON object of values the form service reads; a chosen missing-data code wins. */
  static ObjectNode values(FormDefinition def, MultiValueMap<String, String> params) {
    ObjectNode o = ClinicalView.JSON.createObjectNode();
    for (FormField f : def.fields()) {
      String raw = params.getFirst(PREFIX + f.id());
      String code = params.getFirst(PREFIX + f.id() + MISSING_SUFFIX);
      if (code != null && !code.isBlank()) {
        // a missing-data code instead of a value: the form service checks the field allows it
        o.set(f.id(), ClinicalView.JSON.createObjectNode().put(MissingData.KEY, code.strip()));
        continue;
      }
      if (f.type().equals("boolean")) {
        if (raw != null && !raw.isBlank()) {
          o.put(f.id(), raw.equals("true"));
        } else if (f.required()) {
          o.put(f.id(), false);
        }
        continue;
      }
      if (f.type().equals("ctcae-term")) {
        JsonNode coded = CtcaeFormFields.value(raw, params.getFirst(PREFIX + f.id() + CtcaeFormFields.OTHER));
        if (coded != null) {
          o.set(f.id(), coded);
        }
        continue;
      }
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String s = raw.strip();
      switch (f.type()) {
        case "integer", "decimal", "ctcae-grade" -> {
          try {
            o.put(f.id(), new BigDecimal(s));
          } catch (NumberFormatException e) {
            o.put(f.id(), s);
          }
        }
        default -> o.put(f.id(), s);
      }
    }
    return o;
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
