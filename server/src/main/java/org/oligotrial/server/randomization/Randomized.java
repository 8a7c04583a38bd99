package org.oligotrial.server.randomization;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What data capture needs of a participant's randomization record.
 *
 * @param participantId the participant
 * @param arm the allocated arm id, {@code RT+} or {@code RT-}
 * @param date the randomization date: day 0 of the visit schedule and of every endpoint
 * @param factorLevels stratification factor id (as in the protocol file: {@code histology, therapy, intracranial,
 *     metastases, thoracic-stage}) to level code; a factor may be missing
 */
public record Randomized(String participantId, String arm, LocalDate date, Map<String, String> factorLevels) {
  public Randomized {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(date, "date");
    factorLevels = Collections.unmodifiableMap(new LinkedHashMap<>(factorLevels));
  }

  /**
   * The regimen category of the first-line therapy as the schedule's visits name it: {@code targeted} for the
   * {@code therapy} level {@code targeted}, {@code chemotherapy} for {@code non-targeted}, null when not recorded.
   */
  public String regimenCategory() {
    String level = factorLevels.get("therapy");
    if ("targeted".equals(level)) {
      return "targeted";
    }
    return "non-targeted".equals(level) ? "chemotherapy" : null;
  }
}
