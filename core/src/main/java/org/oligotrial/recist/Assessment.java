package org.oligotrial.recist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One follow-up tumour assessment.
 *
 * @param date date of the scan
 * @param targets target lesion id to its measure in mm (longest diameter, short axis for nodes); a null value, or
 *     a baseline target missing from the map, means "not evaluated". A lesion that disappeared is 0 mm.
 * @param nonTargets non-target lesion id to its status; a baseline non-target missing from the map is not evaluated
 * @param newLesions whether new lesions were seen
 */
public record Assessment(
    LocalDate date, Map<String, BigDecimal> targets, Map<String, NonTargetStatus> nonTargets, NewLesions newLesions) {
  /** Copies the maps (keeping their order; null measures allowed). @throws NullPointerException for null arguments */
  public Assessment {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(newLesions, "newLesions");
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    nonTargets = Collections.unmodifiableMap(new LinkedHashMap<>(nonTargets));
  }
}
