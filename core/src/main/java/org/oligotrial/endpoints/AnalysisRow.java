package org.oligotrial.endpoints;

import java.util.List;
import java.util.Objects;
import org.oligotrial.randomization.StratificationFactor;

/**
 * One row of the analysis dataset: a participant, the arm, the level of each of the protocol's stratification factors
 * and every endpoint.
 *
 * @param participantId participant id
 * @param arm the arm's id as in the protocol's {@code arms[].id}
 * @param strataLevels levels of the protocol's stratification factors, in protocol order; null for a level not
 *     recorded
 * @param pfs progression-free survival
 * @param os overall survival
 * @param thoracicPfs thoracic progression-free survival
 * @param localControl local control (see {@link ParticipantEndpoints#localControl()}), null when not derived
 * @param oligometastaticControl oligometastatic-foci control, null when not derived
 * @param compliance treatment compliance
 * @param worstGradeAny worst CTCAE grade of any term, 0 without adverse events
 * @param endpoints every time-to-event endpoint by protocol endpoint id, in protocol order (null values: not
 *     derived); what {@link AnalysisCsv#write(org.oligotrial.protocol.Protocol, List, List, java.io.Writer)} writes
 */
public record AnalysisRow(
    String participantId,
    String arm,
    List<String> strataLevels,
    TimeToEvent pfs,
    TimeToEvent os,
    TimeToEvent thoracicPfs,
    TimeToEvent localControl,
    TimeToEvent oligometastaticControl,
    Compliance compliance,
    int worstGradeAny,
    java.util.Map<String, TimeToEvent> endpoints) {

  public AnalysisRow {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(arm, "arm");
    strataLevels = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(strataLevels));
    endpoints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(endpoints));
  }

  /** A row of the NCT03119519 endpoints, keyed by that protocol's ids. */
  public AnalysisRow(String participantId, String arm, List<String> strataLevels, TimeToEvent pfs, TimeToEvent os,
      TimeToEvent thoracicPfs, TimeToEvent localControl, TimeToEvent oligometastaticControl, Compliance compliance,
      int worstGradeAny) {
    this(participantId, arm, strataLevels, pfs, os, thoracicPfs, localControl, oligometastaticControl, compliance,
        worstGradeAny, fixed(pfs, os, thoracicPfs, localControl, oligometastaticControl));
  }

  private static java.util.Map<String, TimeToEvent> fixed(TimeToEvent pfs, TimeToEvent os, TimeToEvent tpfs,
      TimeToEvent lc, TimeToEvent ofc) {
    java.util.Map<String, TimeToEvent> m = new java.util.LinkedHashMap<>();
    m.put(EndpointRules.PFS, pfs);
    m.put("os", os);
    m.put(EndpointRules.THORACIC_PFS, tpfs);
    m.put(EndpointRules.LOCAL_CONTROL, lc);
    m.put(EndpointRules.OLIGOMETASTATIC_CONTROL, ofc);
    return m;
  }

  /** The time-to-event endpoint with that protocol id; null when not derived or not defined. */
  public TimeToEvent endpoint(String id) {
    return endpoints.get(id);
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
    return new AnalysisRow(h.participantId(), h.arm(), levels, e.pfs(), e.os(), e.thoracicPfs(), e.localControl(),
        e.oligometastaticControl(), e.compliance(), worst, e.timeToEvent());
  }
}
