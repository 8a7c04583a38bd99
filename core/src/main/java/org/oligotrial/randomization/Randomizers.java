package org.oligotrial.randomization;

/** Creates the randomizer a scheme names. */
public final class Randomizers {
  private Randomizers() {}

  /** The randomizer for {@code scheme}'s method, keyed by {@code seed}. */
  public static Randomizer create(RandomizationScheme scheme, SecretSeed seed) {
    MethodParameters m = scheme.method();
    if (m instanceof MethodParameters.PermutedBlocks) {
      return new PermutedBlockRandomizer(scheme, seed);
    }
    if (m instanceof MethodParameters.Minimization) {
      return new MinimizationRandomizer(scheme, seed);
    }
    return new SimpleRandomizer(scheme, seed);
  }
}
