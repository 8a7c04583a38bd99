package org.oligotrial.randomization;

/**
 * Assigns the next participant to an arm. A pure function of the secret seed held by the implementation, the state
 * and the participant's factor levels: calling it twice with the same arguments gives the same allocation, and
 * nothing is remembered between calls. The caller (the server, under a per-trial lock) reads the state, calls
 * {@link #allocate}, and stores the allocation and the new state in one transaction.
 *
 * <p>Implementations ({@link Randomizers#create}) are immutable and thread-safe. They never expose the seed, the
 * block lists or the next allocation: an allocation exists only once it is made. The statistician's list export is
 * {@link AllocationListExport}.
 */
public interface Randomizer {

  /** The scheme this randomizer follows. */
  RandomizationScheme scheme();

  /**
   * Allocates the participant with sequence number {@code state.allocated() + 1}.
   *
   * @param state the state after all earlier allocations (start with {@link RandomizationState#empty})
   * @param participant the participant's level on every factor of the scheme
   * @return the allocation and the state after it
   * @throws IllegalArgumentException naming the factor when a level is missing or unknown
   */
  AllocationStep allocate(RandomizationState state, ParticipantFactors participant);
}
