package org.oligotrial.survival;

import java.util.Arrays;

/**
 * The event times and the censoring times of each cell (stratum x group, or group alone), each sorted ascending,
 * after R's near-tie merge ({@link AlmostEqualTimes}) over the whole data. Built in a few passes over primitive
 * arrays: count, fill, sort each cell ({@link TimeSort}, a radix sort). The shared first step of Kaplan-Meier and the log-rank test.
 */
final class SortedCells {

  final int strata;
  final int groups;
  /** events[s * groups + g]: sorted event times of stratum s, group g. */
  final double[][] events;
  /** censored[s * groups + g]: sorted censoring times. */
  final double[][] censored;

  private SortedCells(int strata, int groups, double[][] events, double[][] censored) {
    this.strata = strata;
    this.groups = groups;
    this.events = events;
    this.censored = censored;
  }

  /** Cells by group and, when {@code byStratum}, by stratum too. */
  static SortedCells of(SurvivalData data, boolean byStratum) {
    double[] time = data.timeArray();
    boolean[] event = data.eventArray();
    int[] group = data.groupArray();
    int[] stratum = data.stratumArray();
    int k = data.groupCount();
    int s = byStratum ? data.strataCount() : 1;
    int cells = k * s;
    int[] ne = new int[cells];
    int[] nc = new int[cells];
    int n = time.length;
    for (int i = 0; i < n; i++) {
      int cell = (byStratum ? stratum[i] * k : 0) + group[i];
      if (event[i]) {
        ne[cell]++;
      } else {
        nc[cell]++;
      }
    }
    double[][] ev = new double[cells][];
    double[][] ce = new double[cells][];
    for (int c = 0; c < cells; c++) {
      ev[c] = new double[ne[c]];
      ce[c] = new double[nc[c]];
    }
    Arrays.fill(ne, 0);
    Arrays.fill(nc, 0);
    for (int i = 0; i < n; i++) {
      int cell = (byStratum ? stratum[i] * k : 0) + group[i];
      if (event[i]) {
        ev[cell][ne[cell]++] = time[i];
      } else {
        ce[cell][nc[cell]++] = time[i];
      }
    }
    for (int c = 0; c < cells; c++) {
      TimeSort.sort(ev[c]);
      TimeSort.sort(ce[c]);
    }
    mergeNearTies(ev, ce, n);
    return new SortedCells(s, k, ev, ce);
  }

  /** R's aeqSurv over all cells together. */
  private static void mergeNearTies(double[][] ev, double[][] ce, int n) {
    // the cells are sorted runs; Arrays.sort merges such runs in about linear time
    double[] all = new double[n];
    int p = 0;
    for (double[] a : ev) {
      System.arraycopy(a, 0, all, p, a.length);
      p += a.length;
    }
    for (double[] a : ce) {
      System.arraycopy(a, 0, all, p, a.length);
      p += a.length;
    }
    Arrays.sort(all);
    double[] cuts = AlmostEqualTimes.cuts(all);
    if (cuts == null) {
      return;
    }
    for (double[] a : ev) {
      AlmostEqualTimes.mapSorted(a, cuts);
    }
    for (double[] a : ce) {
      AlmostEqualTimes.mapSorted(a, cuts);
    }
  }

  double[] events(int stratum, int group) {
    return events[stratum * groups + group];
  }

  double[] censored(int stratum, int group) {
    return censored[stratum * groups + group];
  }
}
