package org.oligotrial.design;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Events and patients for a two-arm log-rank test with a fixed (single-stage) design, as R's
 * {@code rpact::getSampleSizeSurvival(hazardRatio, alpha, sided, beta, allocationRatioPlanned, median2, accrualTime =
 * c(0, a), followUpTime = f, typeOfComputation = "Schoenfeld" | "Freedman")} computes them.
 *
 * <p>Events \( D \): with \( z = z_{1-\alpha/s} + z_{1-\beta} \), allocation ratio \( r \) (experimental : control)
 * and hazard ratio \( \Delta \),
 * <ul>
 *   <li>Schoenfeld: \( D = z^2 (1+r)^2 / (r \log^2\Delta) \);
 *   <li>Freedman: \( D = z^2 (1+r\Delta)^2 / (r (1-\Delta)^2) \).
 * </ul>
 * With two sides the significance level is split between the tails (\( z_{1-\alpha/2} \)), as rpact does.
 *
 * <p>Patients \( N = D / P \): exponential event times with control hazard \( \lambda_C = \log 2 / m_C \) and
 * \( \lambda_E = \Delta \lambda_C \); uniform accrual over \( [0, a] \) and analysis at \( a + f \); the probability
 * of an observed event in an arm with hazard \( \lambda \) is
 * \[ P(\lambda) = 1 - \frac{e^{-\lambda f} - e^{-\lambda (a + f)}}{\lambda a} \]
 * and \( P = (r P(\lambda_E) + P(\lambda_C)) / (1 + r) \). No drop-out.
 *
 * <p>Stateless and thread-safe.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Schoenfeld D. The asymptotic properties of nonparametric tests for comparing survival distributions.
 *       Biometrika 1981;68(1):316-319. doi:10.1093/biomet/68.1.316
 *   <li>Schoenfeld DA. Sample-size formula for the proportional-hazards regression model. Biometrics
 *       1983;39(2):499-503. doi:10.2307/2531021
 *   <li>Freedman LS. Tables of the number of patients required in clinical trials using the logrank test. Stat Med
 *       1982;1(2):121-129. doi:10.1002/sim.4780010204
 *   <li>Lachin JM, Foulkes MA. Evaluation of sample size and power for analyses of survival with allowance for
 *       nonuniform patient entry, losses to follow-up, noncompliance, and stratification. Biometrics
 *       1986;42(3):507-519. doi:10.2307/2531201
 *   <li>Wassmer G, Brannath W. Group Sequential and Confirmatory Adaptive Designs in Clinical Trials. Springer 2016
 *       (rpact). doi:10.1007/978-3-319-32562-0
 * </ol>
 */
public final class LogRankSampleSize {

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private LogRankSampleSize() {}

  /** Most events or patients a design may need before it is called infeasible (no trial enrols a billion). */
  public static final double MAX_SIZE = 1e9;

  /**
   * The size needed under {@code design} by {@code formula}.
   *
   * @throws IllegalArgumentException when the design needs more than {@link #MAX_SIZE} events or patients (an
   *     extreme allocation ratio or alpha, or an event probability that is practically zero)
   */
  public static SampleSize compute(LogRankDesign design, EventsFormula formula) {
    SampleSize s = size(design, formula);
    if (!(s.events() <= MAX_SIZE && s.patients() <= MAX_SIZE)) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "no feasible design: it needs %.3g events and %.3g patients (more than %.0e); check the hazard ratio,"
              + " the allocation ratio, alpha and the accrual and follow-up against the control median",
          s.events(), s.patients(), MAX_SIZE));
    }
    return s;
  }

  private static SampleSize size(LogRankDesign design, EventsFormula formula) {
    // the upper quantile from the lower tail: exact for a tiny alpha, where 1 - alpha / sides rounds to 1
    double zAlpha = -NORMAL.inverseCumulativeProbability(design.alpha() / design.sides());
    double zBeta = NORMAL.inverseCumulativeProbability(design.power());
    double z2 = (zAlpha + zBeta) * (zAlpha + zBeta);
    double r = design.allocationRatio();
    double hr = design.hazardRatio();
    double events = switch (formula) {
      case SCHOENFELD -> z2 * (1 + r) * (1 + r) / (r * Math.log(hr) * Math.log(hr));
      case FREEDMAN -> z2 * (1 + r * hr) * (1 + r * hr) / (r * (1 - hr) * (1 - hr));
    };
    double lambdaC = Math.log(2) / design.controlMedianMonths();
    double lambdaE = hr * lambdaC;
    double pC = eventProbability(lambdaC, design.accrualMonths(), design.followUpMonths());
    double pE = eventProbability(lambdaE, design.accrualMonths(), design.followUpMonths());
    double p = (r * pE + pC) / (1 + r);
    double patients = events / p;
    return new SampleSize(formula, design, events, patients, patients * r / (1 + r), patients / (1 + r), p, pE, pC,
        lambdaC, lambdaE, zAlpha);
  }

  /**
   * The probability that a patient enrolled uniformly over {@code [0, a]} has had an exponential event (hazard
   * {@code lambda} per month) by {@code a + f}.
   */
  static double eventProbability(double lambda, double a, double f) {
    // exp(-lf) - exp(-l(a + f)) = exp(-lf) (1 - exp(-la)), with expm1 so that a small l*a keeps its digits
    return 1 - Math.exp(-lambda * f) * -Math.expm1(-lambda * a) / (lambda * a);
  }

  /**
   * The hazard ratio below 1 (benefit of the experimental arm) that {@code patients} patients detect with the power
   * of {@code design} (its own hazard ratio is ignored), found by bisection to 1e-10.
   *
   * @throws IllegalArgumentException when {@code patients} is not positive
   */
  public static double detectableHazardRatio(LogRankDesign design, double patients, EventsFormula formula) {
    if (!(patients > 0)) {
      throw new IllegalArgumentException("patients must be positive, got " + patients);
    }
    double lo = 1e-6; // needs few patients
    double hi = 1 - 1e-9; // needs very many
    while (hi - lo > 1e-10) {
      double mid = (lo + hi) / 2;
      if (size(design.withHazardRatio(mid), formula).patients() > patients) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
