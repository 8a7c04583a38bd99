package org.oligotrial.server.datacapture.endpoints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.ctcae.CodedTerms;
import org.oligotrial.endpoints.AdverseEvent;
import org.oligotrial.endpoints.InvalidHistoryException;
import org.oligotrial.endpoints.ParticipantHistory;
import org.oligotrial.endpoints.ProgressionEvent;
import org.oligotrial.endpoints.ProgressionSite;
import org.oligotrial.endpoints.TreatedLesion;
import org.oligotrial.endpoints.TreatmentDelivery;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.Visit;
import org.oligotrial.randomization.FactorIds;
import org.oligotrial.recist.InvalidRecistDataException;
import org.oligotrial.recist.TumourAssessments;
import org.oligotrial.recist.TumourJson;
import org.oligotrial.server.datacapture.forms.FormFacts;
import org.oligotrial.server.datacapture.forms.FormService;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.visits.ExpectedVisit;
import org.oligotrial.server.datacapture.visits.VisitSchedule;
import org.oligotrial.server.randomization.Randomized;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the core {@link ParticipantHistory} from a randomization record and the stored forms; the endpoints are then
 * derived by {@link org.oligotrial.endpoints.EndpointDerivation}, never typed in.
 *
 * <ul>
 *   <li>arm, randomization date and strata from the randomization, keyed by the protocol's factor ids (which are the
 *       dataset's column names); levels stored under a factor's {@code formerIds} are read as the factor
 *       ({@link FactorIds});
 *   <li>progressions from progression forms (thoracic, oligometastatic, new distant; the lesion named; whether
 *       without imaging);
 *   <li>the structured tumour assessments ({@link #tumour(FormFacts)}) from which the core computes the RECIST
 *       progression, its sites and the adequate assessments; for forms recorded before the structured lesions,
 *       adequate assessments are the tumour-assessment forms whose RECIST response is not NE;
 *   <li>death, last known alive and withdrawal from their forms (withdrawal also from the register);
 *   <li>irradiated lesions from radiotherapy forms; a lesion's local progression is the first progression form
 *       naming it, or for the primary tumour the first thoracic progression;
 *   <li>adverse events: CTCAE term and grade;
 *   <li>delivery: planned cycles are the protocol's minimum chemotherapy cycles (4), or for an EGFR-TKI the TKI
 *       reviews due so far; delivered cycles are systemic-therapy forms with a dose above 0; fractions planned and
 *       delivered are summed over radiotherapy forms.
 * </ul>
 * Stateless and thread-safe.
 */
public final class HistoryBuilder {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Protocol protocol;
  private final FactorIds factorIds;
  private final VisitSchedule schedule;

  public HistoryBuilder(Protocol protocol) {
    this.protocol = protocol;
    this.factorIds = FactorIds.of(protocol);
    this.schedule = new VisitSchedule(protocol.visits());
  }

  /** The history on {@code today}. @param registerWithdrawal withdrawal date recorded in the register, or null */
  public ParticipantHistory build(Randomized r, List<StoredForm> forms, LocalDate registerWithdrawal,
      LocalDate today) {
    FormFacts facts = new FormFacts(forms);
    Map<String, String> strata = new LinkedHashMap<>();
    Map<String, String> stored = new LinkedHashMap<>();
    r.factorLevels().forEach((id, level) -> stored.put(factorIds.id(id), level));
    for (org.oligotrial.protocol.StratificationFactor f : protocol.stratification()) {
      String level = stored.get(f.id());
      if (level != null) {
        strata.put(f.id(), level);
      }
    }
    List<ProgressionEvent> progressions = new ArrayList<>();
    for (StoredForm f : facts.ofType("progression")) {
      JsonNode v = FormFacts.values(f);
      progressions.add(new ProgressionEvent(f.formDate(), site(v.path("site").asString()),
          v.path("lesionId").asString(null), v.path("withoutImaging").asBoolean(false)));
    }
    TumourAssessments tumour = tumour(facts);
    List<LocalDate> assessments = new ArrayList<>();
    for (StoredForm f : tumour != null ? List.<StoredForm>of() : facts.ofType("tumour-assessment")) {
      if (!"NE".equals(FormFacts.derived(f).path("overallResponse").asString(""))) {
        assessments.add(f.formDate());
      }
    }
    List<TreatedLesion> lesions = new ArrayList<>();
    int plannedFractions = 0;
    int fractions = 0;
    for (StoredForm f : facts.ofType("radiotherapy")) {
      JsonNode v = FormFacts.values(f);
      plannedFractions += v.path("plannedFractions").asInt(0);
      fractions += v.path("fractions").asInt(0);
      String lesion = v.path("lesionId").asString();
      boolean primary = "primary".equals(v.path("target").asString());
      LocalDate local = null;
      for (StoredForm p : facts.ofType("progression")) {
        JsonNode pv = FormFacts.values(p);
        boolean named = lesion.equals(pv.path("lesionId").asString(null));
        boolean thoracicPrimary = primary && pv.path("lesionId").isMissingNode()
            && "thoracic".equals(pv.path("site").asString());
        if ((named || thoracicPrimary) && (local == null || p.formDate().isBefore(local))) {
          local = p.formDate();
        }
      }
      lesions.add(new TreatedLesion(lesion, local));
    }
    List<AdverseEvent> events = new ArrayList<>();
    for (StoredForm f : facts.ofType("adverse-event")) {
      JsonNode v = FormFacts.values(f);
      events.add(AdverseEvent.of(CodedTerms.read(v.get("term")), v.path("grade").asInt()));
    }
    int delivered = (int) facts.ofType("systemic-therapy").stream()
        .filter(f -> FormFacts.values(f).path("dosePercent").asDouble(0) > 0).count();
    StoredForm w = facts.withdrawal();
    LocalDate withdrawal = w != null ? w.formDate() : registerWithdrawal;
    return new ParticipantHistory(r.participantId(), r.arm(), strata, r.date(), progressions, assessments,
        facts.deathDate(), facts.lastKnownAlive(), withdrawal, lesions, events,
        new TreatmentDelivery(plannedCycles(r, forms, today), delivered, plannedFractions, fractions), tumour);
  }

  /**
   * The structured tumour assessments: the baseline form's values (its {@code lesions}) and every assessment form's
   * values by date, read as one document by the core {@link TumourJson}; null without a baseline in the structured
   * form (then only the progression forms count, as before).
   *
   * @throws InvalidHistoryException ({@code tumour: ...}) when the stored lesions do not read
   */
  static TumourAssessments tumour(FormFacts facts) {
    List<StoredForm> baselines = facts.ofType("tumour-baseline");
    if (baselines.isEmpty() || !FormFacts.values(baselines.get(0)).has("lesions")) {
      return null;
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.set("baseline", FormFacts.values(baselines.get(0)));
    ArrayNode list = doc.putArray("assessments");
    for (StoredForm a : facts.ofType("tumour-assessment")) {
      // an assessment sent in the older shape (newLesions "no"/"yes"/"equivocal") reads as structured lesions
      list.add(FormFacts.structured(a));
    }
    try {
      return TumourJson.read(TumourJson.parse(doc.toString()));
    } catch (InvalidRecistDataException e) {
      throw new InvalidHistoryException("tumour: " + e.getMessage());
    }
  }

  private int plannedCycles(Randomized r, List<StoredForm> forms, LocalDate today) {
    if ("chemotherapy".equals(r.regimenCategory())) {
      return protocol.visits().stream().filter(v -> v.id().equals("chemo-cycle")).map(Visit::minOccurrences)
          .filter(java.util.Objects::nonNull).findFirst().orElse(0);
    }
    if ("targeted".equals(r.regimenCategory())) {
      List<ExpectedVisit> due = schedule.expected(FormService.participant(r, forms), List.of(), today);
      return (int) due.stream().filter(v -> v.visitId().equals("tki-review") && !v.targetDate().isAfter(today))
          .count();
    }
    return 0;
  }

  private static ProgressionSite site(String code) {
    return switch (code) {
      case "thoracic" -> ProgressionSite.THORACIC;
      case "oligometastatic" -> ProgressionSite.OLIGOMETASTATIC;
      default -> ProgressionSite.NEW_DISTANT;
    };
  }
}
