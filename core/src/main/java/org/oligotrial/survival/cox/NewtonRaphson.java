package org.oligotrial.survival.cox;

/**
 * Newton-Raphson maximisation of the partial likelihood with step halving, on centred and scaled covariates, as
 * {@code coxfit6} in R's survival package: start at 0; the score test is taken at the start; a trial step that lowers
 * the likelihood or gives non-finite values is replaced by {@code (new + h old) / (h + 1)} for the h-th consecutive
 * failure; convergence when {@code |1 - best / new| <= eps}. Results are on the scaled covariates; the caller
 * rescales. Not thread-safe (one per fit).
 */
final class NewtonRaphson {

  private final PartialLikelihood pl;
  private final int p;
  private final CoxOptions options;

  double[] beta;
  double[] u;
  double[][] imat;
  double logLikNull;
  double logLik;
  double scoreTest;
  int iterations;
  int rank;
  boolean converged;

  NewtonRaphson(PartialLikelihood pl, int p, CoxOptions options) {
    this.pl = pl;
    this.p = p;
    this.options = options;
  }

  void run() {
    double toler = options.cholTolerance();
    beta = new double[p];
    logLikNull = pl.evaluate(beta);
    double[] step = pl.u.clone();
    rank = Cholesky.decompose(pl.imat, toler);
    Cholesky.solve(pl.imat, step);
    double sc = 0;
    for (int i = 0; i < p; i++) {
      sc += pl.u[i] * step[i];
    }
    scoreTest = sc;
    double best = logLikNull;
    double[] newBeta = new double[p];
    for (int i = 0; i < p; i++) {
      newBeta[i] = beta[i] + step[i];
    }
    int halving = 0;
    for (iterations = 1; iterations <= options.maxIterations(); iterations++) {
      double newLik = pl.evaluate(newBeta);
      rank = Cholesky.decompose(pl.imat, toler);
      boolean finite = Double.isFinite(newLik);
      for (int i = 0; i < p && finite; i++) {
        finite = Double.isFinite(pl.u[i]);
        for (int j = 0; j < p && finite; j++) {
          finite = Double.isFinite(pl.imat[i][j]);
        }
      }
      if (finite && Math.abs(1 - best / newLik) <= options.eps()) {
        logLik = newLik;
        beta = newBeta;
        finish();
        converged = true;
        return;
      }
      if (!finite || newLik < best) {
        halving++; // not improving: move back towards the last good estimate
        for (int i = 0; i < p; i++) {
          newBeta[i] = (newBeta[i] + halving * beta[i]) / (halving + 1.0);
        }
      } else {
        halving = 0;
        best = newLik;
        double[] s = pl.u.clone();
        Cholesky.solve(pl.imat, s);
        for (int i = 0; i < p; i++) {
          beta[i] = newBeta[i];
          newBeta[i] = newBeta[i] + s[i];
        }
      }
    }
    iterations = options.maxIterations();
    logLik = pl.evaluate(beta);
    rank = Cholesky.decompose(pl.imat, toler);
    finish();
    converged = false;
  }

  private void finish() {
    Cholesky.invert(pl.imat);
    u = pl.u.clone();
    imat = new double[p][];
    for (int i = 0; i < p; i++) {
      imat[i] = pl.imat[i].clone();
    }
  }
}
