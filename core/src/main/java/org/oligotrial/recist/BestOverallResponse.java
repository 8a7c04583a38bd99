package org.oligotrial.recist;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Best overall response without confirmation and the date of first progression (RECIST 1.1 sections 4.3.2 and
 * 4.4.1; Eisenhauer et al. 2009, doi:10.1016/j.ejca.2008.10.026). In a randomized trial with response as a
 * secondary endpoint, confirmation of CR and PR is not required.
 *
 * <p>Date of first progression: the earliest of
 *
 * <ol>
 *   <li>the first assessment whose overall response is PD, and
 *   <li>the first assessment of a run of consecutive "equivocal" new-lesion findings that the next assessment
 *       confirms as "yes" (section 4.3.2: "progression should be declared using the date of the initial scan").
 *       A run followed by "no", or still open at the last assessment, is not progression.
 * </ol>
 *
 * <p>Best overall response, over the assessments strictly before the progression date (all of them without
 * progression):
 *
 * <ol>
 *   <li>CR if any assessment is CR, else PR if any is PR;
 *   <li>else SD (non-CR/non-PD for non-target disease only) if such an assessment lies at least {@code minSdDays}
 *       after the baseline date (section 4.4.1: SD must be met "at least once after study entry at a minimum
 *       interval");
 *   <li>else PD if the participant progressed (also when an earlier SD was too early: "SD too early, then PD"
 *       gives PD);
 *   <li>else NE (no qualifying response, e.g. only an early SD or only NE assessments).
 * </ol>
 */
public record BestOverallResponse(OverallResponse response, LocalDate progressionDate) {

  /**
   * @param baselineDate the baseline scan date, the origin of the SD interval
   * @param results evaluated assessments in date order
   * @param minSdDays minimum days from baseline for SD to count
   */
  public static BestOverallResponse of(LocalDate baselineDate, List<AssessmentResult> results, int minSdDays) {
    LocalDate progression = progressionDate(results);
    boolean cr = false;
    boolean pr = false;
    OverallResponse stable = null;
    for (AssessmentResult r : results) {
      if (progression != null && !r.date().isBefore(progression)) {
        break;
      }
      switch (r.overall()) {
        case CR -> cr = true;
        case PR -> pr = true;
        case SD, NON_CR_NON_PD -> {
          if (ChronoUnit.DAYS.between(baselineDate, r.date()) >= minSdDays) {
            stable = r.overall();
          }
        }
        default -> {}
      }
    }
    OverallResponse best;
    if (cr) {
      best = OverallResponse.CR;
    } else if (pr) {
      best = OverallResponse.PR;
    } else if (stable != null) {
      best = stable;
    } else if (progression != null) {
      best = OverallResponse.PD;
    } else {
      best = OverallResponse.NE;
    }
    return new BestOverallResponse(best, progression);
  }

  static LocalDate progressionDate(List<AssessmentResult> results) {
    LocalDate first = null;
    LocalDate runStart = null;
    for (AssessmentResult r : results) {
      if (r.newLesions() == NewLesions.YES && runStart != null) {
        // an equivocal finding confirmed: progression dates from the first scan of the run
        return first == null || runStart.isBefore(first) ? runStart : first;
      }
      if (first == null && r.overall() == OverallResponse.PD) {
        first = r.date();
      }
      if (r.newLesions() == NewLesions.EQUIVOCAL) {
        if (runStart == null) {
          runStart = r.date();
        }
      } else if (first != null) {
        return first; // no earlier equivocal run can be confirmed any more
      } else {
        runStart = null;
      }
    }
    return first;
  }
}
