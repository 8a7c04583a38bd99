package org.oligotrial.design;

import java.util.ArrayList;
import java.util.List;

/**
 * A group-sequential design for a two-arm log-rank comparison in events, patients and analysis times, as R's
 * {@code rpact::getSampleSizeSurvival(design, hazardRatio, median2, accrualTime = c(0, a), followUpTime = f,
 * allocationRatioPlanned = r, dropoutRate1, dropoutRate2, dropoutTime)} computes them.
 *
 * <p><b>Events.</b> Schoenfeld's fixed-design events \( D_F = (z_{1-\alpha/s} + z_{1-\beta})^2 (1+r)^2/(r\log^2\Delta)
 * \) ({@link LogRankSampleSize}); the maximum is \( D_K = I \cdot D_F \) with the inflation factor \( I \), the look
 * \( k \) at \( D_k = t_k D_K \), and the expected events are \( D_F \) times the expected information relative to the
 * fixed design.
 *
 * <p><b>Patients and times.</b> Uniform accrual of \( N \) patients over \( [0, a] \), exponential event times (hazard
 * \( \lambda_C = \log 2/m_C \), \( \lambda_E = \Delta\lambda_C \)) and exponential drop-out with hazard \( \eta \)
 * (competing). With \( \mu = \lambda + \eta \) and \( b = \min(\tau, a) \), an arm expects by calendar time \( \tau \)
 * the fraction
 * \[ F(\tau) = \frac{\lambda}{\mu a}\left(b - e^{-\mu(\tau - b)}\,\frac{1 - e^{-\mu b}}{\mu}\right) \]
 * of its patients to have had an observed event (Lachin and Foulkes 1986); \( N = D_K / F(a + f) \) with \( F \)
 * averaged over the arms with weights \( r/(1+r) \), \( 1/(1+r) \), and the look \( k \) is at the \( \tau \) where
 * \( N F(\tau) = D_k \) (bisection to \( 10^{-10} \) months).
 *
 * <p><b>Hazard-ratio bounds.</b> With \( \mathrm{Var}(\log\hat\Delta) \approx (1+r)^2/(r D) \), the bound \( c_k \)
 * corresponds to \( \exp(-c_k (1+r)/\sqrt{r D_k}) \) for an assumed \( \Delta &lt; 1 \) (the sign flipped for
 * \( \Delta &gt; 1 \)).
 *
 * <p>Stateless and thread-safe.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Schoenfeld DA. Sample-size formula for the proportional-hazards regression model. Biometrics
 *       1983;39:499-503. doi:10.2307/2531021
 *   <li>Lachin JM, Foulkes MA. Evaluation of sample size and power for analyses of survival with allowance for
 *       nonuniform patient entry, losses to follow-up, noncompliance, and stratification. Biometrics
 *       1986;42:507-519. doi:10.2307/2531201
 *   <li>Wassmer G, Brannath W. Group Sequential and Confirmatory Adaptive Designs in Clinical Trials. Springer 2016,
 *       chapter 7 (rpact). doi:10.1007/978-3-319-32562-0
 * </ol>
 */
public final class GroupSequentialSurvival {

  private GroupSequentialSurvival() {}

  /**
   * The survival design for {@code design}.
   *
   * @param hazardRatio experimental : control, positive, not 1
   * @param allocationRatio patients experimental : control, positive
   * @param controlMedianMonths control median, months
   * @param accrualMonths accrual period, months
   * @param followUpMonths follow-up after the last patient enters, months (non-negative)
   * @throws IllegalArgumentException naming the value out of range
   */
  public static SurvivalGroupSequentialDesign compute(GroupSequentialDesign design, double hazardRatio,
      double allocationRatio, double controlMedianMonths, double accrualMonths, double followUpMonths,
      Dropout dropout) {
    GroupSequentialSpec spec = design.spec();
    // the fixed design's assumptions validate the values shared with it
    LogRankDesign fixed = new LogRankDesign(hazardRatio, spec.alpha(), spec.sides(), spec.power(), allocationRatio,
        controlMedianMonths, accrualMonths, followUpMonths);
    double r = allocationRatio;
    double eventsFixed = LogRankSampleSize.compute(fixed, EventsFormula.SCHOENFELD).events();
    double maxEvents = design.inflationFactor() * eventsFixed;
    double lambdaC = Math.log(2) / controlMedianMonths;
    double lambdaE = hazardRatio * lambdaC;
    double eta = dropout.hazard();
    double end = accrualMonths + followUpMonths;
    double pEnd = eventFraction(end, r, lambdaE, lambdaC, eta, accrualMonths);
    double patients = maxEvents / pEnd;
    if (!(patients <= LogRankSampleSize.MAX_SIZE)) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "no feasible design: it needs %.3g patients; check the hazard ratio, accrual and follow-up against the"
              + " control median and the drop-out", patients));
    }
    List<Double> events = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    List<Double> hr = new ArrayList<>();
    List<Double> hrOther = new ArrayList<>();
    List<Double> hrFut = new ArrayList<>();
    double sign = hazardRatio < 1 ? -1 : 1;
    int k = design.stages().size();
    for (int i = 0; i < k; i++) {
      GroupSequentialDesign.Stage s = design.stages().get(i);
      double d = s.informationRate() * maxEvents;
      events.add(d);
      times.add(i == k - 1 ? end : time(d / patients, r, lambdaE, lambdaC, eta, accrualMonths, end));
      double se = (1 + r) / Math.sqrt(r * d);
      hr.add(Math.exp(sign * s.criticalZ() * se));
      if (spec.sides() == 2) {
        hrOther.add(Math.exp(-sign * s.criticalZ() * se));
      }
      if (!Double.isNaN(s.futilityZ()) && i < k - 1) {
        hrFut.add(Math.exp(sign * s.futilityZ() * se));
      }
    }
    return new SurvivalGroupSequentialDesign(design, hazardRatio, r, eventsFixed, maxEvents, events,
        eventsFixed * design.expectedInformationH0(), eventsFixed * design.expectedInformationH1(), patients, times,
        hr, hrOther, hrFut);
  }

  /** The expected fraction of all patients (to be) enrolled with an observed event by calendar time {@code tau}. */
  static double eventFraction(double tau, double r, double lambdaE, double lambdaC, double eta, double a) {
    return (r * armFraction(tau, lambdaE, eta, a) + armFraction(tau, lambdaC, eta, a)) / (1 + r);
  }

  private static double armFraction(double tau, double lambda, double eta, double a) {
    double mu = lambda + eta;
    double b = Math.min(tau, a);
    // b - exp(-mu (tau - b)) (1 - exp(-mu b)) / mu, with expm1 so that small mu b keeps its digits
    return lambda / (mu * a) * (b - Math.exp(-mu * (tau - b)) * -Math.expm1(-mu * b) / mu);
  }

  /** The calendar time at which the expected event fraction reaches {@code fraction}, by bisection. */
  private static double time(double fraction, double r, double lambdaE, double lambdaC, double eta, double a,
      double end) {
    double lo = 0;
    double hi = end;
    while (hi - lo > 1e-11) {
      double mid = 0.5 * (lo + hi);
      if (eventFraction(mid, r, lambdaE, lambdaC, eta, a) < fraction) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
