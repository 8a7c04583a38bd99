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
    List<ReconciliationFinding> reconciliation) {
  public ParticipantEndpoints {
    reconciliation = List.copyOf(reconciliation);
    worstGrades = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(worstGrades));
  }

  /** Local control, when the participant had irradiated lesions. */
  public Optional<TimeToEvent> localControlIfTreated() {
    return Optional.ofNullable(localControl);
  }
}
