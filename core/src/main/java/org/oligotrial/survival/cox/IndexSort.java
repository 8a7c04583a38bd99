package org.oligotrial.survival.cox;

/**
 * Sorting of row indices by stratum and time without boxing: a stable radix sort that moves the keys with the
 * indices (sequential memory access), then a stable counting sort by stratum.
 */
final class IndexSort {

  private IndexSort() {}

  /**
   * The row indices ordered by stratum ascending and, within a stratum, by time (ascending or descending); rows with
   * equal keys keep their original order.
   *
   * @param stratum the stratum codes (non-negative) or null for one stratum
   */
  static int[] byTime(double[] time, int[] stratum, boolean descending) {
    int n = time.length;
    int[] idx = new int[n];
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
      key[i] = descending ? -time[i] : time[i];
    }
    sort(key, idx);
    if (stratum == null) {
      return idx;
    }
    int max = 0;
    for (int s : stratum) {
      if (s < 0) {
        throw new IllegalArgumentException("stratum codes must be non-negative");
      }
      max = Math.max(max, s);
    }
    int[] start = new int[max + 2];
    for (int s : stratum) {
      start[s + 1]++;
    }
    for (int s = 0; s <= max; s++) {
      start[s + 1] += start[s];
    }
    int[] out = new int[n];
    for (int k = 0; k < n; k++) {
      int i = idx[k];
      out[start[stratum[i]]++] = i;
    }
    return out;
  }

  /**
   * Sorts {@code key} ascending, stably, permuting {@code idx} alike: a least-significant-digit radix sort on the
   * order-preserving 64-bit image of each double (8 passes of one byte, skipping bytes that all keys share), so
   * {@code O(n)} with sequential reads. {@code -0.0} is taken as {@code 0.0}; keys must not be NaN.
   */
  static void sort(double[] key, int[] idx) {
    int n = key.length;
    long[] k1 = new long[n];
    int[][] counts = new int[8][257];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(key[i] + 0.0);
      long v = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE; // unsigned order = numeric order
      k1[i] = v;
      for (int d = 0; d < 8; d++) {
        counts[d][(int) ((v >>> (8 * d)) & 0xFF) + 1]++;
      }
    }
    int[] i1 = idx;
    long[] k2 = new long[n];
    int[] i2 = new int[n];
    for (int d = 0; d < 8; d++) {
      int[] c = counts[d];
      boolean trivial = false;
      for (int b = 1; b <= 256; b++) {
        if (c[b] == n) {
          trivial = true;
          break;
        }
      }
      if (trivial) {
        continue;
      }
      for (int b = 0; b < 256; b++) {
        c[b + 1] += c[b];
      }
      int shift = 8 * d;
      for (int i = 0; i < n; i++) {
        long v = k1[i];
        int pos = c[(int) ((v >>> shift) & 0xFF)]++;
        k2[pos] = v;
        i2[pos] = i1[i];
      }
      long[] tk = k1;
      k1 = k2;
      k2 = tk;
      int[] ti = i1;
      i1 = i2;
      i2 = ti == idx ? new int[n] : ti;
    }
    for (int i = 0; i < n; i++) {
      long v = k1[i];
      long bits = v < 0 ? v ^ Long.MIN_VALUE : ~v;
      key[i] = Double.longBitsToDouble(bits);
    }
    if (i1 != idx) {
      System.arraycopy(i1, 0, idx, 0, n);
    }
  }
}
