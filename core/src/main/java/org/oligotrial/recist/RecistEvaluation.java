package org.oligotrial.recist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The RECIST 1.1 evaluation of one participant.
 *
 * @param baselineSum sum of diameters at baseline in mm; null without target lesions
 * @param assessments one result per follow-up assessment, in date order
 * @param bestOverallResponse best overall response without confirmation (see {@link BestOverallResponse})
 * @param progressionDate date of first progression, null if none
 * @param minSdDays the minimum interval from baseline, in days, that stable disease needed to count
 */
public record RecistEvaluation(
    BigDecimal baselineSum,
    List<AssessmentResult> assessments,
    OverallResponse bestOverallResponse,
    LocalDate progressionDate,
    int minSdDays) {
  public RecistEvaluation {
    assessments = List.copyOf(assessments);
  }

  /** The date of first progression, if any. */
  public Optional<LocalDate> firstProgression() {
    return Optional.ofNullable(progressionDate);
  }
}
