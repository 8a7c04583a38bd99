package org.oligotrial.survival.cox;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the Cox proportional hazards model by maximising the partial likelihood, as R's {@code coxph} (survival 3.5)
 * does, so that estimates, standard errors, tests and concordance agree with it.
 *
 * <p>The hazard of subject {@code i} in stratum {@code s} is \( h_s(t)\exp(x_i'\beta) \) with an unspecified baseline
 * hazard \( h_s \) per stratum. The log partial likelihood (Breslow) is
 * \[ \ell(\beta) = \sum_{\text{event times } t} \Big[ \sum_{i \in D_t} x_i'\beta - d_t \log \sum_{j \in R_t}
 * e^{x_j'\beta} \Big] \]
 * and with Efron's approximation the log term becomes \( \sum_{k=0}^{d_t-1} \log\big(\sum_{R_t} e^{x_j'\beta} -
 * \tfrac{k}{d_t} \sum_{D_t} e^{x_j'\beta}\big) \) (see {@link PartialLikelihood}).
 *
 * <p>Algorithm (as {@code coxph.fit} and its C routine {@code coxfit6}): a covariate whose values are not all in
 * {-1, 0, 1} is centred at its mean and scaled by {@code n / sum|x - mean|}; Newton-Raphson from {@code beta = 0};
 * a step that lowers the likelihood (or gives non-finite values) is pulled back towards the previous estimate (step
 * halving, more aggressively each time); convergence when \( |1 - \ell_{old}/\ell_{new}| \le 10^{-9} \) within 20
 * iterations. The variance is the inverse information at the estimate. Tests: likelihood ratio
 * \( 2(\ell(\hat\beta) - \ell(0)) \), Wald \( \hat\beta' V^{-1} \hat\beta \), score \( U(0)' I(0)^{-1} U(0) \),
 * each on as many degrees of freedom as estimated coefficients.
 *
 * <p>Problems are reported as R reports them, in {@link CoxFit#warnings()}:
 * <ul>
 *   <li>collinear covariates: the information matrix is singular; the redundant covariate (the later one in the
 *       order given) is aliased, its coefficient NaN (R's {@code NA}), and the fit goes on with the others;
 *   <li>monotone likelihood: the likelihood converged while the remaining Newton step of a coefficient is still
 *       large relative to it ({@code |U' V|_j > eps} and {@code > sqrt(eps) |beta_j|}); its estimate and standard error
 *       are meaningless (the true maximum is at infinity, e.g. a group without events);
 *   <li>no convergence within the iteration limit (the variance is then computed at the last accepted estimate; R
 *       reuses a stale matrix there).
 * </ul>
 *
 * <p>Assumptions: right-censored data, unit case weights, no offset. Times that differ only by rounding error are
 * merged first, as {@code coxph}'s default {@code timefix = TRUE} does (see {@link TimeFix}).
 *
 * <p>Stateless and thread-safe. Cost: one sort plus {@code O(n p^2)} per iteration and {@code O(n log n)} for the
 * concordance.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Cox DR. Regression models and life-tables. J R Stat Soc B 1972;34(2):187-220.
 *       doi:10.1111/j.2517-6161.1972.tb00899.x
 *   <li>Efron B. The efficiency of Cox's likelihood function for censored data. J Am Stat Assoc 1977;72(359):557-565.
 *       doi:10.1080/01621459.1977.10480613
 *   <li>Breslow N. Covariance analysis of censored survival data. Biometrics 1974;30(1):89-99. doi:10.2307/2529620
 *   <li>Therneau TM, Grambsch PM. Modeling Survival Data: Extending the Cox Model. Springer 2000.
 *       doi:10.1007/978-1-4757-3294-8
 * </ol>
 */
public final class CoxModel {

  private CoxModel() {}

  /**
   * Fits the model.
   *
   * @param time follow-up times (months in this project; any unit), finite and non-negative
   * @param event event indicators (true = event, false = censored)
   * @param stratum stratum code of each subject (non-negative integers), or null for no strata
   * @param covariates the covariate columns, of the same length as {@code time}
   * @param options ties and tolerances ({@link CoxOptions#defaults()} for R's defaults)
   * @return the fit; never null
   * @throws IllegalArgumentException when lengths differ, a value is not finite, a time is negative, there are no
   *     subjects, or no events (every subject censored: nothing to estimate)
   */
  public static CoxFit fit(
      double[] time, boolean[] event, int[] stratum, CoxCovariates covariates, CoxOptions options) {
    int n = time.length;
    int p = covariates.size();
    validate(time, event, stratum, covariates);
    int events = 0;
    for (boolean e : event) {
      events += e ? 1 : 0;
    }
    if (events == 0) {
      throw new IllegalArgumentException(
          "no events: every one of the " + n + " subjects is censored, so no hazard ratio can be estimated");
    }
    // sort once: stratum, then ascending time (the likelihood is accumulated walking backwards)
    int[] order = IndexSort.byTime(time, stratum, false);
    // centre and scale from the original columns (sequential), then copy into sorted row-major order
    double[][] cols = covariates.columns();
    double[] means = new double[p];
    double[] scale = centreAndScale(cols, n, p, means);
    double[] st = new double[n];
    boolean[] dead = new boolean[n];
    boolean[] stratumEnd = new boolean[n];
    double[] x = new double[n * p];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      st[k] = time[i];
      dead[k] = event[i];
      stratumEnd[k] = k == n - 1 || (stratum != null && stratum[i] != stratum[order[k + 1]]);
    }
    for (int j = 0; j < p; j++) {
      double[] c = cols[j];
      double m = means[j];
      double s = scale[j];
      for (int k = 0; k < n; k++) {
        x[k * p + j] = (c[order[k]] - m) * s;
      }
    }
    TimeFix.apply(st, stratum == null); // as coxph's default timefix = TRUE

    NewtonRaphson nr = new NewtonRaphson(new PartialLikelihood(st, dead, stratumEnd, x, p, options.ties()), p, options);
    nr.run();

    double[] beta = nr.beta;
    double[][] var = nr.imat;
    double[] u = nr.u;
    for (int i = 0; i < p; i++) {
      beta[i] *= scale[i];
      u[i] /= scale[i];
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        var[i][j] *= scale[i] * scale[j];
      }
    }
    List<String> names = covariates.names();
    List<String> warnings = new ArrayList<>();
    boolean[] aliased = new boolean[p];
    if (nr.rank < p) {
      for (int i = 0; i < p; i++) {
        aliased[i] = var[i][i] == 0;
        if (aliased[i]) {
          String why = isConstant(cols[i]) ? "has the same value for every subject"
              : "is collinear with the covariates before it (the information matrix is singular)";
          warnings.add("covariate '" + names.get(i) + "' " + why
              + "; its coefficient cannot be estimated and is reported as NA, as coxph does");
        }
      }
    }
    if (!nr.converged) {
      warnings.add("the fit did not converge in " + options.maxIterations() + " iterations; estimates are unreliable");
    }
    for (int j = 0; j < p; j++) {
      // remaining Newton step u' V: large only when the likelihood is still rising along beta_j
      double step = 0;
      for (int i = 0; i < p; i++) {
        step += u[i] * var[i][j];
      }
      step = Math.abs(step);
      if (!aliased[j] && (!Double.isFinite(u[j])
          || (step > options.eps() && step > options.infTolerance() * Math.abs(beta[j])))) {
        warnings.add("the likelihood converged before the coefficient of '" + names.get(j) + "' did: it may be"
            + " infinite (monotone likelihood, e.g. a level without events); its estimate and standard error are"
            + " not meaningful");
      }
    }
    List<CoxCoefficient> coefficients = new ArrayList<>(p);
    int df = 0;
    for (int j = 0; j < p; j++) {
      if (aliased[j]) {
        coefficients.add(CoxCoefficient.aliased(names.get(j)));
      } else {
        df++;
        coefficients.add(CoxCoefficient.of(names.get(j), beta[j], Math.sqrt(var[j][j])));
      }
    }
    ChiSquareTest lr = ChiSquareTest.of(2 * (nr.logLik - nr.logLikNull), df);
    ChiSquareTest wald = ChiSquareTest.of(waldStatistic(beta, var, aliased, df, options.cholTolerance()), df);
    ChiSquareTest score = ChiSquareTest.of(nr.scoreTest, df);
    double[] lp = linearPredictor(cols, beta, means, n);
    double[] lpSorted = new double[n];
    for (int k = 0; k < n; k++) {
      lpSorted[k] = lp[order[k]];
    }
    Concordance concordance = Concordance.ofSorted(st, dead, stratumEnd, lpSorted);
    return new CoxFit(n, events, options.ties(), coefficients, nr.logLikNull, nr.logLik, lr, wald, score,
        concordance, nr.iterations, nr.converged, warnings, var);
  }

  private static boolean isConstant(double[] column) {
    for (double v : column) {
      if (v != column[0]) {
        return false;
      }
    }
    return true;
  }

  private static void validate(double[] time, boolean[] event, int[] stratum, CoxCovariates covariates) {
    int n = time.length;
    if (n == 0) {
      throw new IllegalArgumentException("no subjects to fit");
    }
    if (event.length != n || covariates.rows() != n || (stratum != null && stratum.length != n)) {
      throw new IllegalArgumentException("time, event, strata and covariates must have one entry per subject");
    }
    for (double t : time) {
      if (!Double.isFinite(t) || t < 0) {
        throw new IllegalArgumentException("times must be finite and non-negative, got " + t);
      }
    }
    double[][] cols = covariates.columns();
    for (int j = 0; j < cols.length; j++) {
      for (double v : cols[j]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("covariate '" + covariates.names().get(j) + "' has a non-finite value");
        }
      }
    }
  }

  /**
   * The centre and scale of each column: a column whose values are all in {-1, 0, 1} is left as it is (R's
   * {@code nocenter}); any other is centred at its mean and scaled by {@code n / sum|x - mean|} (1 when constant).
   *
   * @return the scale factors; {@code means} receives the centres (0 where not centred)
   */
  private static double[] centreAndScale(double[][] cols, int n, int p, double[] means) {
    double[] scale = new double[p];
    for (int j = 0; j < p; j++) {
      double[] c = cols[j];
      boolean zeroOne = true;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double v = c[i];
        zeroOne &= v == 0 || v == 1 || v == -1;
        sum += v;
      }
      if (zeroOne) {
        scale[j] = 1;
        continue;
      }
      double mean = sum / n;
      means[j] = mean;
      double abs = 0;
      for (int i = 0; i < n; i++) {
        abs += Math.abs(c[i] - mean);
      }
      scale[j] = abs > 0 ? n / abs : 1;
    }
    return scale;
  }

  private static double waldStatistic(double[] beta, double[][] var, boolean[] aliased, int df, double toler) {
    if (df == 0) {
      return Double.NaN;
    }
    double[][] v = new double[df][df];
    double[] b = new double[df];
    int r = 0;
    for (int i = 0; i < beta.length; i++) {
      if (aliased[i]) {
        continue;
      }
      b[r] = beta[i];
      int c = 0;
      for (int j = 0; j < beta.length; j++) {
        if (!aliased[j]) {
          v[r][c++] = var[i][j];
        }
      }
      r++;
    }
    double[] solved = b.clone();
    Cholesky.decompose(v, toler);
    Cholesky.solve(v, solved);
    double w = 0;
    for (int i = 0; i < df; i++) {
      w += b[i] * solved[i];
    }
    return w;
  }

  /** The linear predictor centred as R's {@code fit$linear.predictors} (aliased coefficients count as 0). */
  private static double[] linearPredictor(double[][] cols, double[] beta, double[] means, int n) {
    double[] lp = new double[n];
    double centre = 0;
    for (int j = 0; j < beta.length; j++) {
      double b = Double.isFinite(beta[j]) ? beta[j] : 0;
      centre += b * means[j];
      double[] c = cols[j];
      for (int i = 0; i < n; i++) {
        lp[i] += c[i] * b;
      }
    }
    for (int i = 0; i < n; i++) {
      lp[i] -= centre;
    }
    return lp;
  }
}
