package org.oligotrial.recist;

import java.util.Objects;

/**
 * The time-point response combination of RECIST 1.1 (Eisenhauer et al. 2009, doi:10.1016/j.ejca.2008.10.026).
 *
 * <p>Table 4, participants with target (and possibly non-target) disease:
 *
 * <pre>
 * Target     Non-target                New lesions   Overall
 * CR         CR (or none, NN)          No            CR
 * CR         Non-CR/non-PD             No            PR
 * CR         Not evaluated             No            PR
 * PR         Non-PD or not all eval.   No            PR
 * SD         Non-PD or not all eval.   No            SD
 * NE         Non-PD                    No            NE
 * PD         Any                       Yes or No     PD
 * Any        PD                        Yes or No     PD
 * Any        Any                       Yes           PD
 * </pre>
 *
 * <p>Table 5, participants with non-target disease only: CR/No -> CR; Non-CR/non-PD/No -> Non-CR/non-PD;
 * not all evaluated/No -> NE; unequivocal PD/any -> PD; any/Yes -> PD.
 *
 * <p>An equivocal new lesion counts as "No" here (it is not progression until confirmed). With target lesions and
 * no non-target lesions (NN) the non-target column reads as CR: nothing non-target is left. Stateless and
 * thread-safe.
 */
public final class ResponseTables {
  private ResponseTables() {}

  /**
   * Table 4.
   *
   * @throws NullPointerException if an argument is null
   */
  public static OverallResponse withTargets(TargetResponse target, NonTargetResponse nonTarget, NewLesions newLesions) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(nonTarget, "nonTarget");
    Objects.requireNonNull(newLesions, "newLesions");
    if (newLesions == NewLesions.YES || target == TargetResponse.PD || nonTarget == NonTargetResponse.PD) {
      return OverallResponse.PD;
    }
    return switch (target) {
      case CR -> nonTarget == NonTargetResponse.CR || nonTarget == NonTargetResponse.NN
          ? OverallResponse.CR
          : OverallResponse.PR;
      case PR -> OverallResponse.PR;
      case SD -> OverallResponse.SD;
      case NE -> OverallResponse.NE;
      case PD -> OverallResponse.PD;
    };
  }

  /**
   * Table 5.
   *
   * @throws IllegalArgumentException if {@code nonTarget} is NN (a participant with no lesion at all)
   * @throws NullPointerException if an argument is null
   */
  public static OverallResponse nonTargetsOnly(NonTargetResponse nonTarget, NewLesions newLesions) {
    Objects.requireNonNull(nonTarget, "nonTarget");
    Objects.requireNonNull(newLesions, "newLesions");
    if (nonTarget == NonTargetResponse.NN) {
      throw new IllegalArgumentException("Table 5 needs non-target lesions; there are neither targets nor non-targets");
    }
    if (newLesions == NewLesions.YES || nonTarget == NonTargetResponse.PD) {
      return OverallResponse.PD;
    }
    return switch (nonTarget) {
      case CR -> OverallResponse.CR;
      case NON_CR_NON_PD -> OverallResponse.NON_CR_NON_PD;
      default -> OverallResponse.NE;
    };
  }
}
