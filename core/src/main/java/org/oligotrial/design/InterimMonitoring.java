package org.oligotrial.design;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The group-sequential rule applied to a running log-rank trial: bounds at the realised information, the decision,
 * repeated confidence intervals and conditional power.
 *
 * <p><b>Information.</b> Look \( i \) with \( D_i \) events has information fraction \( t_i = \min(D_i/D, 1) \) of the
 * planned events \( D \); the statistic is \( Z_i = \mp z_{LR,i} \) (sign so that large values favour the
 * experimental arm: minus the log-rank statistic when the design's hazard ratio is below 1). A look is final when
 * \( D_i \ge D \) or it is the \( K \)-th.
 *
 * <p><b>Bounds</b> (Lan and DeMets 1983; Jennison and Turnbull 2000, section 7.2): the alpha spending function is
 * evaluated at the realised \( t_i \) (at the final look at 1, spending all that is left) and \( c_i \) solved as in
 * {@link GroupSequentialBoundaries} given the bounds of the earlier looks. Futility: fixed z values of the plan at
 * its interim looks, or beta spending at the realised \( t_i \) under the design effect
 * \( \theta_1 = |\log\Delta_1| \) with \( E Z_i = \theta_1\sqrt{I_i} \), \( I_i = r D_i/(1+r)^2 \); at the final look
 * the futility bound is the efficacy bound. Non-binding futility bounds are ignored in computing \( c_i \).
 *
 * <p><b>Decision</b> at look \( i \): stop for efficacy when \( Z_i \ge c_i \) (\( |Z_i| \ge c_i \) two-sided); at the
 * final look otherwise H0 is not rejected; at an interim, stop for futility when \( Z_i \le a_i \); else continue.
 *
 * <p><b>Repeated confidence intervals</b> (Jennison and Turnbull 2000, chapter 9): \( \exp(\hat\theta_i \pm c_i
 * \,\mathrm{se}_i) \) with the log hazard ratio estimate and its standard error (Cox, or from the log-rank statistic:
 * \( \hat\theta_i = z_{LR,i}(1+r)/\sqrt{r D_i} \), \( \mathrm{se}_i = (1+r)/\sqrt{r D_i} \), as rpact's
 * {@code getRepeatedConfidenceIntervals}); they cover the hazard ratio simultaneously at all looks with probability
 * \( 1 - \alpha \) (two-sided design) or \( 1 - 2\alpha \) (one-sided).
 *
 * <p><b>Conditional power</b> (Jennison and Turnbull 2000, chapter 10; Lan and Wittes 1988, B-values): given
 * \( Z_i = z \), i.e. \( B(t_i) = z\sqrt{t_i} \), the Brownian motion \( B(t) \) continues with drift \( \theta\sqrt{I_D}
 * \) per unit of \( t \) (\( I_D \) the planned information). The probability to cross the efficacy bounds at the
 * remaining planned looks (rates of the plan above \( t_i \); their bounds by spending at those rates) is computed by
 * {@link RecursiveIntegration} from a point mass at \( z \), futility ignored. For one remaining look at \( t = 1 \)
 * it is \( 1 - \Phi((c_K - z\sqrt{t_i} - \theta\sqrt{I_D}(1 - t_i))/\sqrt{1 - t_i}) \). The design effect is
 * \( \theta = \theta_1 \), the current trend \( \theta = Z_i/\sqrt{I_i} \) (rpact's {@code getConditionalPower} with
 * {@code thetaH1} the design's or the observed hazard ratio).
 *
 * <p>Stateless and thread-safe; bad input throws {@link IllegalArgumentException} naming the look.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Lan KKG, DeMets DL. Discrete sequential boundaries for clinical trials. Biometrika 1983;70:659-663.
 *       doi:10.1093/biomet/70.3.659
 *   <li>Jennison C, Turnbull BW. Interim analyses: the repeated confidence interval approach. J R Stat Soc B
 *       1989;51:305-361. doi:10.1111/j.2517-6161.1989.tb01433.x
 *   <li>Lan KKG, Wittes J. The B-value: a tool for monitoring data. Biometrics 1988;44:579-585.
 *       doi:10.2307/2531870
 *   <li>Jennison C, Turnbull BW. Group Sequential Methods with Applications to Clinical Trials. Chapman &amp;
 *       Hall/CRC 2000, chapters 7, 9, 10. doi:10.1201/9780367805326
 * </ol>
 */
public final class InterimMonitoring {

  private InterimMonitoring() {}

  /**
   * The rule at every look so far.
   *
   * @param looks the looks in order, events increasing, at most the plan's number of looks
   * @throws IllegalArgumentException when the looks are empty, their events do not increase, or there are more
   *     looks than planned
   */
  public static MonitoringResult monitor(MonitoringPlan plan, List<ObservedLook> looks) {
    GroupSequentialSpec spec = plan.spec();
    int k = spec.looks();
    if (spec.sides() == 2 && !(spec.futility() instanceof FutilityRule.None)) {
      // the design (GroupSequentialBoundaries) has them; monitoring would need the inner region at observed rates
      throw new IllegalArgumentException("monitoring a two-sided design with futility bounds is not supported:"
          + " monitor it without the futility rule (non-binding bounds leave the efficacy bounds unchanged) or"
          + " plan a one-sided design");
    }
    if (looks.isEmpty()) {
      throw new IllegalArgumentException("no look to monitor");
    }
    if (looks.size() > k) {
      throw new IllegalArgumentException("look " + (k + 1) + ": the plan has " + k + " looks");
    }
    for (int i = 1; i < looks.size(); i++) {
      if (!(looks.get(i).events() > looks.get(i - 1).events())) {
        throw new IllegalArgumentException("look " + (i + 1) + ": events must increase from look to look, got "
            + looks.get(i - 1).events() + " then " + looks.get(i).events());
      }
    }
    for (int i = 0; i < looks.size() - 1; i++) {
      if (looks.get(i).events() >= plan.plannedEvents()) {
        throw new IllegalArgumentException("look " + (i + 1) + " reached the planned events and was final; no look"
            + " may follow it");
      }
    }
    RecursiveIntegration integration = new RecursiveIntegration(RecursiveIntegration.DEFAULT_R);
    SpendingFunction alphaSpending = ((EfficacyBoundary.Spending) spec.efficacy()).function();
    int sides = spec.sides();
    double r = plan.allocationRatio();
    double sign = plan.hazardRatio() < 1 ? -1 : 1;
    double theta1 = Math.abs(Math.log(plan.hazardRatio()));
    double sqrtIMax = Math.sqrt(plan.information(plan.plannedEvents()));
    double drift1 = theta1 * sqrtIMax;

    List<MonitoringResult.Look> out = new ArrayList<>();
    RecursiveIntegration.Density d0 = null;
    RecursiveIntegration.Density d1 = null;
    double prevT = 0;
    double spentBefore = 0;
    double betaBefore = 0;
    for (int i = 0; i < looks.size(); i++) {
      ObservedLook look = looks.get(i);
      boolean last = look.events() >= plan.plannedEvents() || i == k - 1;
      double t = Math.min(look.events() / plan.plannedEvents(), 1);
      if (last && t <= prevT) {
        t = Math.nextUp(prevT);
      }
      double spent = alphaSpending.spent(spec.alpha(), last ? 1 : t, sides);
      double c = bound(d0, t, spent - spentBefore, sides);
      double a = Double.NaN;
      if (last && !(spec.futility() instanceof FutilityRule.None)) {
        a = c;
      } else if (spec.futility() instanceof FutilityRule.FixedZ f) {
        a = f.z().get(i);
      } else if (spec.futility() instanceof FutilityRule.BetaSpending b) {
        double betaSpent = b.function().spent(1 - spec.power(), t, 1);
        a = futility(d1, t, drift1, betaSpent - betaBefore, c);
        betaBefore = betaSpent;
      }
      double lowerH0 = sides == 2 ? -c : spec.binding() && !Double.isNaN(a) ? a : Double.NEGATIVE_INFINITY;
      double lowerH1 = Double.isNaN(a) ? Double.NEGATIVE_INFINITY : a;
      double z = sign * look.logRankZ();
      double seDefault = (1 + r) / Math.sqrt(r * look.events());
      double logHr = Double.isNaN(look.hazardRatio()) ? look.logRankZ() * seDefault : Math.log(look.hazardRatio());
      double se = Double.isNaN(look.hazardRatio()) || Double.isNaN(look.standardError()) ? seDefault
          : look.standardError();
      double rciLower = Math.exp(logHr - c * se);
      double rciUpper = Math.exp(logHr + c * se);
      MonitoringResult.Decision decision;
      if (sides == 1 ? z >= c : Math.abs(z) >= c) {
        decision = MonitoringResult.Decision.STOP_FOR_EFFICACY;
      } else if (last) {
        decision = MonitoringResult.Decision.FINAL_NOT_REJECTED;
      } else if (!Double.isNaN(a) && z <= a) {
        decision = MonitoringResult.Decision.STOP_FOR_FUTILITY;
      } else {
        decision = MonitoringResult.Decision.CONTINUE;
      }
      RecursiveIntegration.Density next0 = last ? null : integration.next0(d0, t, 0, lowerH0, c);
      double cpDesign = Double.NaN;
      double cpTrend = Double.NaN;
      if (!last) {
        double trend = z / Math.sqrt(t); // theta-hat sqrt(I_max)
        cpDesign = conditionalPower(integration, plan, next0, t, z, drift1, spent, alphaSpending);
        cpTrend = conditionalPower(integration, plan, next0, t, z, trend, spent, alphaSpending);
      }
      out.add(new MonitoringResult.Look(i + 1, look.events(), t, last, z, c, a, spent,
          Math.exp(logHr), rciLower, rciUpper, cpDesign, cpTrend, decision));
      if (last) {
        break;
      }
      d0 = next0;
      if (spec.futility() instanceof FutilityRule.BetaSpending) {
        d1 = integration.next0(d1, t, drift1, lowerH1, c);
      }
      spentBefore = spent;
      prevT = t;
    }
    return new MonitoringResult(plan, out);
  }

  /** The efficacy bound spending {@code share} under H0 after {@code d0}. */
  private static double bound(RecursiveIntegration.Density d0, double t, double share, int sides) {
    DoubleUnaryOperator tail = c -> RecursiveIntegration.above(d0, t, 0, c)
        + (sides == 2 ? RecursiveIntegration.below(d0, t, 0, -c) : 0) - share;
    double zMax = GroupSequentialBoundaries.Z_MAX;
    if (!(share > 0) || tail.applyAsDouble(zMax) >= 0) {
      return zMax;
    }
    double lo = sides == 2 ? 0 : -zMax;
    if (tail.applyAsDouble(lo) <= 0) {
      return lo;
    }
    return GroupSequentialBoundaries.root(tail, lo, zMax);
  }

  /** The futility bound spending {@code share} of beta under the design drift, at most {@code c}. */
  private static double futility(RecursiveIntegration.Density d1, double t, double drift, double share, double c) {
    DoubleUnaryOperator f = x -> RecursiveIntegration.below(d1, t, drift, x) - share;
    double lo = drift * Math.sqrt(t) - GroupSequentialBoundaries.Z_MAX;
    if (f.applyAsDouble(c) <= 0) {
      return c;
    }
    if (!(share > 0) || f.applyAsDouble(lo) >= 0) {
      return lo;
    }
    return GroupSequentialBoundaries.root(f, lo, c);
  }

  /**
   * The probability to cross a later efficacy bound given {@code z} at rate {@code t}, at drift {@code drift}; the
   * later bounds continue the H0 spending recursion {@code d0After} at the plan's remaining rates.
   */
  private static double conditionalPower(RecursiveIntegration integration, MonitoringPlan plan,
      RecursiveIntegration.Density d0After, double t, double z, double drift, double spentSoFar,
      SpendingFunction alphaSpending) {
    GroupSequentialSpec spec = plan.spec();
    int sides = spec.sides();
    RecursiveIntegration.Density point = new RecursiveIntegration.Density(t, new double[] {z}, new double[] {1});
    RecursiveIntegration.Density d0 = d0After;
    RecursiveIntegration.Density d = point;
    double spentBefore = spentSoFar;
    double cp = 0;
    List<Double> future = spec.informationRates().stream().filter(rate -> rate > t).toList();
    for (int j = 0; j < future.size(); j++) {
      double tf = future.get(j);
      double spent = alphaSpending.spent(spec.alpha(), tf, sides);
      double c = bound(d0, tf, spent - spentBefore, sides);
      cp += RecursiveIntegration.above(d, tf, drift, c);
      if (j == future.size() - 1) {
        break;
      }
      d0 = integration.next0(d0, tf, 0, sides == 2 ? -c : Double.NEGATIVE_INFINITY, c);
      d = integration.next(d, tf, drift, sides == 2 ? -c : Double.NEGATIVE_INFINITY, c);
      spentBefore = spent;
    }
    return cp;
  }
}
