package org.oligotrial.randomization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pocock-Simon minimization ({@link MinimizationRule}) over the scheme's factors. The uniform draw of allocation
 * number {@code s} is the first draw of {@code KeyedStream(seed, "minimization/" + s)}: fixed by the seed and the
 * sequence number, unknown without the seed, and recorded in the allocation so that {@link #allocateWithDraw} can
 * check it later without the seed. Immutable and thread-safe.
 */
public final class MinimizationRandomizer implements Randomizer {
  private final RandomizationScheme scheme;
  private final MethodParameters.Minimization parameters;
  private final SecretSeed seed;

  /**
   * @throws IllegalArgumentException when the scheme's method is not minimization
   */
  public MinimizationRandomizer(RandomizationScheme scheme, SecretSeed seed) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.seed = Objects.requireNonNull(seed, "seed");
    if (!(scheme.method() instanceof MethodParameters.Minimization m)) {
      throw new IllegalArgumentException("the scheme's method is " + scheme.method().methodName() + ", not minimization");
    }
    this.parameters = m;
  }

  @Override
  public RandomizationScheme scheme() {
    return scheme;
  }

  @Override
  public AllocationStep allocate(RandomizationState state, ParticipantFactors participant) {
    double u = KeyedStream.firstDouble(seed, "minimization/" + (state.allocated() + 1));
    return allocateWithDraw(scheme, state, participant, u);
  }

  /**
   * The allocation minimization makes with the given draw: what {@link #allocate} does after drawing {@code u}. Lets
   * anyone holding the allocation log (but not the seed) check every minimization allocation.
   *
   * @param draw {@code u} in {@code [0, 1)}
   * @throws IllegalArgumentException when the scheme is not minimization, the draw is outside {@code [0, 1)} or a
   *     level is missing or unknown
   */
  public static AllocationStep allocateWithDraw(
      RandomizationScheme scheme, RandomizationState state, ParticipantFactors participant, double draw) {
    if (!(scheme.method() instanceof MethodParameters.Minimization m)) {
      throw new IllegalArgumentException("the scheme's method is " + scheme.method().methodName() + ", not minimization");
    }
    if (!(draw >= 0 && draw < 1)) {
      throw new IllegalArgumentException("a draw must be in [0, 1), got " + draw);
    }
    int[] levels = scheme.levelIndices(participant);
    int arms = scheme.ratio().armCount();
    int[][] counts = new int[levels.length][arms];
    double[] weights = new double[levels.length];
    for (int f = 0; f < levels.length; f++) {
      String key = scheme.levelKey(f, levels[f]);
      for (int k = 0; k < arms; k++) {
        counts[f][k] = state.levelCount(key, k);
      }
      weights[f] = m.factorWeights().get(f);
    }
    double[] scores = new double[arms];
    MinimizationRule.scores(counts, weights, scheme.ratio().weightArray(), m.measure(), new double[arms], scores);
    int arm = MinimizationRule.choose(scores, m.preferredArmProbability(), draw);
    List<Double> scoreList = new ArrayList<>();
    List<String> minimizing = new ArrayList<>();
    for (int k = 0; k < arms; k++) {
      scoreList.add(scores[k]);
      if (MinimizationRule.isMinimizing(scores, k)) {
        minimizing.add(scheme.ratio().arms().get(k));
      }
    }
    Allocation a = new Allocation(state.allocated() + 1, participant, scheme.stratumKey(levels), m.methodName(), arm,
        scheme.ratio().arms().get(arm),
        new AllocationBasis.MinimizationScores(scoreList, minimizing, m.preferredArmProbability(), draw));
    return new AllocationStep(a, state.after(scheme, a));
  }
}
