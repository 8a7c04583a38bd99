package org.oligotrial.eligibility;

/** The overall screening verdict. */
public enum Verdict {
  /** Every criterion passes. */
  ELIGIBLE,
  /** At least one criterion fails. */
  INELIGIBLE,
  /** No criterion fails but at least one cannot be decided: data are missing. */
  INCOMPLETE
}
