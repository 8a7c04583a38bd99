package org.oligotrial.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The restricted mean survival time (RMST) up to a horizon \(\tau\): the area under the Kaplan-Meier curve from 0 to
 * \(\tau\), with the standard error R's {@code print(survfit(...), rmean = tau)} reports as {@code se(rmean)}.
 *
 * <p>With the distinct times \(t_1 < \dots < t_m \le \tau\) of the curve, \(t_0 = 0\), \(t_{m+1} = \tau\),
 * \(\hat S(t_0) = 1\) and the area after time \(t_i\), \(A_i = \sum_{j > i} (t_{j+1} - t_j) \hat S(t_j)\):
 *
 * \[ \widehat{\mathrm{RMST}}(\tau) = \int_0^\tau \hat S(t)\,dt = \sum_{j=0}^{m} (t_{j+1} - t_j) \hat S(t_j),
 *    \qquad \widehat{\mathrm{var}} = \sum_{i=1}^{m} A_i^2 \frac{d_i}{n_i (n_i - d_i)}, \]
 *
 * the term being 0 where \(n_i = d_i\). The confidence interval is \(\mathrm{RMST} \pm z\,\mathrm{se}\); the difference
 * of two independent groups has \(\mathrm{se} = \sqrt{\mathrm{se}_1^2 + \mathrm{se}_2^2}\) and a Wald p-value. When
 * \(\tau\) is past the last time the curve is extended flat to \(\tau\) (R does the same; if the last time is censored
 * the extension is an assumption). Thread-safe (stateless).
 *
 * <p>References:
 *
 * <ol>
 *   <li>Royston P, Parmar MKB. Restricted mean survival time: an alternative to the hazard ratio for the design and
 *       analysis of randomized trials with a time-to-event outcome. BMC Med Res Methodol 2013;13:152.
 *       doi:10.1186/1471-2288-13-152
 *   <li>Klein JP, Moeschberger ML. Survival Analysis: Techniques for Censored and Truncated Data. 2nd ed. Springer;
 *       2003, section 4.5. doi:10.1007/b97377
 *   <li>Uno H, Claggett B, Tian L, et al. Moving beyond the hazard ratio in quantifying the between-group difference in
 *       survival analysis. J Clin Oncol 2014;32:2380-2385. doi:10.1200/JCO.2013.53.2411
 * </ol>
 */
public final class RestrictedMeanSurvival {

  private RestrictedMeanSurvival() {}

  /**
   * The RMST of every group up to {@code tau}.
   *
   * @param data the survival data (strata are ignored)
   * @param tau the horizon in the unit of the data, positive and finite
   * @param confidenceLevel the level of the intervals, in (0, 1)
   * @throws IllegalArgumentException when {@code tau} or the level is out of range
   */
  public static List<RestrictedMean> estimate(SurvivalData data, double tau, double confidenceLevel) {
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("tau must be a positive finite time, was " + tau);
    }
    double z = z(confidenceLevel);
    List<RestrictedMean> out = new ArrayList<>();
    for (KaplanMeierCurve c : new KaplanMeier().fit(data)) {
      out.add(of(c, tau, z));
    }
    return List.copyOf(out);
  }

  /** The RMST of one Kaplan-Meier curve up to {@code tau}, with a {@code z}-based interval. */
  static RestrictedMean of(KaplanMeierCurve c, double tau, double z) {
    double area = 0;
    double previousTime = 0; // survmean's start.time = min(0, times) = 0
    double previousSurv = 1;
    int m = 0;
    while (m < c.size() && c.time(m) <= tau) {
      m++;
    }
    // rectangles (t_{j+1} - t_j) S(t_j); rect[j] is the one ending at t_j (j < m) or at tau (j = m)
    double[] rect = new double[m + 1];
    for (int j = 0; j < m; j++) {
      rect[j] = (c.time(j) - previousTime) * previousSurv;
      area += rect[j];
      previousTime = c.time(j);
      previousSurv = c.survival(j);
    }
    rect[m] = (tau - previousTime) * previousSurv;
    area += rect[m];
    // variance: sum over times t_i <= tau of (area after t_i)^2 d_i / (n_i (n_i - d_i))
    double var = 0;
    double after = 0;
    for (int i = m - 1; i >= 0; i--) {
      after += rect[i + 1];
      int n = c.nRisk(i);
      int d = c.nEvent(i);
      double h = n - d == 0 ? 0 : d / ((double) n * (n - d));
      var += after * after * h;
    }
    double se = Math.sqrt(var);
    return new RestrictedMean(c.group(), c.n(), c.events(), tau, area, se, area - z * se, area + z * se);
  }

  /**
   * The difference {@code second - first} of two groups' RMST, with a confidence interval and a two-sided Wald
   * p-value.
   *
   * @throws IllegalArgumentException when a label is not one of {@code estimates} or the level is out of range
   */
  public static RestrictedMeanDifference difference(
      List<RestrictedMean> estimates, String first, String second, double confidenceLevel) {
    RestrictedMean a = find(estimates, first);
    RestrictedMean b = find(estimates, second);
    double z = z(confidenceLevel);
    double diff = b.rmst() - a.rmst();
    double se = Math.sqrt(a.se() * a.se() + b.se() * b.se());
    double p = se == 0 ? (diff == 0 ? 1 : 0) : 2 * new NormalDistribution().cumulativeProbability(-Math.abs(diff) / se);
    return new RestrictedMeanDifference(first, second, diff, se, diff - z * se, diff + z * se, p);
  }

  private static RestrictedMean find(List<RestrictedMean> estimates, String label) {
    for (RestrictedMean r : estimates) {
      if (r.group().equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no group '" + label + "'");
  }

  private static double z(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be between 0 and 1, was " + level);
    }
    return new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
  }
}
