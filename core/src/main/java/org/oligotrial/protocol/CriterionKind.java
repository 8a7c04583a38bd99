package org.oligotrial.protocol;

/** Whether a criterion must hold (inclusion) or must not hold (exclusion). */
public enum CriterionKind {
  /** The rule states what must be true; the criterion passes when it is. */
  INCLUSION,
  /** The rule states the excluding condition; the criterion passes when it is false. */
  EXCLUSION
}
