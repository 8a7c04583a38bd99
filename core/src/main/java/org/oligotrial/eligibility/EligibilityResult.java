package org.oligotrial.eligibility;

import java.util.List;

/**
 * The screening outcome for one candidate: any FAIL gives {@link Verdict#INELIGIBLE}; otherwise any UNKNOWN gives
 * {@link Verdict#INCOMPLETE}; otherwise {@link Verdict#ELIGIBLE}. Immutable.
 *
 * @param id the record's id (may be null when the record has none)
 * @param protocolId the id of the protocol applied
 * @param verdict the verdict
 * @param criteria one result per criterion, in the protocol's order
 * @param missing the field paths still needed to decide the UNKNOWN criteria (deduplicated, in criterion order);
 *     empty unless the verdict is INCOMPLETE or some criteria are unknown besides a failure
 */
public record EligibilityResult(String id, String protocolId, Verdict verdict, List<CriterionResult> criteria,
    List<String> missing) {

  /** The ids of the failed criteria, in protocol order. */
  public List<String> failed() {
    return criteria.stream().filter(c -> c.status() == CriterionStatus.FAIL).map(CriterionResult::id).toList();
  }

  /** The ids of the undecided criteria, in protocol order. */
  public List<String> unknown() {
    return criteria.stream().filter(c -> c.status() == CriterionStatus.UNKNOWN).map(CriterionResult::id).toList();
  }
}
