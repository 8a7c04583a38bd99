package org.oligotrial.server.randomization;

import java.time.Instant;
import org.oligotrial.randomization.Allocation;
import org.oligotrial.randomization.AllocationBasis;
import org.oligotrial.randomization.ParticipantFactors;

/**
 * One participant's randomization as stored: immutable once written (no update or delete path; database triggers
 * refuse both).
 *
 * @param participantId the participant
 * @param sequence 1-based sequence number within the trial
 * @param siteCode the participant's site
 * @param randomizedAt when (UTC)
 * @param randomizedBy who (username)
 * @param screeningVersion the screening version the factor levels were derived from
 * @param factors the factor levels used (the protocol's factor ids)
 * @param stratum the stratum key
 * @param method the method's name
 * @param basis list position, or minimization scores and draw, or simple draw
 * @param armIndex the arm's index in the ratio
 * @param arm the arm's code
 * @param plan the treatment plan
 */
public record RandomizationRecord(
    String participantId,
    int sequence,
    String siteCode,
    Instant randomizedAt,
    String randomizedBy,
    int screeningVersion,
    ParticipantFactors factors,
    String stratum,
    String method,
    AllocationBasis basis,
    int armIndex,
    String arm,
    PlanView plan) {

  /** The allocation as the core library records it, for replay. */
  public Allocation allocation() {
    return new Allocation(sequence, factors, stratum, method, armIndex, arm, basis);
  }
}
