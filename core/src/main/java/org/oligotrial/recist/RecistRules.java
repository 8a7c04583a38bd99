package org.oligotrial.recist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks baseline and follow-up data against RECIST 1.1 section 4.2 and the input contract; each failure throws
 * {@link InvalidRecistDataException} naming the lesion or assessment.
 *
 * <ul>
 *   <li>at least one lesion (target or non-target) at baseline; lesion ids unique across targets and non-targets;
 *   <li>at most {@value #MAX_TARGETS} targets and {@value #MAX_TARGETS_PER_ORGAN} per organ (organ names compared
 *       ignoring case and surrounding spaces);
 *   <li>a non-nodal target measures at least {@code 10 mm} (longest diameter), a nodal target at least {@code 15 mm}
 *       (short axis);
 *   <li>assessment dates after the baseline date and strictly increasing; measures not negative; every lesion id
 *       of an assessment is a baseline lesion of the same kind (target or non-target); no measure above
 *       {@code 1000 mm} (a unit slip).
 * </ul>
 */
final class RecistRules {
  static final int MAX_TARGETS = 5;
  static final int MAX_TARGETS_PER_ORGAN = 2;
  static final BigDecimal MIN_NON_NODAL_MM = BigDecimal.TEN;
  static final BigDecimal MIN_NODAL_SHORT_AXIS_MM = new BigDecimal("15");
  /** Plausibility bound on any measure: a lesion of a metre means a unit slip. */
  static final BigDecimal MAX_MM = new BigDecimal("1000");

  private RecistRules() {}

  static void checkBaseline(Baseline baseline) {
    if (baseline.targets().isEmpty() && baseline.nonTargets().isEmpty()) {
      throw new InvalidRecistDataException("baseline: no target and no non-target lesion; RECIST needs at least one");
    }
    if (baseline.targets().size() > MAX_TARGETS) {
      throw new InvalidRecistDataException(
          "baseline.targets: " + baseline.targets().size() + " target lesions; RECIST 1.1 allows at most " + MAX_TARGETS);
    }
    Set<String> ids = new HashSet<>();
    Map<String, Integer> perOrgan = new HashMap<>();
    for (TargetLesion t : baseline.targets()) {
      requireId(t.id(), "baseline.targets", ids);
      String organ = organKey(t.organ(), "baseline target '" + t.id() + "'");
      int n = perOrgan.merge(organ, 1, Integer::sum);
      if (n > MAX_TARGETS_PER_ORGAN) {
        throw new InvalidRecistDataException("baseline target '" + t.id() + "': more than " + MAX_TARGETS_PER_ORGAN
            + " target lesions in organ '" + t.organ().trim() + "'; RECIST 1.1 allows at most two per organ");
      }
      if (t.mm().compareTo(MAX_MM) > 0) {
        throw new InvalidRecistDataException("baseline target '" + t.id() + "': " + t.mm() + " mm is more than "
            + MAX_MM + " mm; check the unit (millimetres)");
      }
      if (t.node() && t.mm().compareTo(MIN_NODAL_SHORT_AXIS_MM) < 0) {
        throw new InvalidRecistDataException("baseline target '" + t.id() + "': lymph node short axis "
            + t.mm() + " mm is below the 15 mm a nodal target lesion needs");
      }
      if (!t.node() && t.mm().compareTo(MIN_NON_NODAL_MM) < 0) {
        throw new InvalidRecistDataException("baseline target '" + t.id() + "': longest diameter "
            + t.mm() + " mm is below the 10 mm a non-nodal target lesion needs");
      }
    }
    for (NonTargetLesion n : baseline.nonTargets()) {
      requireId(n.id(), "baseline.nonTargets", ids);
      organKey(n.organ(), "baseline non-target '" + n.id() + "'");
    }
  }

  static void checkAssessments(Baseline baseline, List<Assessment> assessments) {
    Set<String> targetIds = new HashSet<>();
    baseline.targets().forEach(t -> targetIds.add(t.id()));
    Set<String> nonTargetIds = new HashSet<>();
    baseline.nonTargets().forEach(n -> nonTargetIds.add(n.id()));
    LocalDate previous = baseline.date();
    for (int i = 0; i < assessments.size(); i++) {
      Assessment a = assessments.get(i);
      String where = "assessments[" + i + "] (" + a.date() + ")";
      if (!a.date().isAfter(previous)) {
        throw new InvalidRecistDataException(where + ": date must be after "
            + (i == 0 ? "the baseline date " : "the previous assessment date ") + previous
            + "; assessments are listed in date order");
      }
      previous = a.date();
      for (Map.Entry<String, BigDecimal> e : a.targets().entrySet()) {
        String id = e.getKey();
        if (!targetIds.contains(id)) {
          throw new InvalidRecistDataException(where + ": targets: '" + id + "' is "
              + (nonTargetIds.contains(id) ? "a non-target lesion, not a target" : "not a baseline target lesion"));
        }
        if (e.getValue() != null && (e.getValue().signum() < 0 || e.getValue().compareTo(MAX_MM) > 0)) {
          throw new InvalidRecistDataException(where + ": targets: '" + id + "' measures " + e.getValue()
              + " mm; must be between 0 and " + MAX_MM + " mm");
        }
      }
      for (String id : a.nonTargets().keySet()) {
        if (!nonTargetIds.contains(id)) {
          throw new InvalidRecistDataException(where + ": nonTargets: '" + id + "' is "
              + (targetIds.contains(id) ? "a target lesion, not a non-target" : "not a baseline non-target lesion"));
        }
        if (a.nonTargets().get(id) == null) {
          throw new InvalidRecistDataException(where + ": nonTargets: '" + id + "' has no status");
        }
      }
    }
  }

  private static void requireId(String id, String field, Set<String> seen) {
    if (id.isBlank()) {
      throw new InvalidRecistDataException(field + ": a lesion has an empty id");
    }
    if (!seen.add(id)) {
      throw new InvalidRecistDataException(field + ": lesion id '" + id + "' is used twice; ids must be unique");
    }
  }

  private static String organKey(String organ, String where) {
    if (organ.isBlank()) {
      throw new InvalidRecistDataException(where + ": organ is empty");
    }
    return organ.trim().toLowerCase(Locale.ROOT);
  }
}
