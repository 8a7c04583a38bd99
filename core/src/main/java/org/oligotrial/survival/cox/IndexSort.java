package org.oligotrial.survival.cox;

/** Sorting of row indices by stratum and time without boxing (a stable merge sort, then a stable counting sort). */
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
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] tmp = new int[n];
    mergeSort(idx, tmp, 0, n, time, descending);
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
    for (int k = 0; k < n; k++) {
      int i = idx[k];
      tmp[start[stratum[i]]++] = i;
    }
    return tmp;
  }

  private static void mergeSort(int[] a, int[] tmp, int from, int to, double[] key, boolean desc) {
    if (to - from <= 32) {
      for (int i = from + 1; i < to; i++) { // insertion sort, stable
        int v = a[i];
        double kv = key[v];
        int j = i - 1;
        while (j >= from && (desc ? key[a[j]] < kv : key[a[j]] > kv)) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, key, desc);
    mergeSort(a, tmp, mid, to, key, desc);
    double left = key[a[mid - 1]];
    double right = key[a[mid]];
    if (desc ? left >= right : left <= right) {
      return; // already in order
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to) {
        a[k] = tmp[i++];
      } else if (i >= mid) {
        a[k] = tmp[j++];
      } else {
        double ki = key[tmp[i]];
        double kj = key[tmp[j]];
        boolean takeRight = desc ? kj > ki : kj < ki;
        a[k] = takeRight ? tmp[j++] : tmp[i++];
      }
    }
  }
}
