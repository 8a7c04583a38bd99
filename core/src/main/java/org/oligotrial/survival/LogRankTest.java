package org.oligotrial.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank (Mantel-Haenszel) test that the hazard functions of two or more groups are equal, optionally
 * stratified, computed as R's {@code survdiff(Surv(time, status) ~ group + strata(s))} with {@code rho = 0}.
 *
 * <p>At each distinct event time \(t\) of a stratum, with \(n\) at risk and \(d\) events in all, and \(n_j\) at risk
 * and \(d_j\) events in group \(j\):
 *
 * \[ O_j = \sum d_j, \qquad E_j = \sum d \frac{n_j}{n}, \qquad
 *    V_{jk} = \sum \frac{d (n - d)}{n - 1} \frac{n_j}{n} \left(\delta_{jk} - \frac{n_k}{n}\right), \]
 *
 * summed over the times of every stratum (the term is 0 when \(n = 1\)). Dropping the groups with \(E_j = 0\) and
 * then the first group, \(\chi^2 = (O - E)^\top V^{-1} (O - E)\) on \(k - 1\) degrees of freedom, \(k\) the number of
 * groups with \(E_j > 0\); \(\chi^2 = 0\) when \(k < 2\); a singular \(V\) (R: "system is exactly singular") throws. The p-value is the upper tail \(Q(k-1)/2, \chi^2/2)\) of the
 * regularized incomplete gamma function, accurate also for very small p. Near-equal times are merged first as R does
 * ({@link AlmostEqualTimes}).
 *
 * <p>Assumptions: independent non-informative censoring; the test has most power under proportional hazards. Cost:
 * one split by stratum and group, one primitive sort per cell, one merged pass; thread-safe (stateless).
 *
 * <p>References:
 *
 * <ol>
 *   <li>Mantel N. Evaluation of survival data and two new rank order statistics arising in its consideration. Cancer
 *       Chemother Rep 1966;50:163-170. PMID:5910392
 *   <li>Peto R, Peto J. Asymptotically efficient rank invariant test procedures. J R Stat Soc A 1972;135:185-207.
 *       doi:10.2307/2344317
 *   <li>Harrington DP, Fleming TR. A class of rank test procedures for censored survival data. Biometrika
 *       1982;69:553-566. doi:10.1093/biomet/69.3.553
 * </ol>
 */
public final class LogRankTest {

  private LogRankTest() {}

  /**
   * Tests equality of the groups' hazards, stratified by the data's strata when there are several.
   *
   * @throws IllegalArgumentException when the data have fewer than two groups (R: "There is only 1 group")
   * @throws NullPointerException when {@code data} is null
   */
  public static LogRankResult test(SurvivalData data) {
    int k = data.groupCount();
    if (k < 2) {
      throw new IllegalArgumentException("the log-rank test needs at least two groups, the data have " + k);
    }
    SortedCells cells = SortedCells.of(data, true);
    double[] observed = new double[k];
    double[] expected = new double[k];
    double[][] var = new double[k][k];
    int[] size = new int[k];
    for (int s = 0; s < cells.strata; s++) {
      stratum(cells, s, observed, expected, var, size);
    }
    // survdiff: drop groups expected to have no events, then the first group
    List<Integer> keep = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (expected[j] > 0) {
        keep.add(j);
      }
    }
    int df = keep.size() - 1;
    double chisq = 0;
    if (keep.size() >= 2) {
      int q = keep.size() - 1;
      double[][] vv = new double[q][q];
      double[] diff = new double[q];
      for (int a = 0; a < q; a++) {
        int ja = keep.get(a + 1);
        diff[a] = observed[ja] - expected[ja];
        for (int b = 0; b < q; b++) {
          vv[a][b] = var[ja][keep.get(b + 1)];
        }
      }
      if (q == 1) {
        if (vv[0][0] <= 0) {
          throw singular();
        }
        chisq = diff[0] * diff[0] / vv[0][0];
      } else {
        RealVector x;
        try {
          x = new LUDecomposition(new Array2DRowRealMatrix(vv, false)).getSolver()
              .solve(new ArrayRealVector(diff, false));
        } catch (SingularMatrixException e) {
          throw singular();
        }
        for (int a = 0; a < q; a++) {
          chisq += x.getEntry(a) * diff[a];
        }
      }
    }
    double p = df <= 0 ? 1.0 : Double.isInfinite(chisq) ? 0.0 : Gamma.regularizedGammaQ(df / 2.0, chisq / 2.0);
    List<LogRankGroup> groups = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      groups.add(new LogRankGroup(data.groupLabels().get(j), size[j], observed[j], expected[j]));
    }
    return new LogRankResult(chisq, df, p, groups, var, data.strataCount());
  }

  private static IllegalArgumentException singular() {
    // R: "Lapack routine dgesv: system is exactly singular"
    return new IllegalArgumentException(
        "the log-rank variance is singular (no event time with subjects of two groups at risk and a survivor): "
            + "the groups cannot be compared");
  }

  /** Accumulates one stratum: a merged pass over the sorted event and censoring times of its groups. */
  private static void stratum(
      SortedCells cells, int s, double[] observed, double[] expected, double[][] var, int[] size) {
    int k = cells.groups;
    double[][] ev = new double[k][];
    double[][] ce = new double[k][];
    int[] ie = new int[k];
    int[] ic = new int[k];
    int[] atRisk = new int[k];
    int n = 0;
    for (int j = 0; j < k; j++) {
      ev[j] = cells.events(s, j);
      ce[j] = cells.censored(s, j);
      atRisk[j] = ev[j].length + ce[j].length;
      size[j] += atRisk[j];
      n += atRisk[j];
    }
    int[] dj = new int[k];
    int[] removed = new int[k];
    while (n > 0) {
      // the next distinct time over every group
      double t = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        if (ie[j] < ev[j].length && ev[j][ie[j]] < t) {
          t = ev[j][ie[j]];
        }
        if (ic[j] < ce[j].length && ce[j][ic[j]] < t) {
          t = ce[j][ic[j]];
        }
      }
      int d = 0;
      for (int j = 0; j < k; j++) {
        int e = 0;
        while (ie[j] < ev[j].length && ev[j][ie[j]] == t) {
          e++;
          ie[j]++;
        }
        int c = 0;
        while (ic[j] < ce[j].length && ce[j][ic[j]] == t) {
          c++;
          ic[j]++;
        }
        dj[j] = e;
        removed[j] = e + c;
        d += e;
      }
      if (d > 0) {
        double nn = n;
        // kk = d (n - d) / (n (n - 1)) in survdiff's C code; 0 when one subject is at risk
        double kk = n > 1 ? d * (nn - d) / (nn * (nn - 1)) : 0;
        for (int j = 0; j < k; j++) {
          observed[j] += dj[j];
          expected[j] += d * atRisk[j] / nn;
          if (kk != 0 && atRisk[j] > 0) {
            double tmp = kk * atRisk[j];
            var[j][j] += tmp;
            for (int h = 0; h < k; h++) {
              var[j][h] -= tmp * atRisk[h] / nn;
            }
          }
        }
      }
      for (int j = 0; j < k; j++) {
        atRisk[j] -= removed[j];
        n -= removed[j];
      }
    }
  }
}
