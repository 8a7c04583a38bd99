package org.oligotrial.recist;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The baseline tumour assessment: its date, the target lesions (measured) and the non-target lesions. The rules of
 * RECIST 1.1 section 4.2 are checked by {@link RecistEvaluator}, not here.
 *
 * @param date date of the baseline scan
 * @param targets target lesions, possibly empty (non-target disease only)
 * @param nonTargets non-target lesions, possibly empty
 */
public record Baseline(LocalDate date, List<TargetLesion> targets, List<NonTargetLesion> nonTargets) {
  /** @throws NullPointerException if an argument or a list element is null */
  public Baseline {
    Objects.requireNonNull(date, "date");
    targets = List.copyOf(targets);
    nonTargets = List.copyOf(nonTargets);
  }
}
