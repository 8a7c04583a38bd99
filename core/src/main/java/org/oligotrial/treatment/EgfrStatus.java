package org.oligotrial.treatment;

/** The result of the EGFR gene test. */
public enum EgfrStatus {
  /** An EGFR-sensitising mutation was found. */
  MUTANT,
  /** No EGFR-sensitising mutation. */
  WILD_TYPE,
  /** Not tested yet or no result: no systemic regimen can be chosen, so randomization waits. */
  UNKNOWN
}
