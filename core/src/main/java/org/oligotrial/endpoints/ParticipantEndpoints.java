package org.oligotrial.endpoints;

import java.util.Map;
import java.util.Optional;

/**
 * Every endpoint of one participant.
 *
 * @param history the history they were derived from
 * @param pfs progression-free survival (primary endpoint)
 * @param thoracicPfs thoracic progression-free survival
 * @param localControl local control of irradiated lesions; null without irradiated lesions
 * @param os overall survival
 * @param worstGrades CTCAE term to the worst grade recorded for it (terms as first spelled)
 * @param compliance treatment compliance
 */
public record ParticipantEndpoints(
    ParticipantHistory history,
    TimeToEvent pfs,
    TimeToEvent thoracicPfs,
    TimeToEvent localControl,
    TimeToEvent os,
    Map<String, Integer> worstGrades,
    Compliance compliance) {
  public ParticipantEndpoints {
    worstGrades = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(worstGrades));
  }

  /** Local control, when the participant had irradiated lesions. */
  public Optional<TimeToEvent> localControlIfTreated() {
    return Optional.ofNullable(localControl);
  }
}
