package org.oligotrial.randomization;

/**
 * The Pocock-Simon minimization rule [1] (also Taves [2]; reviewed by Scott et al. [3]) on plain arrays.
 *
 * <p>For a new participant with level {@code l_i} on factor {@code i}, let {@code n_{ik}} be the number of earlier
 * participants at that level on arm {@code k}. For each candidate arm {@code a}, form the ratio-adjusted counts had
 * the participant gone to {@code a}: {@code x_k = (n_{ik} + [k = a]) / r_k}, measure their imbalance {@code d_i(a)}
 * (range or variance, {@link ImbalanceMeasure}) and sum with the factor weights: {@code G(a) = sum_i w_i d_i(a)}.
 * The minimizing set {@code M} holds the arms with the smallest {@code G} (equal within a relative tolerance of
 * {@code 1e-9}, so that floating-point rounding never breaks a true tie).
 *
 * <p>Random element, from one uniform draw {@code u} in {@code [0, 1)}: when every arm is in {@code M} (a tie), the
 * arm is {@code M[floor(u * K)]}, uniform over the arms; otherwise, with {@code p} the probability of the minimizing
 * arm, {@code u < p} gives {@code M[floor(u / p * |M|)]} and {@code u >= p} gives the other arms' {@code
 * O[floor((u - p) / (1 - p) * |O|)]}. So the allocation is a deterministic function of the history, the
 * participant's levels and {@code u}, which makes it replayable from the recorded draw.
 *
 * <p>Assumption: with an unequal ratio the adjusted counts keep the long-run proportions near the ratio, but the
 * probability of each arm at a single allocation is not exactly {@code r_k / R} (Kuznetsova and Tymofyeyev [4]).
 *
 * <p>Stateless and thread-safe; the arrays passed in belong to the caller and {@code scratch} is overwritten.
 *
 * <p>References:
 *
 * <ol>
 *   <li>Pocock SJ, Simon R. Sequential treatment assignment with balancing for prognostic factors in the controlled
 *       clinical trial. Biometrics. 1975;31(1):103-115. doi:10.2307/2529712
 *   <li>Taves DR. Minimization: a new method of assigning patients to treatment and control groups. Clin Pharmacol
 *       Ther. 1974;15(5):443-453. doi:10.1002/cpt1974155443
 *   <li>Scott NW, McPherson GC, Ramsay CR, Campbell MK. The method of minimization for allocation to clinical
 *       trials: a review. Control Clin Trials. 2002;23(6):662-674. doi:10.1016/S0197-2456(02)00242-8
 *   <li>Kuznetsova OM, Tymofyeyev Y. Preserving the allocation ratio at every allocation with biased coin
 *       randomization and minimization in studies with unequal allocation. Stat Med. 2012;31(8):701-723.
 *       doi:10.1002/sim.4447
 * </ol>
 */
public final class MinimizationRule {
  private static final double TOLERANCE = 1e-9;

  private MinimizationRule() {}

  /**
   * Computes {@code G(a)} for every arm into {@code scores}.
   *
   * @param counts {@code counts[i][k]}: participants so far at the new participant's level of factor {@code i} on arm
   *     {@code k}
   * @param weights {@code w_i}
   * @param ratio {@code r_k}
   * @param measure range or variance
   * @param scratch work array of length K
   * @param scores receives {@code G(a)}, length K
   */
  public static void scores(
      int[][] counts, double[] weights, int[] ratio, ImbalanceMeasure measure, double[] scratch, double[] scores) {
    int arms = ratio.length;
    for (int a = 0; a < arms; a++) {
      double g = 0;
      for (int i = 0; i < counts.length; i++) {
        if (weights[i] == 0) {
          continue;
        }
        for (int k = 0; k < arms; k++) {
          scratch[k] = (counts[i][k] + (k == a ? 1 : 0)) / (double) ratio[k];
        }
        g += weights[i] * measure.of(scratch);
      }
      scores[a] = g;
    }
  }

  /** Whether arm {@code a} is in the minimizing set of {@code scores}. */
  public static boolean isMinimizing(double[] scores, int a) {
    return scores[a] <= min(scores) + TOLERANCE * Math.max(1, Math.abs(min(scores)));
  }

  /** The size of the minimizing set of {@code scores}. */
  public static int minimizingCount(double[] scores) {
    int m = 0;
    for (int a = 0; a < scores.length; a++) {
      if (isMinimizing(scores, a)) {
        m++;
      }
    }
    return m;
  }

  /**
   * The arm chosen by the random element.
   *
   * @param scores {@code G(a)} per arm
   * @param p probability of a minimizing arm, from 0.5 to 1
   * @param u the uniform draw in {@code [0, 1)}
   * @return the arm index
   */
  public static int choose(double[] scores, double p, double u) {
    int arms = scores.length;
    int m = minimizingCount(scores);
    if (m == arms) {
      return nth(scores, true, Math.min(arms - 1, (int) (u * arms)));
    }
    if (u < p) {
      return nth(scores, true, Math.min(m - 1, (int) (u / p * m)));
    }
    int others = arms - m;
    return nth(scores, false, Math.min(others - 1, (int) ((u - p) / (1 - p) * others)));
  }

  private static int nth(double[] scores, boolean minimizing, int n) {
    int seen = 0;
    for (int a = 0; a < scores.length; a++) {
      if (isMinimizing(scores, a) == minimizing && seen++ == n) {
        return a;
      }
    }
    throw new IllegalStateException("no arm number " + n);
  }

  private static double min(double[] scores) {
    double m = scores[0];
    for (int a = 1; a < scores.length; a++) {
      m = Math.min(m, scores[a]);
    }
    return m;
  }
}
