package org.oligotrial.recist;

import java.util.Objects;

/**
 * One finding of the RECIST 1.1 baseline rules, attached to the lesion it concerns.
 *
 * @param lesionId the lesion the finding is about; null for a finding about the whole baseline (e.g. no lesion)
 * @param rule the rule broken, a stable code for programs (see {@link BaselineRules})
 * @param severity {@link Severity#ERROR} when the baseline cannot be evaluated as recorded, {@link Severity#WARNING}
 *     when it can but a reader should look again
 * @param message the finding in a radiologist's words, naming the lesion
 */
public record BaselineFinding(String lesionId, String rule, Severity severity, String message) {
  /** How serious a finding is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** @throws NullPointerException if rule, severity or message is null */
  public BaselineFinding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** Whether this finding blocks evaluation. */
  public boolean error() {
    return severity == Severity.ERROR;
  }
}
