package org.oligotrial.server.datacapture.endpoints;

import java.time.LocalDate;
import java.util.List;
import org.oligotrial.endpoints.EventSource;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.endpoints.ParticipantEndpoints;
import org.oligotrial.server.datacapture.forms.FormFacts;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.participant.ClinicalCourse;
import org.oligotrial.server.randomization.Randomized;
import tools.jackson.databind.JsonNode;

/**
 * Reads a randomized participant's {@link ClinicalCourse} from the stored forms and the derived endpoints; the
 * participant's status then follows it ({@link org.oligotrial.server.participant.StatusTransitions#derivedPath}).
 *
 * <ul>
 *   <li>first treatment: the earliest systemic-therapy administration or radiotherapy first fraction;
 *   <li>off treatment: the first systemic-therapy form whose modification is {@code discontinued} (its reason), or
 *       for chemotherapy the administration completing the protocol's planned cycles (at least
 *       {@code plannedChemoCycles} forms with a dose above 0), whichever is first; for RT+ no earlier than the last
 *       radiotherapy fraction recorded. An EGFR-TKI continues until progression or discontinuation;
 *   <li>follow-up: the first tumour assessment or last-known-alive contact dated after the end of treatment;
 *   <li>progression: the event of the protocol's primary progression endpoint as the core derivation gives it
 *       ({@link ParticipantEndpoints#primaryProgression()} whose source is {@link EventSource#RECIST} or
 *       {@link EventSource#CLINICAL}); none when the endpoints cannot be derived or the protocol has no progression
 *       endpoint;
 *   <li>death, withdrawal: their forms (withdrawal also from the register).
 * </ul>
 * Stateless and thread-safe.
 */
public final class ClinicalCourses {
  private ClinicalCourses() {}

  /**
   * The course.
   *
   * @param endpoints the derived endpoints, or null when they could not be derived
   * @param plannedChemoCycles the protocol's minimum number of chemotherapy cycles
   * @param registerWithdrawal the withdrawal recorded in the register (date, reason), or null
   */
  public static ClinicalCourse of(Randomized r, List<StoredForm> forms, ParticipantEndpoints endpoints,
      int plannedChemoCycles, org.oligotrial.server.participant.Withdrawal registerWithdrawal) {
    FormFacts facts = new FormFacts(forms);
    LocalDate first = null;
    String firstWhat = null;
    LocalDate off = null;
    String offWhy = null;
    int given = 0;
    for (StoredForm f : facts.ofType("systemic-therapy")) {
      JsonNode v = FormFacts.values(f);
      if (first == null) {
        first = f.formDate();
        firstWhat = "systemic therapy (" + v.path("regimen").asString() + ") cycle " + v.path("cycle").asInt()
            + " on " + f.formDate();
      }
      if (off == null && "discontinued".equals(v.path("modification").asString())) {
        off = f.formDate();
        offWhy = "discontinued: " + v.path("modificationReason").asString("no reason given");
      }
      if (v.path("dosePercent").asDouble(0) > 0) {
        given++;
        if (off == null && "chemotherapy".equals(r.regimenCategory()) && given == plannedChemoCycles) {
          off = f.formDate();
          offWhy = "completed the " + plannedChemoCycles + " planned chemotherapy cycles";
        }
      }
    }
    LocalDate lastFraction = null;
    for (StoredForm f : facts.ofType("radiotherapy")) {
      if (first == null || f.formDate().isBefore(first)) {
        first = f.formDate();
        firstWhat = "radiotherapy (" + FormFacts.values(f).path("target").asString() + ") from " + f.formDate();
      }
      LocalDate end = FormFacts.date(f, "endDate");
      if (end != null && (lastFraction == null || end.isAfter(lastFraction))) {
        lastFraction = end;
      }
    }
    if (off != null && offWhy.startsWith("completed") && lastFraction != null && lastFraction.isAfter(off)) {
      off = lastFraction;
      offWhy = offWhy + " and radiotherapy";
    }
    LocalDate followUp = null;
    if (off != null) {
      for (String type : List.of("tumour-assessment", "last-known-alive")) {
        for (StoredForm f : facts.ofType(type)) {
          if (f.formDate().isAfter(off) && (followUp == null || f.formDate().isBefore(followUp))) {
            followUp = f.formDate();
          }
        }
      }
    }
    LocalDate death = facts.deathDate();
    LocalDate progression = null;
    String progressionWhat = null;
    TimeToEvent primary = endpoints == null ? null : endpoints.primaryProgression();
    if (primary != null && (primary.source() == EventSource.RECIST || primary.source() == EventSource.CLINICAL)) {
      progression = primary.date();
      progressionWhat = primary.reason();
    }
    StoredForm w = facts.withdrawal();
    LocalDate withdrawal = w != null ? w.formDate() : registerWithdrawal == null ? null : registerWithdrawal.date();
    String withdrawalWhy = w != null ? FormFacts.values(w).path("reason").asString(null)
        : registerWithdrawal == null ? null : registerWithdrawal.reason();
    return new ClinicalCourse(first, firstWhat, off, offWhy, followUp, progression, progressionWhat, death,
        withdrawal, withdrawalWhy);
  }
}
