package org.oligotrial.randomization.simulation;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.oligotrial.randomization.ImbalanceMeasure;
import org.oligotrial.randomization.MethodParameters;
import org.oligotrial.randomization.MinimizationRule;
import org.oligotrial.randomization.PermutedBlock;
import org.oligotrial.randomization.RandomizationScheme;
import org.oligotrial.randomization.SimpleRandomizer;

/**
 * The work space of one simulated trial for one scheme: plain arrays, reset and reused from run to run, so the hot
 * path allocates nothing. Not thread-safe: one instance per thread.
 */
final class SimulationRun {
  private final MethodParameters method;
  private final int arms;
  private final int[] ratio;
  private final int ratioSum;
  private final int[] levelCounts; // levels per factor
  private final int[] radix; // stratum index = sum level[f] * radix[f]
  private final int[] blockSizes;
  private final double[] weights;
  private final ImbalanceMeasure measure;
  private final double p;

  private final int[] armTotals;
  private final int[][][] byLevel; // [factor][level][arm]
  private final int[][] byStratum; // [stratum][arm]
  private final int[][] block; // [stratum][position]
  private final int[] blockSize;
  private final int[] blockPos;
  private final int[][] view; // [factor][arm]
  private final double[] scratch;
  private final double[] scores;
  private final double[] adjusted;
  private double credit;

  SimulationRun(RandomizationScheme scheme) {
    this.method = scheme.method();
    this.arms = scheme.ratio().armCount();
    this.ratio = scheme.ratio().weightArray();
    this.ratioSum = scheme.ratio().sum();
    int factors = scheme.factors().size();
    this.levelCounts = scheme.factors().stream().mapToInt(f -> f.levels().size()).toArray();
    this.radix = new int[factors];
    int r = 1;
    for (int f = factors - 1; f >= 0; f--) {
      radix[f] = r;
      r *= levelCounts[f];
    }
    int strata = r;
    int maxBlock = 1;
    if (method instanceof MethodParameters.PermutedBlocks b) {
      blockSizes = b.blockSizes().stream().mapToInt(Integer::intValue).toArray();
      maxBlock = b.largestBlock();
    } else {
      blockSizes = new int[0];
    }
    if (method instanceof MethodParameters.Minimization m) {
      weights = m.factorWeights().stream().mapToDouble(Double::doubleValue).toArray();
      measure = m.measure();
      p = m.preferredArmProbability();
    } else {
      weights = new double[0];
      measure = ImbalanceMeasure.RANGE;
      p = 1;
    }
    armTotals = new int[arms];
    byLevel = new int[factors][][];
    for (int f = 0; f < factors; f++) {
      byLevel[f] = new int[levelCounts[f]][arms];
    }
    byStratum = new int[strata][arms];
    boolean blocks = method instanceof MethodParameters.PermutedBlocks;
    block = new int[blocks ? strata : 0][maxBlock];
    blockSize = new int[blocks ? strata : 0];
    blockPos = new int[blocks ? strata : 0];
    view = new int[factors][];
    scratch = new double[arms];
    scores = new double[arms];
    adjusted = new double[arms];
  }

  /** Randomizes {@code participants} (level indices, one row per participant) in order with {@code rng}. */
  void run(int[][] participants, int count, RandomGenerator rng) {
    reset();
    for (int i = 0; i < count; i++) {
      int[] levels = participants[i];
      int stratum = 0;
      for (int f = 0; f < levels.length; f++) {
        stratum += levels[f] * radix[f];
      }
      int arm;
      if (method instanceof MethodParameters.PermutedBlocks) {
        arm = nextFromBlock(stratum, rng);
      } else if (method instanceof MethodParameters.Minimization) {
        arm = minimize(levels, rng.nextDouble());
      } else {
        arm = SimpleRandomizer.armForDraw(ratio, ratioSum, rng.nextDouble());
        credit += creditForLargest(ratio, arm);
      }
      armTotals[arm]++;
      byStratum[stratum][arm]++;
      for (int f = 0; f < levels.length; f++) {
        byLevel[f][levels[f]][arm]++;
      }
    }
  }

  private int nextFromBlock(int s, RandomGenerator rng) {
    if (blockPos[s] == blockSize[s]) {
      blockSize[s] = PermutedBlock.draw(rng, ratio, ratioSum, blockSizes, block[s]);
      blockPos[s] = 0;
    }
    // guesser: the arm with the fewest ratio-adjusted allocations so far in the current block
    for (int k = 0; k < arms; k++) {
      scratch[k] = 0;
    }
    for (int j = 0; j < blockPos[s]; j++) {
      scratch[block[s][j]]++;
    }
    for (int k = 0; k < arms; k++) {
      scratch[k] /= ratio[k];
    }
    int arm = block[s][blockPos[s]++];
    credit += creditForSmallest(scratch, arm);
    return arm;
  }

  private int minimize(int[] levels, double u) {
    for (int f = 0; f < levels.length; f++) {
      view[f] = byLevel[f][levels[f]];
    }
    MinimizationRule.scores(view, weights, ratio, measure, scratch, scores);
    int arm = MinimizationRule.choose(scores, p, u);
    // guesser: the arm minimization prefers (a minimizing arm, at random among ties)
    if (MinimizationRule.isMinimizing(scores, arm)) {
      credit += 1.0 / MinimizationRule.minimizingCount(scores);
    }
    return arm;
  }

  private static double creditForSmallest(double[] values, int actual) {
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
    }
    int ties = 0;
    for (double v : values) {
      ties += v == min ? 1 : 0;
    }
    return values[actual] == min ? 1.0 / ties : 0;
  }

  private static double creditForLargest(int[] values, int actual) {
    int max = Integer.MIN_VALUE;
    for (int v : values) {
      max = Math.max(max, v);
    }
    int ties = 0;
    for (int v : values) {
      ties += v == max ? 1 : 0;
    }
    return values[actual] == max ? 1.0 / ties : 0;
  }

  private void reset() {
    Arrays.fill(armTotals, 0);
    for (int[][] f : byLevel) {
      for (int[] l : f) {
        Arrays.fill(l, 0);
      }
    }
    for (int[] s : byStratum) {
      Arrays.fill(s, 0);
    }
    Arrays.fill(blockSize, 0);
    Arrays.fill(blockPos, 0);
    credit = 0;
  }

  /** Range over arms of {@code n_k / r_k} for the whole trial. */
  double overallImbalance() {
    return range(armTotals);
  }

  /** The largest range of {@code n_k / r_k} within a factor level. */
  double worstLevelImbalance() {
    double worst = 0;
    for (int[][] f : byLevel) {
      for (int[] l : f) {
        worst = Math.max(worst, range(l));
      }
    }
    return worst;
  }

  /** Among strata with at least one participant, the share whose last block is unfinished; NaN if not blocks. */
  double incompleteBlockShare() {
    if (!(method instanceof MethodParameters.PermutedBlocks)) {
      return Double.NaN;
    }
    int used = 0;
    int incomplete = 0;
    for (int s = 0; s < blockSize.length; s++) {
      if (blockSize[s] > 0) {
        used++;
        incomplete += blockPos[s] < blockSize[s] ? 1 : 0;
      }
    }
    return used == 0 ? 0 : (double) incomplete / used;
  }

  /** Adds this run's allocations per arm to {@code totals} and per factor level and arm to {@code levels}. */
  void addCounts(long[] totals, long[][][] levels) {
    for (int k = 0; k < arms; k++) {
      totals[k] += armTotals[k];
    }
    for (int f = 0; f < byLevel.length; f++) {
      for (int l = 0; l < byLevel[f].length; l++) {
        for (int k = 0; k < arms; k++) {
          levels[f][l][k] += byLevel[f][l][k];
        }
      }
    }
  }

  /** Sum of the guesser's expected correct guesses (a tie guessed at random counts 1 / ties). */
  double correctGuesses() {
    return credit;
  }

  private double range(int[] counts) {
    for (int k = 0; k < arms; k++) {
      adjusted[k] = counts[k] / (double) ratio[k];
    }
    return ImbalanceMeasure.RANGE.of(adjusted);
  }
}
