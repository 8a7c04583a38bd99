package org.oligotrial.survival.cox;

/**
 * Sorting of row indices by stratum and time without boxing: a stable merge sort that moves the keys with the
 * indices (sequential memory access), then a stable counting sort by stratum.
 */
final class IndexSort {

  private static final int INSERTION = 32;

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

  /** Sorts {@code key} ascending, stably, permuting {@code idx} alike. */
  static void sort(double[] key, int[] idx) {
    int n = key.length;
    // insertion-sort runs, then bottom-up merges between the two buffers
    for (int from = 0; from < n; from += INSERTION) {
      int to = Math.min(n, from + INSERTION);
      for (int i = from + 1; i < to; i++) {
        double kv = key[i];
        int v = idx[i];
        int j = i - 1;
        while (j >= from && key[j] > kv) {
          key[j + 1] = key[j];
          idx[j + 1] = idx[j];
          j--;
        }
        key[j + 1] = kv;
        idx[j + 1] = v;
      }
    }
    double[] k1 = key;
    int[] i1 = idx;
    double[] k2 = new double[n];
    int[] i2 = new int[n];
    for (int width = INSERTION; width < n; width *= 2) {
      for (int from = 0; from < n; from += 2 * width) {
        int mid = Math.min(n, from + width);
        int to = Math.min(n, from + 2 * width);
        int a = from;
        int b = mid;
        int o = from;
        while (a < mid && b < to) {
          if (k1[b] < k1[a]) {
            k2[o] = k1[b];
            i2[o++] = i1[b++];
          } else {
            k2[o] = k1[a];
            i2[o++] = i1[a++];
          }
        }
        while (a < mid) {
          k2[o] = k1[a];
          i2[o++] = i1[a++];
        }
        while (b < to) {
          k2[o] = k1[b];
          i2[o++] = i1[b++];
        }
      }
      double[] tk = k1;
      k1 = k2;
      k2 = tk;
      int[] ti = i1;
      i1 = i2;
      i2 = ti;
    }
    if (k1 != key) {
      System.arraycopy(k1, 0, key, 0, n);
      System.arraycopy(i1, 0, idx, 0, n);
    }
  }
}
