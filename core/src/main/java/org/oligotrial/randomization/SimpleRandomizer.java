package org.oligotrial.randomization;

import java.util.Objects;

/**
 * Simple (unrestricted) randomization: allocation number {@code s} draws {@code u} as the first draw of {@code
 * KeyedStream(seed, "simple/" + s)} and takes arm {@code k} when {@code c_{k-1} <= u < c_k} with the cumulative
 * ratio {@code c_k = (r_1 + ... + r_k) / R}, so arm {@code k} has probability {@code r_k / R} independently of all
 * other participants. Balance is left to chance. Immutable and thread-safe.
 */
public final class SimpleRandomizer implements Randomizer {
  private final RandomizationScheme scheme;
  private final SecretSeed seed;

  /**
   * @throws IllegalArgumentException when the scheme's method is not simple randomization
   */
  public SimpleRandomizer(RandomizationScheme scheme, SecretSeed seed) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.seed = Objects.requireNonNull(seed, "seed");
    if (!(scheme.method() instanceof MethodParameters.Simple)) {
      throw new IllegalArgumentException("the scheme's method is " + scheme.method().methodName() + ", not simple");
    }
  }

  @Override
  public RandomizationScheme scheme() {
    return scheme;
  }

  @Override
  public AllocationStep allocate(RandomizationState state, ParticipantFactors participant) {
    return allocateWithDraw(scheme, state, participant, KeyedStream.firstDouble(seed, "simple/" + (state.allocated() + 1)));
  }

  /** The arm index for draw {@code u}: the first {@code k} with {@code u < (r_1 + ... + r_k) / R}. */
  public static int armForDraw(int[] ratio, int ratioSum, double u) {
    int cumulative = 0;
    for (int k = 0; k < ratio.length; k++) {
      cumulative += ratio[k];
      if (u * ratioSum < cumulative) {
        return k;
      }
    }
    return ratio.length - 1;
  }

  /**
   * The allocation simple randomization makes with the given draw; lets anyone holding the log check it.
   *
   * @throws IllegalArgumentException when the draw is outside {@code [0, 1)} or a level is missing or unknown
   */
  public static AllocationStep allocateWithDraw(
      RandomizationScheme scheme, RandomizationState state, ParticipantFactors participant, double draw) {
    if (!(draw >= 0 && draw < 1)) {
      throw new IllegalArgumentException("a draw must be in [0, 1), got " + draw);
    }
    String stratum = scheme.stratumKey(participant);
    int arm = armForDraw(scheme.ratio().weightArray(), scheme.ratio().sum(), draw);
    Allocation a = new Allocation(state.allocated() + 1, participant, stratum, "simple", arm,
        scheme.ratio().arms().get(arm), new AllocationBasis.SimpleDraw(draw));
    return new AllocationStep(a, state.after(scheme, a));
  }
}
