package org.oligotrial.randomization;

import java.util.Objects;

/**
 * One treatment assignment, as it goes into the allocation log. Immutable.
 *
 * @param sequence 1-based sequence number within the trial
 * @param factors the participant's factor levels
 * @param stratumKey the participant's stratum ({@link RandomizationScheme#stratumKey})
 * @param method the method's name ({@link MethodParameters#methodName()})
 * @param armIndex the arm's index in {@link AllocationRatio#arms()}
 * @param arm the arm's code, for example {@code RT+}
 * @param basis the list position or the random draw that decided the arm
 */
public record Allocation(
    int sequence, ParticipantFactors factors, String stratumKey, String method, int armIndex, String arm,
    AllocationBasis basis) {
  public Allocation {
    Objects.requireNonNull(factors, "factors");
    Objects.requireNonNull(stratumKey, "stratum key");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(basis, "basis");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1, got " + sequence);
    }
  }

  /** One line explaining the allocation, for the log and for the investigator's confirmation. */
  public String explain() {
    return "#" + sequence + " " + arm + " (" + method + ", stratum " + stratumKey + "): " + basis.explain();
  }
}
