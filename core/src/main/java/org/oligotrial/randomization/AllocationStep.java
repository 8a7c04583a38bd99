package org.oligotrial.randomization;

import java.util.Objects;

/**
 * The result of one randomization: the allocation and the state after it, which the caller persists in the same
 * transaction as the allocation.
 *
 * @param allocation the new allocation
 * @param state the state with the allocation counted
 */
public record AllocationStep(Allocation allocation, RandomizationState state) {
  public AllocationStep {
    Objects.requireNonNull(allocation, "allocation");
    Objects.requireNonNull(state, "state");
  }
}
