package org.oligotrial.server.web.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.protocol.RecordField;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.participant.Participant;
import org.oligotrial.server.participant.LatestScreening;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.security.CurrentActor;
import org.oligotrial.server.web.Me;
import org.oligotrial.server.web.WebAccess;
import org.oligotrial.units.LabUnits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The screening form, its live eligibility check, saving, and the screening log. */
@Controller
class ScreeningController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final CurrentActor current;
  private final WebAccess access;
  /** The live check's engine and parser per protocol version (keyed by the version's SHA-256). */
  private final java.util.concurrent.ConcurrentMap<String, Checker> checkers =
      new java.util.concurrent.ConcurrentHashMap<>();

  ScreeningController(org.oligotrial.server.scope.CurrentTrial currentTrial, CurrentActor current, WebAccess access) {
    this.currentTrial = currentTrial;
    this.current = current;
    this.access = access;
  }

  @GetMapping("/screening/new")
  String form(Model m) {
    Me me = Me.of(requireScreener());
    MultiValueMap<String, String> blank = new LinkedMultiValueMap<>();
    RecordField screening = record().role("screening");
    if (screening != null) {
      blank.add(screening.inputId(), LocalDate.now().toString());
    }
    if (me.writableSites().size() == 1) {
      blank.add("site", me.writableSites().get(0));
    }
    return showForm(m, blank, check(blank), null, null);
  }

  /** The live result: htmx posts the whole form here on every change. */
  @PostMapping("/screening/check")
  String liveCheck(@RequestParam MultiValueMap<String, String> form, Model m) {
    requireScreener();
    m.addAttribute("result", check(form));
    return "screening/result :: result";
  }

  @PostMapping("/screening")
  String save(@RequestParam MultiValueMap<String, String> form, Model m) {
    return save(form, m, ParticipantService::register);
  }

  /** How a new screening is stored: the participant service's register, or one that also stores more with it. */
  @FunctionalInterface
  interface Registration {
    ParticipantHistory register(ParticipantService participants, Actor actor, String site, String number,
        String recordJson);
  }

  /** Saves the form as a new participant's first screening through {@code registration}; the form again if refused. */
  String save(MultiValueMap<String, String> form, Model m, Registration registration) {
    Actor actor = requireScreener();
    String site = ScreeningForm.first(form, "site");
    String number = ScreeningForm.first(form, numberInput());
    try {
      if (site == null) {
        throw new InvalidFieldException("site", "choose the site");
      }
      if (number == null) {
        throw new InvalidFieldException(numberInput(), "is required");
      }
      ParticipantHistory h = registration.register(participants(), actor, site, number,
          ScreeningForm.toJson(record(), form));
      return "redirect:/participants/" + h.participant().id() + "?saved";
    } catch (InvalidFieldException e) {
      String field = switch (e.field()) {
        case "siteCode" -> "site";
        case "screeningNumber" -> numberInput();
        default -> ScreeningForm.fieldId(record(), e.field());
      };
      return showForm(m, form, check(form), field, e.getMessage());
    }
  }

  /** Re-screening: the screening form filled from the latest version, saved as a new version with a reason. */
  @GetMapping("/participants/{id}/rescreen")
  String rescreenForm(@PathVariable String id, Model m) {
    Actor actor = requireScreener();
    ParticipantHistory h = participants().history(actor, id);
    MultiValueMap<String, String> form =
        ScreeningForm.fromJson(record(), h.screenings().get(h.screenings().size() - 1).recordJson());
    form.set("site", h.participant().siteCode());
    m.addAttribute("rescreen", h.participant());
    return showForm(m, form, check(form), null, null);
  }

  @PostMapping("/participants/{id}/rescreen")
  String rescreen(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model m) {
    Actor actor = requireScreener();
    ParticipantHistory h = participants().history(actor, id);
    try {
      participants().rescreen(actor, id, ScreeningForm.toJson(record(), form), ScreeningForm.first(form, "reason"));
      return "redirect:/participants/" + id + "?rescreened";
    } catch (InvalidFieldException e) {
      String field = switch (e.field()) {
        case "reason" -> "reason";
        case "status" -> "reason";
        default -> ScreeningForm.fieldId(record(), e.field());
      };
      m.addAttribute("rescreen", h.participant());
      return showForm(m, form, check(form), field, e.getMessage());
    }
  }

  @GetMapping("/screening/log")
  String log(@RequestParam(required = false) String site, Model m) {
    Actor actor = current.get();
    if (site != null && site.isBlank()) {
      site = null;
    }
    List<LogRow> rows = new ArrayList<>();
    Map<String, Integer> reasons = new LinkedHashMap<>();
    // one statement without the screening texts, however many participants
    for (LatestScreening v : participants().latestScreenings(actor, site)) {
      rows.add(new LogRow(v.participant(), v));
      for (String r : v.screenFailureReasons()) {
        reasons.merge(criterionOf(r), 1, Integer::sum);
      }
    }
    m.addAttribute("rows", rows);
    m.addAttribute("reasons", reasons);
    m.addAttribute("site", site);
    return "screening/log";
  }

  /** One line of the screening log. */
  record LogRow(Participant participant, LatestScreening latest) {}

  private static String criterionOf(String reason) {
    int colon = reason.indexOf(':');
    return colon > 0 ? reason.substring(0, colon) : reason;
  }

  String showForm(Model m, MultiValueMap<String, String> form, EligibilityView result, String errorField,
      String error) {
    m.addAttribute("f", ScreeningForm.values(form));
    m.addAttribute("checked", form);
    m.addAttribute("result", result);
    m.addAttribute("errorField", errorField);
    m.addAttribute("error", error);
    m.addAttribute("numberInput", numberInput());
    // the sections, inputs and laboratory rows come from the protocol's declared record
    m.addAttribute("sections", ScreeningForm.sections(record()));
    m.addAttribute("labs", record().labs());
    Map<String, List<String>> units = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String a : record().labs()) {
      units.put(a, LabUnits.units(a));
      names.put(a, LabUnits.name(a));
    }
    m.addAttribute("units", units);
    m.addAttribute("labNames", names);
    return "screening/form";
  }

  EligibilityView check(MultiValueMap<String, String> form) {
    try {
      Checker c = checker();
      return EligibilityView.of(c.engine().protocol(),
          c.engine().evaluate(c.parser().parse(ScreeningForm.toJson(record(), form))));
    } catch (ScreeningRecordException e) {
      return EligibilityView.unreadable(ScreeningForm.fieldId(record(), e.field()), e.problem());
    }
  }

  Actor requireScreener() {
    Actor a = access.actor();
    return access.require(Me.of(a).canScreen(), a, "/screening");
  }

  /** The participants service of the request's trial (its path's, else the default trial). */
  private ParticipantService participants() {
    return currentTrial.participants();
  }

  /** The engine and parser of one protocol version. */
  private record Checker(EligibilityEngine engine, ScreeningRecordParser parser) {}

  /** The live check of the request's trial under its current protocol version. */
  private Checker checker() {
    var t = currentTrial.trial();
    return checkers.computeIfAbsent(t.current().sha256(), k -> {
      EligibilityEngine e = new EligibilityEngine(t.protocol());
      return new Checker(e, new ScreeningRecordParser(e.protocol()));
    });
  }

  /** The record the form is generated from: the request's trial's declared record. */
  private RecordDeclaration record() {
    return currentTrial.trial().protocol().record();
  }

  /** The input of the record's id field: the screening number the candidate is registered under. */
  private String numberInput() {
    RecordDeclaration r = record();
    return r.role("id") == null ? "screeningNumber" : r.role("id").inputId();
  }
}
