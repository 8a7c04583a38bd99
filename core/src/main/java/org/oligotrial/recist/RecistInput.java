package org.oligotrial.recist;

import java.util.List;
import java.util.Objects;

/**
 * A participant's RECIST data as read from the JSON input format (docs/schema/recist-input.schema.json).
 *
 * @param baseline the baseline assessment
 * @param assessments follow-up assessments in the order given
 */
public record RecistInput(Baseline baseline, List<Assessment> assessments) {
  public RecistInput {
    Objects.requireNonNull(baseline, "baseline");
    assessments = List.copyOf(assessments);
  }
}
