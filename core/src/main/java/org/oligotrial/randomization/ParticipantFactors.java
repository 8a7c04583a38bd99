package org.oligotrial.randomization;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A participant's level on each stratification factor, for example {@code histology -> non-squamous}. Validated
 * against a scheme when it is used ({@link RandomizationScheme#levelIndices}). Immutable; keeps insertion order.
 *
 * @param levels factor name to level name; no null keys or values
 */
public record ParticipantFactors(Map<String, String> levels) {
  public ParticipantFactors {
    Objects.requireNonNull(levels, "factor levels");
    levels.forEach((k, v) -> {
      Objects.requireNonNull(k, "factor name");
      Objects.requireNonNull(v, "level of factor " + k);
    });
    levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
  }

  /** No factors (simple randomization without strata). */
  public static ParticipantFactors none() {
    return new ParticipantFactors(Map.of());
  }
}
