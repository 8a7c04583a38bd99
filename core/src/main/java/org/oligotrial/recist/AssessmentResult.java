package org.oligotrial.recist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The RECIST evaluation of one follow-up assessment.
 *
 * @param date the assessment date
 * @param sum sum of diameters in mm of the measured targets (longest diameters of non-nodal lesions plus short axes
 *     of nodes); when {@code targetsNotEvaluated} is not empty it is a lower bound of the true sum; null without
 *     target lesions
 * @param changeFromBaselinePct {@code 100 (sum - baselineSum) / baselineSum}, full precision; null without targets
 * @param nadir the reference for progression: the smallest sum among the baseline and the <em>prior</em> assessments
 *     whose targets were all measured (this assessment excluded); null without targets
 * @param changeFromNadirPct {@code 100 (sum - nadir) / nadir}, full precision; null without targets or when the nadir
 *     is 0 mm
 * @param target target response; null without target lesions
 * @param nonTarget non-target response (NN without non-target lesions)
 * @param newLesions the new-lesion finding as recorded
 * @param overall time-point response as it stands at this assessment (an equivocal new lesion is not PD here even if
 *     a later scan confirms it; the confirmation moves {@link RecistEvaluation#progressionDate()} instead)
 * @param targetsNotEvaluated ids of baseline targets not measured at this assessment
 * @param reappearedAfterCr whether the overall response is PD because a lesion reappeared right after an overall
 *     complete response (a target measured again, a node back to 10 mm or more, a non-target present again)
 */
public record AssessmentResult(
    LocalDate date,
    BigDecimal sum,
    Double changeFromBaselinePct,
    BigDecimal nadir,
    Double changeFromNadirPct,
    TargetResponse target,
    NonTargetResponse nonTarget,
    NewLesions newLesions,
    OverallResponse overall,
    List<String> targetsNotEvaluated,
    boolean reappearedAfterCr) {
  public AssessmentResult {
    targetsNotEvaluated = List.copyOf(targetsNotEvaluated);
  }
}
