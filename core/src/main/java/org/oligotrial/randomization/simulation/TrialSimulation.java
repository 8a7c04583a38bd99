package org.oligotrial.randomization.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.oligotrial.randomization.MethodParameters;
import org.oligotrial.randomization.RandomizationScheme;

/**
 * Simulates many trials of {@code participants} participants whose factor levels are drawn independently with the
 * given prevalences, and randomizes each simulated cohort with every scheme (the same cohorts for every method, so the
 * methods are compared on equal terms).
 *
 * <p>Guessing rules for predictability (Blackwell and Hodges [1]): the site knows every past allocation and the new
 * participant's levels. Permuted blocks: it guesses the arm with the fewest ratio-adjusted allocations so far in the
 * stratum's current block (the convergence strategy; it assumes the block boundaries are known, so with random block
 * sizes it is an upper bound). Minimization: a minimizing arm. Simple: the arm with the largest ratio weight. A tie
 * is guessed at random, which counts as {@code 1 / ties} of a correct guess.
 *
 * <p>Run {@code r} draws its cohort from {@code SplittableRandom(seed + r * 0x9E3779B97F4A7C15)} and its allocations
 * from an independent generator seeded alike, so results do not depend on how runs are spread over threads. Runs
 * execute in parallel; each thread reuses one work space. Thread-safe (no shared mutable state).
 *
 * <p>References:
 *
 * <ol>
 *   <li>Blackwell D, Hodges JL. Design for the control of selection bias. Ann Math Stat. 1957;28(2):449-460.
 *       doi:10.1214/aoms/1177706973
 * </ol>
 */
public final class TrialSimulation {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private TrialSimulation() {}

  /**
   * Runs the simulation for each scheme.
   *
   * @param schemes the methods to compare; all on the same factors
   * @param levelProbabilities per factor, the probability of each level (each row sums to 1)
   * @param participants participants per simulated trial, 1 to 100000
   * @param runs simulated trials, 1 to 1000000
   * @param seed the simulation seed
   * @return one summary per scheme, in order
   * @throws IllegalArgumentException when the probabilities do not fit the factors, the counts are out of range or
   *     participants x runs exceeds 500,000,000
   */
  public static List<MethodSummary> run(
      List<RandomizationScheme> schemes, double[][] levelProbabilities, int participants, int runs, long seed) {
    Objects.requireNonNull(schemes, "schemes");
    if (schemes.isEmpty()) {
      throw new IllegalArgumentException("nothing to simulate: no method given");
    }
    if (participants < 1 || participants > 100_000) {
      throw new IllegalArgumentException("participants must be from 1 to 100000, got " + participants);
    }
    if (runs < 1 || runs > 1_000_000) {
      throw new IllegalArgumentException("runs must be from 1 to 1000000, got " + runs);
    }
    if ((long) participants * runs > 500_000_000L) {
      throw new IllegalArgumentException(
          "participants x runs must be at most 500000000 (about a minute per method), got " + (long) participants * runs);
    }
    RandomizationScheme first = schemes.get(0);
    for (RandomizationScheme s : schemes) {
      if (!s.factors().equals(first.factors())) {
        throw new IllegalArgumentException("all methods must use the same factors");
      }
    }
    checkProbabilities(first, levelProbabilities);
    List<MethodSummary> out = new ArrayList<>();
    for (RandomizationScheme scheme : schemes) {
      out.add(simulate(scheme, levelProbabilities, participants, runs, seed));
    }
    return out;
  }

  private static MethodSummary simulate(
      RandomizationScheme scheme, double[][] probabilities, int participants, int runs, long seed) {
    double[] overall = new double[runs];
    double[] level = new double[runs];
    double[] incomplete = new double[runs];
    double[] guesses = new double[runs];
    int factors = scheme.factors().size();
    int arms = scheme.ratio().armCount();
    java.util.Queue<long[]> totalsPerThread = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.Queue<long[][][]> levelsPerThread = new java.util.concurrent.ConcurrentLinkedQueue<>();
    ThreadLocal<long[]> totals = ThreadLocal.withInitial(() -> {
      long[] t = new long[arms];
      totalsPerThread.add(t);
      return t;
    });
    ThreadLocal<long[][][]> levelTotals = ThreadLocal.withInitial(() -> {
      long[][][] t = new long[factors][][];
      for (int f = 0; f < factors; f++) {
        t[f] = new long[scheme.factors().get(f).levels().size()][arms];
      }
      levelsPerThread.add(t);
      return t;
    });
    ThreadLocal<SimulationRun> workspace = ThreadLocal.withInitial(() -> new SimulationRun(scheme));
    ThreadLocal<int[][]> cohorts = ThreadLocal.withInitial(() -> new int[participants][factors]);
    IntStream.range(0, runs).parallel().forEach(r -> {
      int[][] cohort = cohorts.get();
      SplittableRandom people = new SplittableRandom(seed + r * GOLDEN);
      for (int i = 0; i < participants; i++) {
        for (int f = 0; f < factors; f++) {
          cohort[i][f] = drawLevel(probabilities[f], people.nextDouble());
        }
      }
      SimulationRun run = workspace.get();
      run.run(cohort, participants, new SplittableRandom((seed + r * GOLDEN) ^ 0x5DEECE66DL));
      overall[r] = run.overallImbalance();
      level[r] = run.worstLevelImbalance();
      incomplete[r] = run.incompleteBlockShare();
      guesses[r] = run.correctGuesses() / participants;
      run.addCounts(totals.get(), levelTotals.get());
    });
    // integer sums, so the result does not depend on how runs were spread over threads
    long[] armSum = new long[arms];
    totalsPerThread.forEach(t -> {
      for (int k = 0; k < arms; k++) {
        armSum[k] += t[k];
      }
    });
    long[][][] levelSum = new long[factors][][];
    for (int f = 0; f < factors; f++) {
      levelSum[f] = new long[scheme.factors().get(f).levels().size()][arms];
    }
    levelsPerThread.forEach(t -> {
      for (int f = 0; f < factors; f++) {
        for (int l = 0; l < t[f].length; l++) {
          for (int k = 0; k < arms; k++) {
            levelSum[f][l][k] += t[f][l][k];
          }
        }
      }
    });
    List<MethodSummary.LevelBalance> levels = new ArrayList<>();
    for (int f = 0; f < factors; f++) {
      for (int l = 0; l < levelSum[f].length; l++) {
        long n = java.util.Arrays.stream(levelSum[f][l]).sum();
        levels.add(new MethodSummary.LevelBalance(scheme.factors().get(f).name(),
            scheme.factors().get(f).levels().get(l), (double) n / runs, shares(scheme, levelSum[f][l], runs)));
      }
    }
    double guessRate = 0;
    for (double g : guesses) {
      guessRate += g;
    }
    boolean blocks = scheme.method() instanceof MethodParameters.PermutedBlocks;
    return new MethodSummary(scheme.method().methodName(), describe(scheme.method()), Distribution.of(overall),
        Distribution.of(level), blocks ? Distribution.of(incomplete) : null, guessRate / runs,
        shares(scheme, armSum, runs), levels);
  }

  private static List<MethodSummary.ArmShare> shares(RandomizationScheme scheme, long[] counts, int runs) {
    long all = java.util.Arrays.stream(counts).sum();
    List<MethodSummary.ArmShare> out = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      out.add(new MethodSummary.ArmShare(scheme.ratio().arms().get(k),
          scheme.ratio().weights().get(k) / (double) scheme.ratio().sum(), (double) counts[k] / runs,
          all == 0 ? 0 : (double) counts[k] / all));
    }
    return out;
  }

  /** The method's parameters in words, for reports. */
  public static String describe(MethodParameters m) {
    if (m instanceof MethodParameters.PermutedBlocks b) {
      return "block sizes " + b.blockSizes();
    }
    if (m instanceof MethodParameters.Minimization mm) {
      return "p=" + mm.preferredArmProbability() + ", " + mm.measure().name().toLowerCase(java.util.Locale.ROOT)
          + ", weights " + mm.factorWeights();
    }
    return "unrestricted";
  }

  static int drawLevel(double[] probabilities, double u) {
    double cumulative = 0;
    for (int l = 0; l < probabilities.length - 1; l++) {
      cumulative += probabilities[l];
      if (u < cumulative) {
        return l;
      }
    }
    return probabilities.length - 1;
  }

  private static void checkProbabilities(RandomizationScheme scheme, double[][] p) {
    Objects.requireNonNull(p, "level probabilities");
    if (p.length != scheme.factors().size()) {
      throw new IllegalArgumentException("level probabilities given for " + p.length + " factors, the scheme has "
          + scheme.factors().size() + " factors");
    }
    for (int f = 0; f < p.length; f++) {
      String name = scheme.factors().get(f).name();
      if (p[f].length != scheme.factors().get(f).levels().size()) {
        throw new IllegalArgumentException("factor " + name + " needs one probability per level");
      }
      double sum = 0;
      for (double v : p[f]) {
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("probabilities of factor " + name + " must be from 0 to 1, got " + v);
        }
        sum += v;
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException("probabilities of factor " + name + " add up to " + sum + ", not 1");
      }
    }
  }
}
