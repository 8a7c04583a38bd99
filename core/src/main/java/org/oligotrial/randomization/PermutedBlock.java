package org.oligotrial.randomization;

import java.util.random.RandomGenerator;

/**
 * Draws one permuted block (Zelen 1974 [1]; with random block sizes as reviewed by Rosenberger and Lachin [2]).
 *
 * <p>Algorithm: choose the block size {@code b} uniformly from the allowed sizes ({@code rng.nextInt(count)}); with
 * ratio sum {@code R}, fill the block with {@code r_k * b / R} copies of arm {@code k} in arm order; then shuffle it
 * with the Fisher-Yates algorithm, for {@code i = b-1} down to 1 swapping position {@code i} with {@code
 * rng.nextInt(i + 1)}. Every arrangement of the block's arms is then equally likely. At the end of a block the
 * counts follow the ratio exactly; inside it, for 1:1, the imbalance never exceeds {@code b / 2}.
 *
 * <p>Used by {@link PermutedBlockRandomizer} with a {@link KeyedStream} and by the simulation with a fast generator,
 * so both follow the same rule. Stateless and thread-safe; the arrays passed in belong to the caller.
 *
 * <p>References:
 *
 * <ol>
 *   <li>Zelen M. The randomization and stratification of patients to clinical trials. J Chronic Dis.
 *       1974;27(7-8):365-375. doi:10.1016/0021-9681(74)90015-0
 *   <li>Rosenberger WF, Lachin JM. Randomization in Clinical Trials: Theory and Practice. 2nd ed. Wiley; 2016.
 *       doi:10.1002/9781118742112
 * </ol>
 */
public final class PermutedBlock {
  private PermutedBlock() {}

  /**
   * Draws a block into {@code out} and returns its size.
   *
   * @param rng the random source
   * @param ratio the weight of each arm
   * @param ratioSum the sum of {@code ratio}
   * @param sizes the allowed block sizes, each a multiple of {@code ratioSum}
   * @param out receives the arm index of each position; at least as long as the largest size
   * @return the block size {@code b}; positions {@code 0..b-1} of {@code out} hold the block
   */
  public static int draw(RandomGenerator rng, int[] ratio, int ratioSum, int[] sizes, int[] out) {
    int size = sizes[sizes.length == 1 ? 0 : rng.nextInt(sizes.length)];
    int multiple = size / ratioSum;
    int pos = 0;
    for (int arm = 0; arm < ratio.length; arm++) {
      for (int c = 0; c < ratio[arm] * multiple; c++) {
        out[pos++] = arm;
      }
    }
    // Fisher-Yates shuffle
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return size;
  }
}
