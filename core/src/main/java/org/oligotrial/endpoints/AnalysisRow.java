package org.oligotrial.endpoints;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oligotrial.randomization.StratificationFactor;

/**
 * One row of the analysis dataset: a participant, the arm, the level of each of the protocol's stratification factors
 * and every time-to-event endpoint the protocol declares, by the endpoint's id (a trial's endpoints are its
 * protocol's: {@link #endpoint(String)}, never a fixed list).
 *
 * @param participantId participant id
 * @param arm the arm's id as in the protocol's {@code arms[].id}
 * @param strataLevels levels of the protocol's stratification factors, in protocol order; null for a level not
 *     recorded
 * @param compliance treatment compliance
 * @param worstGradeAny worst CTCAE grade of any term, 0 without adverse events
 * @param endpoints every time-to-event endpoint by protocol endpoint id, in protocol order (null values: not
 *     derived); what {@link AnalysisCsv#write(org.oligotrial.protocol.Protocol, List, List, java.io.Writer)} writes
 */
public record AnalysisRow(
    String participantId,
    String arm,
    List<String> strataLevels,
    Compliance compliance,
    int worstGradeAny,
    Map<String, TimeToEvent> endpoints) {

  public AnalysisRow {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(arm, "arm");
    strataLevels = Collections.unmodifiableList(new java.util.ArrayList<>(strataLevels));
    endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
  }

  /** The time-to-event endpoint with that protocol id; null when not derived or not defined. */
  public TimeToEvent endpoint(String id) {
    return endpoints.get(id);
  }

  /** The same row with another arm (every other value as it is): the pooled rows of a blinded dataset. */
  public AnalysisRow withArm(String otherArm) {
    return new AnalysisRow(participantId, otherArm, strataLevels, compliance, worstGradeAny, endpoints);
  }

  /**
   * The row of one participant's derived endpoints, with a level column per factor of {@code factors} (the
   * protocol's, {@link org.oligotrial.randomization.ProtocolRandomization#factors}).
   *
   * @throws InvalidHistoryException if a stratum names an unknown factor or level
   */
  public static AnalysisRow of(ParticipantEndpoints e, List<StratificationFactor> factors) {
    ParticipantHistory h = e.history();
    List<String> levels = StrataColumns.levels(h.strata(), factors);
    int worst = e.worstGrades().values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return new AnalysisRow(h.participantId(), h.arm(), levels, e.compliance(), worst, e.timeToEvent());
  }
}
