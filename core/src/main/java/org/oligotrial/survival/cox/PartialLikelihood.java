package org.oligotrial.survival.cox;

/**
 * One evaluation of the Cox log partial likelihood, its score vector and information matrix at a given {@code beta},
 * by cumulative risk-set sums over subjects sorted by stratum and ascending time, walked from the last time back, so
 * that each evaluation costs {@code O(n p^2)}.
 *
 * <p>For a time with {@code d} events, risk set {@code R} and event set {@code D}, with
 * {@code r_i = exp(x_i' beta)}, Efron's approximation uses for {@code k = 0..d-1}
 *
 * <pre>{@code
 * S_k = sum_{i in R} r_i - (k/d) sum_{i in D} r_i,  A_k = sum_R r_i x_i - (k/d) sum_D r_i x_i,
 * C_k = sum_R r_i x_i x_i' - (k/d) sum_D r_i x_i x_i'
 * l  += sum_D x_i' beta - sum_k log S_k
 * U  += sum_D x_i - sum_k A_k / S_k
 * I  += sum_k (C_k / S_k - A_k A_k' / S_k^2)
 * }</pre>
 *
 * and Breslow's uses {@code k = 0} for all {@code d} events. Tied times do not cross strata. The Efron sums over
 * {@code k} are formed from five scalar sums ({@code sum 1/S_k}, {@code sum f_k/S_k}, {@code sum 1/S_k^2},
 * {@code sum f_k/S_k^2}, {@code sum f_k^2/S_k^2} with {@code f_k} the fraction of the events' sums included), so a
 * time with {@code d} events costs {@code O(d + p^2)}, not {@code O(d p^2)}.
 *
 * <p>Holds work arrays: not thread-safe; one instance per fit.
 */
final class PartialLikelihood {

  private final int n;
  private final int p;
  private final double[] time;
  private final boolean[] dead;
  private final boolean[] stratumEnd;
  private final double[] x; // row-major, n rows of p
  private final boolean efron;

  final double[] u;
  final double[][] imat;
  private final double[] a;
  private final double[] a2;
  private final double[] cmat;
  private final double[] cmat2;

  /**
   * @param time ascending within each stratum
   * @param dead event indicators
   * @param stratumEnd true at the last subject of each stratum (and at the last subject)
   * @param x covariates, row-major ({@code x[i * p + j]}), centred and scaled as the caller chose
   */
  PartialLikelihood(double[] time, boolean[] dead, boolean[] stratumEnd, double[] x, int p, Ties ties) {
    this.n = time.length;
    this.p = p;
    this.time = time;
    this.dead = dead;
    this.stratumEnd = stratumEnd;
    this.x = x;
    this.efron = ties == Ties.EFRON;
    this.u = new double[p];
    this.imat = new double[p][p];
    this.a = new double[p];
    this.a2 = new double[p];
    this.cmat = new double[p * p];
    this.cmat2 = new double[p * p];
  }

  /**
   * Evaluates at {@code beta}; fills {@link #u} and the upper triangle of {@link #imat}.
   *
   * @return the log partial likelihood
   */
  double evaluate(double[] beta) {
    java.util.Arrays.fill(u, 0);
    java.util.Arrays.fill(a2, 0);
    java.util.Arrays.fill(cmat2, 0);
    for (double[] row : imat) {
      java.util.Arrays.fill(row, 0);
    }
    double loglik = 0;
    double denom = 0;
    int person = n - 1;
    while (person >= 0) {
      if (stratumEnd[person]) { // a new stratum starts (walking backwards): empty risk set
        denom = 0;
        java.util.Arrays.fill(a, 0);
        java.util.Arrays.fill(cmat, 0);
      }
      double dtime = time[person];
      int ndead = 0;
      double denom2 = 0;
      while (person >= 0 && time[person] == dtime) {
        int off = person * p;
        double zbeta = 0;
        for (int i = 0; i < p; i++) {
          zbeta += beta[i] * x[off + i];
        }
        double risk = Math.exp(zbeta);
        if (!dead[person]) {
          denom += risk;
          for (int i = 0; i < p; i++) {
            double rx = risk * x[off + i];
            a[i] += rx;
            int row = i * p;
            for (int j = 0; j <= i; j++) {
              cmat[row + j] += rx * x[off + j];
            }
          }
        } else {
          ndead++;
          denom2 += risk;
          loglik += zbeta;
          for (int i = 0; i < p; i++) {
            double xi = x[off + i];
            double rx = risk * xi;
            u[i] += xi;
            a2[i] += rx;
            int row = i * p;
            for (int j = 0; j <= i; j++) {
              cmat2[row + j] += rx * x[off + j];
            }
          }
        }
        person--;
        if (person >= 0 && stratumEnd[person]) {
          break; // ties do not cross strata
        }
      }
      if (ndead > 0) {
        if (!efron || ndead == 1) {
          denom += denom2;
          loglik -= ndead * Math.log(denom);
          for (int i = 0; i < p; i++) {
            a[i] += a2[i];
            double mean = a[i] / denom;
            u[i] -= ndead * mean;
            int row = i * p;
            for (int j = 0; j <= i; j++) {
              cmat[row + j] += cmat2[row + j];
              imat[j][i] += ndead * (cmat[row + j] - mean * a[j]) / denom;
            }
          }
        } else {
          // Efron: the k-th of the d terms (k = 1..d) has f = k/d of the events' sums added:
          // S_k = S + f S_D, A_k = A + f A_D, C_k = C + f C_D. The sums over k of 1/S_k, f/S_k, 1/S_k^2, f/S_k^2
          // and f^2/S_k^2 turn sum_k (C_k/S_k - A_k A_k'/S_k^2) into O(d + p^2) work per time instead of O(d p^2).
          double s1 = 0;
          double sf = 0;
          double t0 = 0;
          double t1 = 0;
          double t2 = 0;
          for (int k = 1; k <= ndead; k++) {
            double f = (double) k / ndead;
            double den = denom + f * denom2;
            loglik -= Math.log(den);
            double inv = 1 / den;
            double inv2 = inv * inv;
            s1 += inv;
            sf += f * inv;
            t0 += inv2;
            t1 += f * inv2;
            t2 += f * f * inv2;
          }
          for (int i = 0; i < p; i++) {
            u[i] -= a[i] * s1 + a2[i] * sf;
            int row = i * p;
            for (int j = 0; j <= i; j++) {
              double cPart = cmat[row + j] * s1 + cmat2[row + j] * sf;
              double aPart = a[i] * a[j] * t0 + (a[i] * a2[j] + a2[i] * a[j]) * t1 + a2[i] * a2[j] * t2;
              imat[j][i] += cPart - aPart;
            }
          }
          denom += denom2;
          for (int i = 0; i < p; i++) {
            a[i] += a2[i];
            int row = i * p;
            for (int j = 0; j <= i; j++) {
              cmat[row + j] += cmat2[row + j];
            }
          }
        }
        java.util.Arrays.fill(a2, 0);
        java.util.Arrays.fill(cmat2, 0);
      }
    }
    return loglik;
  }
}
