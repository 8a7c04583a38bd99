package org.oligotrial.server.web.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.RecordFields;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.participant.Participant;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ScreeningVersion;
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
  private final ParticipantService participants;
  private final CurrentActor current;
  private final WebAccess access;
  private final ScreeningRecordParser parser = new ScreeningRecordParser();
  private final org.oligotrial.server.trial.TrialRegistry trials;
  /** The engine of the default trial's current protocol version, with that version's digest. */
  private volatile java.util.Map.Entry<String, EligibilityEngine> engine;

  ScreeningController(ParticipantService participants, CurrentActor current, WebAccess access,
      org.oligotrial.server.trial.TrialRegistry trials) {
    this.trials = trials;
    this.participants = participants;
    this.current = current;
    this.access = access;
  }

  @GetMapping("/screening/new")
  String form(Model m) {
    Me me = Me.of(requireScreener());
    MultiValueMap<String, String> blank = new LinkedMultiValueMap<>();
    blank.add("screeningDate", LocalDate.now().toString());
    if (me.writableSites().size() == 1) {
      blank.add("site", me.writableSites().get(0));
    }
    blank.add("prior", "");
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
    Actor actor = requireScreener();
    String site = ScreeningForm.first(form, "site");
    String number = ScreeningForm.first(form, "screeningNumber");
    try {
      if (site == null) {
        throw new InvalidFieldException("site", "choose the site");
      }
      if (number == null) {
        throw new InvalidFieldException("screeningNumber", "is required");
      }
      ParticipantHistory h = participants.register(actor, site, number, ScreeningForm.toJson(form));
      return "redirect:/participants/" + h.participant().id() + "?saved";
    } catch (InvalidFieldException e) {
      String field = switch (e.field()) {
        case "siteCode" -> "site";
        case "screeningNumber" -> "screeningNumber";
        default -> ScreeningForm.fieldId(e.field());
      };
      return showForm(m, form, check(form), field, e.getMessage());
    }
  }

  /** Re-screening: the screening form filled from the latest version, saved as a new version with a reason. */
  @GetMapping("/participants/{id}/rescreen")
  String rescreenForm(@PathVariable String id, Model m) {
    Actor actor = requireScreener();
    ParticipantHistory h = participants.history(actor, id);
    MultiValueMap<String, String> form =
        ScreeningForm.fromJson(h.screenings().get(h.screenings().size() - 1).recordJson());
    form.set("site", h.participant().siteCode());
    m.addAttribute("rescreen", h.participant());
    return showForm(m, form, check(form), null, null);
  }

  @PostMapping("/participants/{id}/rescreen")
  String rescreen(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model m) {
    Actor actor = requireScreener();
    ParticipantHistory h = participants.history(actor, id);
    try {
      participants.rescreen(actor, id, ScreeningForm.toJson(form), ScreeningForm.first(form, "reason"));
      return "redirect:/participants/" + id + "?rescreened";
    } catch (InvalidFieldException e) {
      String field = switch (e.field()) {
        case "reason" -> "reason";
        case "status" -> "reason";
        default -> ScreeningForm.fieldId(e.field());
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
    for (ParticipantHistory h : participants.histories(actor, site)) {
      ScreeningVersion v = h.screenings().get(h.screenings().size() - 1);
      rows.add(new LogRow(h.participant(), v));
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
  record LogRow(Participant participant, ScreeningVersion latest) {}

  private static String criterionOf(String reason) {
    int colon = reason.indexOf(':');
    return colon > 0 ? reason.substring(0, colon) : reason;
  }

  private String showForm(Model m, MultiValueMap<String, String> form, EligibilityView result, String errorField,
      String error) {
    m.addAttribute("f", ScreeningForm.values(form));
    m.addAttribute("prior", form.getOrDefault("prior", List.of()));
    m.addAttribute("result", result);
    m.addAttribute("errorField", errorField);
    m.addAttribute("error", error);
    m.addAttribute("labs", ScreeningForm.LABS);
    m.addAttribute("ulnLabs", ScreeningForm.ULN_LABS);
    Map<String, List<String>> units = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String a : ScreeningForm.LABS) {
      units.put(a, LabUnits.units(a));
      names.put(a, LabUnits.name(a));
    }
    m.addAttribute("units", units);
    m.addAttribute("labNames", names);
    m.addAttribute("metRows", java.util.stream.IntStream.range(0, ScreeningForm.MET_ROWS).boxed().toList());
    m.addAttribute("histologies", RecordFields.HISTOLOGIES);
    m.addAttribute("confirmations", RecordFields.CONFIRMATIONS);
    m.addAttribute("tCategories", RecordFields.T_CATEGORIES);
    m.addAttribute("nCategories", RecordFields.N_CATEGORIES);
    m.addAttribute("mCategories", RecordFields.M_CATEGORIES);
    m.addAttribute("treatments", RecordFields.TREATMENT_TYPES);
    m.addAttribute("egfrStatuses", RecordFields.EGFR_STATUSES);
    m.addAttribute("metastasisSites", RecordFields.METASTASIS_SITES);
    return "screening/form";
  }

  private EligibilityView check(MultiValueMap<String, String> form) {
    try {
      EligibilityEngine engine = engine();
      return EligibilityView.of(engine.protocol(), engine.evaluate(parser.parse(ScreeningForm.toJson(form))));
    } catch (ScreeningRecordException e) {
      return EligibilityView.unreadable(ScreeningForm.fieldId(e.field()), e.problem());
    }
  }

  private Actor requireScreener() {
    Actor a = access.actor();
    return access.require(Me.of(a).canScreen(), a, "/screening");
  }

  /** The live check's engine: the default trial's current protocol version (made again after an amendment). */
  private EligibilityEngine engine() {
    var t = trials.defaultTrial();
    var e = engine;
    if (e == null || !e.getKey().equals(t.current().sha256())) {
      e = java.util.Map.entry(t.current().sha256(), new EligibilityEngine(t.protocol()));
      engine = e;
    }
    return e.getValue();
  }
}
