package org.oligotrial.survival.cox;

/**
 * Harrell's concordance of a risk score with right-censored survival times, counted as R's {@code survival}
 * package counts it for a Cox model ({@code concordance(fit)}, {@code summary(fit)$concordance}).
 *
 * <p>A pair is comparable when the shorter time is an event: subject {@code i} with an event at {@code t_i} and
 * subject {@code j} with {@code t_j > t_i}, or {@code t_j = t_i} and {@code j} censored (a censoring at the event time
 * is taken to follow it). The pair is concordant when the event subject has the higher risk score, discordant when
 * lower, and tied in the score ({@code tiedX}) when equal. Two events at the same time are tied in time ({@code tiedY},
 * or {@code tiedXY} when their scores are also equal) and are not comparable. With strata, only pairs in the same
 * stratum are counted.
 *
 * <p>\( C = (\text{concordant} + \text{tiedX}/2) / (\text{concordant} + \text{discordant} + \text{tiedX}) \)
 *
 * <p>Computed in {@code O(n log n)} with a Fenwick tree over the ranks of the scores. Counts are exact (long).
 *
 * <h2>References</h2>
 *
 * <ol>
 *   <li>Harrell FE, Califf RM, Pryor DB, Lee KL, Rosati RA. Evaluating the yield of medical tests. JAMA 1982;
 *       247(18):2543-2546. doi:10.1001/jama.1982.03320430047030
 *   <li>Harrell FE, Lee KL, Mark DB. Multivariable prognostic models. Stat Med 1996;15(4):361-387.
 *       doi:10.1002/(SICI)1097-0258(19960229)15:4&lt;361::AID-SIM168&gt;3.0.CO;2-4
 *   <li>Therneau T, Watson E. The concordance statistic and the Cox model. Mayo Clinic technical report, 2017
 *       (vignette "concordance" of R's survival package).
 * </ol>
 *
 * @param concordant comparable pairs where the earlier event has the higher score
 * @param discordant comparable pairs where the earlier event has the lower score
 * @param tiedX comparable pairs with equal scores
 * @param tiedY pairs of events at the same time with different scores (not comparable)
 * @param tiedXY pairs of events at the same time with equal scores (not comparable)
 * @param value the concordance {@code C}, NaN when no pair is comparable
 */
public record Concordance(
    long concordant, long discordant, long tiedX, long tiedY, long tiedXY, double value) {

  /**
   * Counts the pairs.
   *
   * @param time follow-up times, any unit
   * @param event event indicators
   * @param stratum stratum of each subject (any integers), or null for one stratum
   * @param score risk scores (higher = shorter expected survival), e.g. the linear predictor of a Cox model
   * @throws IllegalArgumentException when the lengths differ
   */
  public static Concordance of(double[] time, boolean[] event, int[] stratum, double[] score) {
    int n = time.length;
    if (event.length != n || score.length != n || (stratum != null && stratum.length != n)) {
      throw new IllegalArgumentException("time, event, stratum and score must have the same length");
    }
    int[] order = IndexSort.byTime(time, stratum, false);
    double[] st = new double[n];
    boolean[] se = new boolean[n];
    boolean[] end = new boolean[n];
    double[] sx = new double[n];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      st[k] = time[i];
      se[k] = event[i];
      sx[k] = score[i];
      end[k] = k == n - 1 || (stratum != null && stratum[i] != stratum[order[k + 1]]);
    }
    return ofSorted(st, se, end, sx);
  }

  /**
   * Counts the pairs of subjects already sorted by stratum and ascending time.
   *
   * @param stratumEnd true at the last subject of each stratum
   */
  static Concordance ofSorted(double[] time, boolean[] event, boolean[] stratumEnd, double[] score) {
    int n = time.length;
    int[] rank = ranks(score);
    int m = 0;
    for (int r : rank) {
      m = Math.max(m, r);
    }
    int[] tree = new int[m + 1]; // Fenwick tree of the subjects at risk, by score rank
    int[] count = new int[m + 1]; // the same counts, per rank
    long conc = 0;
    long disc = 0;
    long tiedX = 0;
    long tiedY = 0;
    long tiedXY = 0;
    long inTree = 0;
    int stratumTop = n - 1; // last (largest time) position of the current stratum
    int g = n - 1;
    while (g >= 0) {
      if (stratumEnd[g] && g != n - 1) {
        // a new stratum starts (walking backwards): empty the tree
        for (int k = g + 1; k <= stratumTop; k++) {
          add(tree, rank[k], -1);
          count[rank[k]] = 0;
        }
        inTree = 0;
        stratumTop = g;
      }
      // the group of subjects with the same time in this stratum: positions (low, g]
      int low = g - 1;
      while (low >= 0 && time[low] == time[g] && !stratumEnd[low]) {
        low--;
      }
      // censored subjects at this time are at risk for the events at this time
      for (int k = g; k > low; k--) {
        if (!event[k]) {
          add(tree, rank[k], 1);
          count[rank[k]]++;
          inTree++;
        }
      }
      int deaths = 0;
      for (int k = g; k > low; k--) {
        if (event[k]) {
          deaths++;
          long below = sum(tree, rank[k] - 1);
          long same = count[rank[k]];
          conc += below;
          tiedX += same;
          disc += inTree - below - same;
        }
      }
      if (deaths > 1) {
        long pairs = (long) deaths * (deaths - 1) / 2;
        long same = sameScorePairs(low + 1, g + 1, event, rank);
        tiedXY += same;
        tiedY += pairs - same;
      }
      for (int k = g; k > low; k--) {
        if (event[k]) {
          add(tree, rank[k], 1);
          count[rank[k]]++;
          inTree++;
        }
      }
      g = low;
    }
    double denom = conc + disc + tiedX;
    double c = denom == 0 ? Double.NaN : (conc + tiedX / 2.0) / denom;
    return new Concordance(conc, disc, tiedX, tiedY, tiedXY, c);
  }

  private static long sameScorePairs(int from, int to, boolean[] event, int[] rank) {
    int d = 0;
    int[] r = new int[to - from];
    for (int k = from; k < to; k++) {
      if (event[k]) {
        r[d++] = rank[k];
      }
    }
    java.util.Arrays.sort(r, 0, d);
    long same = 0;
    int run = 1;
    for (int k = 1; k <= d; k++) {
      if (k < d && r[k] == r[k - 1]) {
        run++;
      } else {
        same += (long) run * (run - 1) / 2;
        run = 1;
      }
    }
    return same;
  }

  /** Dense 1-based ranks of the scores (equal scores share a rank). */
  private static int[] ranks(double[] score) {
    int n = score.length;
    double[] key = score.clone();
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    IndexSort.sort(key, idx);
    int[] rank = new int[n];
    int r = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || key[k] != key[k - 1]) {
        r++;
      }
      rank[idx[k]] = r;
    }
    return rank;
  }

  private static void add(int[] tree, int pos, int delta) {
    for (int i = pos; i < tree.length; i += i & -i) {
      tree[i] += delta;
    }
  }

  /** The number of entries with rank at most {@code pos}. */
  private static long sum(int[] tree, int pos) {
    long s = 0;
    for (int i = pos; i > 0; i -= i & -i) {
      s += tree[i];
    }
    return s;
  }
}
