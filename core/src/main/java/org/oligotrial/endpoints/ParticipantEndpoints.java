package org.oligotrial.endpoints;

import java.util.List;
import java.util.Map;
import org.oligotrial.recist.TumourEvaluation;
import java.util.Optional;

/**
 * Every endpoint of one participant.
 *
 * @param history the history they were derived from
 * @param pfs progression-free survival (primary endpoint)
 * @param thoracicPfs thoracic progression-free survival
 * @param localControl local control of the primary thoracic tumour (with tumour assessments: null without a
 *     primary-tumour lesion at baseline); without tumour assessments, local control of the irradiated lesions
 *     (null without irradiated lesions)
 * @param oligometastaticControl oligometastatic-foci control; null without tumour assessments or without a
 *     baseline oligometastatic focus
 * @param os overall survival
 * @param worstGrades CTCAE term to the worst grade recorded for it (terms as first spelled)
 * @param compliance treatment compliance
 * @param tumour the evaluation of the tumour assessments (responses, sites of progression); null without them
 * @param reconciliation disagreements between the RECIST progression and the progression forms, empty when none
 * @param timeToEvent every derived time-to-event endpoint by protocol endpoint id, in protocol order (with a
 *     protocol: its endpoints with an {@code event} block; without: the progression endpoints of the rules, then
 *     {@code os}); null for an endpoint not derived for this participant
 */
public record ParticipantEndpoints(
    ParticipantHistory history,
    TimeToEvent pfs,
    TimeToEvent thoracicPfs,
    TimeToEvent localControl,
    TimeToEvent oligometastaticControl,
    TimeToEvent os,
    Map<String, Integer> worstGrades,
    Compliance compliance,
    TumourEvaluation tumour,
    List<ReconciliationFinding> reconciliation,
    Map<String, TimeToEvent> timeToEvent) {
  public ParticipantEndpoints {
    reconciliation = List.copyOf(reconciliation);
    timeToEvent = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timeToEvent));
    worstGrades = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(worstGrades));
  }

  /** The time-to-event endpoint with that protocol id; null when not derived (or not defined). */
  public TimeToEvent endpoint(String id) {
    return timeToEvent.get(id);
  }

  /** Local control, when the participant had irradiated lesions. */
  public Optional<TimeToEvent> localControlIfTreated() {
    return Optional.ofNullable(localControl);
  }
}
