package org.oligotrial.recist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One follow-up tumour assessment with its lesions: a measure or "not evaluable" per baseline target, a status per
 * baseline non-target, and the new lesions seen.
 *
 * @param date date of the scan
 * @param targets target lesion id to its measure in mm (longest diameter, short axis for a node; 0 for a lesion that
 *     disappeared); a null value means "not evaluable", as does a baseline target missing from the map
 * @param nonTargets non-target lesion id to its status (present, absent, unequivocal progression, not evaluated); a
 *     baseline non-target missing from the map is not evaluated
 * @param newLesions the new lesions seen at this scan, empty when none
 */
public record FollowUpAssessment(
    LocalDate date,
    Map<String, BigDecimal> targets,
    Map<String, NonTargetStatus> nonTargets,
    List<NewLesion> newLesions) {

  /** Copies the maps (keeping their order; null measures allowed) and the list. @throws NullPointerException for null arguments */
  public FollowUpAssessment {
    Objects.requireNonNull(date, "date");
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    nonTargets = Collections.unmodifiableMap(new LinkedHashMap<>(nonTargets));
    newLesions = List.copyOf(newLesions);
  }

  /**
   * The new-lesion finding of the RECIST tables: YES when any new lesion is unequivocal, EQUIVOCAL when all are
   * equivocal, NO without new lesions.
   */
  public NewLesions newLesionFinding() {
    if (newLesions.isEmpty()) {
      return NewLesions.NO;
    }
    return newLesions.stream().allMatch(NewLesion::equivocal) ? NewLesions.EQUIVOCAL : NewLesions.YES;
  }

  /** This assessment in the form {@link RecistEvaluator} reads. */
  public Assessment toAssessment() {
    return new Assessment(date, targets, nonTargets, newLesionFinding());
  }
}
