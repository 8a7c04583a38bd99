package org.oligotrial.survival;

import java.util.Arrays;

/**
 * Sorts non-negative times ascending by a least-significant-digit radix sort on their IEEE 754 bit patterns (for
 * non-negative doubles the bit patterns, read as integers, are in the order of the values): four passes of 16 bits,
 * each a counting pass and a scatter, O(n) time with 2 n longs of scratch; a pass whose digit is the same for every
 * time is skipped. Small arrays go to {@link Arrays#sort(double[])}. The result is the same array as
 * {@code Arrays.sort} gives (a {@code -0.0} becomes {@code 0.0}). Stateless and thread-safe.
 *
 * <p>Reference: D. E. Knuth, The Art of Computer Programming, vol. 3, 2nd ed., section 5.2.5 (radix sorting).
 */
final class TimeSort {

  private static final int SMALL = 4096;

  private TimeSort() {}

  /** Sorts {@code a}, whose values are finite and non-negative, in place. */
  static void sort(double[] a) {
    int n = a.length;
    if (n < SMALL) {
      Arrays.sort(a);
      return;
    }
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = Double.doubleToRawLongBits(a[i] + 0.0); // + 0.0 turns -0.0 into 0.0
    }
    long[] tmp = new long[n];
    int[] count = new int[1 << 16];
    for (int shift = 0; shift < 64; shift += 16) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (k[i] >>> shift) & 0xFFFF]++;
      }
      if (count[(int) (k[0] >>> shift) & 0xFFFF] == n) {
        continue; // every key has this digit: the pass would not move anything
      }
      int sum = 0;
      for (int d = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long v = k[i];
        tmp[count[(int) (v >>> shift) & 0xFFFF]++] = v;
      }
      long[] t = k;
      k = tmp;
      tmp = t;
    }
    for (int i = 0; i < n; i++) {
      a[i] = Double.longBitsToDouble(k[i]);
    }
  }
}
