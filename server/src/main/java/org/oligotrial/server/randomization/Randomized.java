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
 * @param arm the allocated arm's id, as in the protocol's {@code arms[].id}
 * @param date the randomization date: day 0 of the visit schedule and of every endpoint
 * @param factorLevels stratification factor id (as stored; the protocol's {@code formerIds} name earlier ids) to
 *     level code; a factor may be missing
 * @param regimenCategory the category of the systemic regimen in the treatment plan made at randomization, as the
 *     protocol's {@code systemicTherapy.regimens[].category} and the visits' {@code regimenCategory} name it (for
 *     example {@code targeted} or {@code chemotherapy}); null when the protocol chooses no regimen
 */
public record Randomized(String participantId, String arm, LocalDate date, Map<String, String> factorLevels,
    String regimenCategory) {
  public Randomized {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(date, "date");
    factorLevels = Collections.unmodifiableMap(new LinkedHashMap<>(factorLevels));
  }
}
