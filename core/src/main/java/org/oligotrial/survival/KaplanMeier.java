package org.oligotrial.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Kaplan-Meier (product-limit) estimator of the survival function, with Greenwood's variance, pointwise
 * confidence intervals and the median survival time, computed as R's {@code survfit(Surv(time, status) ~ group)} with
 * its defaults ({@code stype = 1}, {@code ctype = 1}, {@code conf.lower = "usual"}, {@code timefix = TRUE}).
 *
 * <p>At the distinct observed times \(t_1 < \dots < t_m\) of a group, with \(n_i\) subjects at risk just before
 * \(t_i\) (subjects censored at \(t_i\) are still at risk) and \(d_i\) events at \(t_i\):
 *
 * \[ \hat S(t) = \prod_{t_i \le t} \left(1 - \frac{d_i}{n_i}\right), \qquad
 *    \sigma^2(t) = \sum_{t_i \le t} \frac{d_i}{n_i (n_i - d_i)}, \qquad
 *    \widehat{\mathrm{se}}\,\hat S(t) = \hat S(t)\, \sigma(t). \]
 *
 * <p>\(\sigma\) is the standard error of the cumulative hazard (survfit's {@code std.err}); the confidence limits
 * follow {@link ConfidenceType}; the median and its interval follow {@link MedianSurvival}. Times that differ only by
 * floating-point noise are merged first, as R does ({@link AlmostEqualTimes}). Assumptions: independent, non-informative
 * right censoring; no delayed entry; unweighted subjects.
 *
 * <p>Cost: one pass to split the data by group, one sort of primitive {@code double} arrays per group, one pass over
 * the sorted times; no boxing. Thread-safe: instances hold only the confidence settings.
 *
 * <p>References:
 *
 * <ol>
 *   <li>Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J Am Stat Assoc
 *       1958;53:457-481. doi:10.1080/01621459.1958.10501452
 *   <li>Greenwood M. The natural duration of cancer. Reports on Public Health and Medical Subjects 1926;33:1-26.
 *   <li>Brookmeyer R, Crowley J. A confidence interval for the median survival time. Biometrics 1982;38:29-41.
 *       doi:10.2307/2530286
 *   <li>Therneau TM, Grambsch PM. Modeling Survival Data: Extending the Cox Model. Springer; 2000.
 *       doi:10.1007/978-1-4757-3294-8
 * </ol>
 */
public final class KaplanMeier {

  private final ConfidenceType confidenceType;
  private final double confidenceLevel;
  private final double z;

  /**
   * @param confidenceType the transformation of the pointwise confidence interval (R's default is {@code LOG})
   * @param confidenceLevel the confidence level, strictly between 0 and 1 (R's default 0.95)
   * @throws IllegalArgumentException when the level is outside (0, 1)
   * @throws NullPointerException when the type is null
   */
  public KaplanMeier(ConfidenceType confidenceType, double confidenceLevel) {
    this.confidenceType = java.util.Objects.requireNonNull(confidenceType, "confidenceType");
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be between 0 and 1, was " + confidenceLevel);
    }
    this.confidenceLevel = confidenceLevel;
    this.z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
  }

  /** Log-transformed 95% intervals, R's defaults. */
  public KaplanMeier() {
    this(ConfidenceType.LOG, 0.95);
  }

  /**
   * One curve per group, in the order of {@link SurvivalData#groupLabels()}. Strata are ignored (pool them or subset
   * first).
   *
   * @throws NullPointerException when {@code data} is null
   */
  public List<KaplanMeierCurve> fit(SurvivalData data) {
    SortedCells cells = SortedCells.of(data, false);
    List<KaplanMeierCurve> curves = new ArrayList<>(data.groupCount());
    for (int g = 0; g < data.groupCount(); g++) {
      curves.add(curve(data.groupLabels().get(g), cells.events(0, g), cells.censored(0, g)));
    }
    return List.copyOf(curves);
  }

  /** The curve of one group from its sorted event times and sorted censoring times. */
  KaplanMeierCurve curve(String label, double[] ev, double[] ce) {
    int n = ev.length + ce.length;
    int distinct = distinct(ev, ce);
    double[] time = new double[distinct];
    int[] risk = new int[distinct];
    int[] nev = new int[distinct];
    int[] ncen = new int[distinct];
    double[] surv = new double[distinct];
    double[] se = new double[distinct];
    double[] lo = new double[distinct];
    double[] up = new double[distinct];
    int i = 0;
    int j = 0;
    int m = 0;
    int atRisk = n;
    double s = 1;
    double greenwood = 0;
    while (i < ev.length || j < ce.length) {
      double t = j >= ce.length || (i < ev.length && ev[i] <= ce[j]) ? ev[i] : ce[j];
      int d = 0;
      while (i < ev.length && ev[i] == t) {
        d++;
        i++;
      }
      int c = 0;
      while (j < ce.length && ce[j] == t) {
        c++;
        j++;
      }
      if (d > 0) {
        // product-limit step and Greenwood term d / (n (n - d)); infinite when everyone at risk fails
        s *= (double) (atRisk - d) / atRisk;
        greenwood += atRisk == d ? Double.POSITIVE_INFINITY : d / ((double) atRisk * (atRisk - d));
      }
      double sigma = Math.sqrt(greenwood);
      time[m] = t;
      risk[m] = atRisk;
      nev[m] = d;
      ncen[m] = c;
      surv[m] = s;
      se[m] = sigma;
      lo[m] = confidenceType.lower(s, sigma, z);
      up[m] = confidenceType.upper(s, sigma, z);
      m++;
      atRisk -= d + c;
    }
    MedianSurvival median = MedianSurvival.of(time, surv, lo, up);
    return new KaplanMeierCurve(label, n, time, risk, nev, ncen, surv, se, lo, up, median, confidenceType,
        confidenceLevel);
  }

  /** The number of distinct values in two sorted arrays together (a merge pass without output). */
  static int distinct(double[] a, double[] b) {
    int i = 0;
    int j = 0;
    int m = 0;
    double last = Double.NaN;
    while (i < a.length || j < b.length) {
      double t = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (t != last) {
        m++;
        last = t;
      }
    }
    return m;
  }

  public ConfidenceType confidenceType() {
    return confidenceType;
  }

  public double confidenceLevel() {
    return confidenceLevel;
  }
}
