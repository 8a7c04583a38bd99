package org.oligotrial.eligibility;

/** The outcome of one criterion. An exclusion criterion passes when its excluding condition is absent. */
public enum CriterionStatus {
  /** The criterion is met (inclusion) or the excluding condition is absent (exclusion), or it does not apply. */
  PASS,
  /** The criterion is not met (inclusion) or the excluding condition is present (exclusion). */
  FAIL,
  /** A field it needs is unknown. */
  UNKNOWN
}
