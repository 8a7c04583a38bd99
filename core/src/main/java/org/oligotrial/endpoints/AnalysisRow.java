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
    int worstGradeAny) {

  public AnalysisRow {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(arm, "arm");
    strataLevels = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(strataLevels));
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
        e.oligometastaticControl(), e.compliance(), worst);
  }
}
