package org.oligotrial.recist;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The evaluation of a participant's structured tumour assessments.
 *
 * @param recist the RECIST 1.1 evaluation: sums, changes from baseline and nadir, target, non-target and overall
 *     response per assessment, best overall response and the date of first progression
 * @param warnings baseline findings that do not block evaluation ({@link BaselineFinding.Severity#WARNING})
 * @param lesionProgressions progression attributed to lesions, in date order then lesion order; a lesion appears
 *     once, at its first progression
 * @param progressionSites the lesion progressions that make up the first RECIST progression (empty without
 *     progression)
 * @param scopeProgression the first progression of each {@link LesionScope} (RECIST 1.1 applied to its lesions
 *     alone); a scope without progression is absent
 */
public record TumourEvaluation(
    RecistEvaluation recist,
    List<BaselineFinding> warnings,
    List<LesionProgression> lesionProgressions,
    List<LesionProgression> progressionSites,
    java.util.Map<LesionScope, LocalDate> scopeProgression) {
  public TumourEvaluation {
    Objects.requireNonNull(recist, "recist");
    warnings = List.copyOf(warnings);
    lesionProgressions = List.copyOf(lesionProgressions);
    progressionSites = List.copyOf(progressionSites);
    java.util.Map<LesionScope, LocalDate> copy = new java.util.EnumMap<>(LesionScope.class);
    copy.putAll(scopeProgression);
    scopeProgression = java.util.Collections.unmodifiableMap(copy);
  }

  /** The first progression of the lesions of a scope, or null (see {@link TumourEvaluator#progressionDate}). */
  public LocalDate progressionDate(LesionScope scope) {
    return scopeProgression.get(scope);
  }

  /** The date of first RECIST progression, or null. */
  public LocalDate progressionDate() {
    return recist.progressionDate();
  }
}
