package org.oligotrial.endpoints;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oligotrial.recist.TumourEvaluation;

/**
 * Every endpoint of one participant, as the protocol declares them.
 *
 * @param history the history they were derived from
 * @param worstGrades CTCAE term to the worst grade recorded for it (terms as first spelled)
 * @param compliance treatment compliance
 * @param tumour the evaluation of the tumour assessments (responses, sites of progression); null without them
 * @param reconciliation disagreements between the RECIST progression and the progression forms, empty when none
 * @param timeToEvent every time-to-event endpoint of the protocol (its endpoints with an {@code event} block) by
 *     protocol endpoint id, in protocol order; null for an endpoint not derived for this participant (e.g. control
 *     of a lesion scope the participant had no lesion of at baseline)
 * @param primaryProgressionId the protocol id of the primary progression endpoint ({@link #primaryProgression()}):
 *     the protocol's primary endpoint when it is a progression endpoint, else its first progression endpoint over
 *     all lesions, else its first progression endpoint; null when the protocol has none
 */
public record ParticipantEndpoints(
    ParticipantHistory history,
    Map<String, Integer> worstGrades,
    Compliance compliance,
    TumourEvaluation tumour,
    List<ReconciliationFinding> reconciliation,
    Map<String, TimeToEvent> timeToEvent,
    String primaryProgressionId) {
  public ParticipantEndpoints {
    reconciliation = List.copyOf(reconciliation);
    timeToEvent = Collections.unmodifiableMap(new LinkedHashMap<>(timeToEvent));
    worstGrades = Collections.unmodifiableMap(new TreeMap<>(worstGrades));
    if (primaryProgressionId != null && !timeToEvent.containsKey(primaryProgressionId)) {
      throw new IllegalArgumentException("primaryProgressionId: not an endpoint of timeToEvent: "
          + primaryProgressionId);
    }
  }

  /** The time-to-event endpoint with that protocol id; null when not derived (or not defined). */
  public TimeToEvent endpoint(String protocolId) {
    return timeToEvent.get(protocolId);
  }

  /** The primary progression endpoint (see {@link #primaryProgressionId()}); null when the protocol has none. */
  public TimeToEvent primaryProgression() {
    return primaryProgressionId == null ? null : timeToEvent.get(primaryProgressionId);
  }
}
