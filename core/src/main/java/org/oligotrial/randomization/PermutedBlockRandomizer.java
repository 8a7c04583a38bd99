package org.oligotrial.randomization;

import java.util.Objects;

/**
 * Stratified permuted blocks with random block sizes: the participant takes the next unused entry of its stratum's
 * sealed list (entry number {@code state.stratumTotal(stratum) + 1}), regenerated from the secret seed by {@link
 * StratumList}. Within a stratum the imbalance is bounded by half the largest block (for 1:1) and is zero, per
 * ratio, at the end of every block; across the trial, strata whose last block is unfinished add up. The list itself
 * is never exposed here. Immutable and thread-safe.
 */
public final class PermutedBlockRandomizer implements Randomizer {
  private final RandomizationScheme scheme;
  private final MethodParameters.PermutedBlocks parameters;
  private final SecretSeed seed;

  /**
   * @throws IllegalArgumentException when the scheme's method is not permuted blocks
   */
  public PermutedBlockRandomizer(RandomizationScheme scheme, SecretSeed seed) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.seed = Objects.requireNonNull(seed, "seed");
    if (!(scheme.method() instanceof MethodParameters.PermutedBlocks b)) {
      throw new IllegalArgumentException("the scheme's method is " + scheme.method().methodName() + ", not blocks");
    }
    this.parameters = b;
  }

  @Override
  public RandomizationScheme scheme() {
    return scheme;
  }

  @Override
  public AllocationStep allocate(RandomizationState state, ParticipantFactors participant) {
    String stratum = scheme.stratumKey(participant);
    StratumList.Entry e = StratumList.entry(seed, scheme, parameters, stratum, state.stratumTotal(stratum));
    Allocation a = new Allocation(state.allocated() + 1, participant, stratum, parameters.methodName(), e.arm(),
        scheme.ratio().arms().get(e.arm()), e.position());
    return new AllocationStep(a, state.after(scheme, a));
  }
}
