package org.oligotrial.endpoints;

import java.util.List;
import java.util.Objects;

/**
 * One row of the analysis dataset: a participant, the arm, the five stratification factor levels and every endpoint.
 *
 * @param participantId participant id
 * @param arm arm code ("RT+" or "RT-")
 * @param strataLevels levels of the five stratification factors in the order of
 *     {@link org.oligotrial.randomization.TrialFactors#ALL}; null for a level not recorded
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
   * The row of one participant's derived endpoints.
   *
   * @throws InvalidHistoryException if a stratum names an unknown factor or level
   */
  public static AnalysisRow of(ParticipantEndpoints e) {
    ParticipantHistory h = e.history();
    List<String> levels = StrataColumns.levels(h.strata());
    int worst = e.worstGrades().values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return new AnalysisRow(h.participantId(), h.arm(), levels, e.pfs(), e.os(), e.thoracicPfs(), e.localControl(),
        e.oligometastaticControl(), e.compliance(), worst);
  }
}
