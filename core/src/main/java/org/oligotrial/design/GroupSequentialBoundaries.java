package org.oligotrial.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The boundaries and characteristics of a group-sequential design for a normal test statistic, as R's
 * {@code rpact::getDesignGroupSequential} and {@code getDesignCharacteristics} compute them.
 *
 * <p><b>Efficacy bounds.</b> With alpha spending function \( f \), the bound \( c_k \) at look \( k \) solves, under
 * H0 (drift 0),
 * \[ P_0(Z_k \ge c_k,\ a_j &lt; Z_j &lt; c_j \text{ for } j &lt; k) = f(t_k) - f(t_{k-1}) \]
 * (two-sided: \( |Z_k| \ge c_k \), continuation \( |Z_j| &lt; c_j \)); the lower bounds \( a_j \) are the futility
 * bounds when they are binding and \( -\infty \) otherwise (non-binding: the efficacy bounds are those of the design
 * without futility, as rpact's {@code bindingFutility = FALSE}). A classical design has \( c_k = C t_k^{\Delta-1/2}
 * \) (O'Brien-Fleming \( \Delta = 0 \), Pocock \( \Delta = 1/2 \)) with \( C \) solving \( P_0(\text{reject}) =
 * \alpha \).
 *
 * <p><b>Drift and futility.</b> The drift \( \delta \) (mean of \( Z \) at \( t = 1 \) under the alternative, so that
 * \( E Z_k = \delta\sqrt{t_k} \)) solves \( P_\delta(\text{reject}) = 1 - \beta \), the futility bounds obeyed. With
 * beta spending function \( g \) the futility bound at interim \( k &lt; K \) solves
 * \( P_\delta(Z_k \le a_k,\ \text{continued before}) = g(t_k) - g(t_{k-1}) \) (capped at \( c_k \)), \( a_K = c_K
 * \), and \( \delta \) is found in an outer search so that the whole \( \beta \) is spent exactly at
 * \( a_K = c_K \) (Pampallona, Tsiatis and Kim 2001). With binding beta spending the efficacy bounds are computed in
 * the same pass, as they depend on the futility bounds.
 *
 * <p><b>Two-sided designs with beta-spending futility</b> follow rpact 3.3.4 ({@code getDesignGroupSequential(sided =
 * 2, typeBetaSpending = ...)}, which warns that the approach is experimental and not fully validated): the futility
 * region is the inner interval \( |Z_k| &lt; b_k \), \( 0 \le b_k \le c_k \), and the continuation region
 * \( b_k \le |Z_k| &lt; c_k \). Under the alternative (drift \( \delta &gt; 0 \)) \( b_k \) solves
 * \( P_\delta(|Z_k| &lt; b_k,\ 	ext{continued before}) = g^*(t_k) - (	ext{beta spent before}) \), with
 * \( b_K = c_K \) and \( \delta \) searched so that all of \( eta \) is spent (the power on both sides is
 * \( 1 - eta \)). Where the one-sided design of level \( lpha/2 \) with the same spending functions has a
 * negative futility bound there is none (\( b_k = 0 \); rpact reports NA), and the spending is rescaled from the
 * first look with one (rpact's default {@code betaAdjustment = TRUE}, {@link #twoSidedBetaSpending}). Binding bounds
 * count on the inner region under H0. The characteristics (power, futility probabilities, inflation, expected
 * information) are then taken, as rpact's {@code getDesignCharacteristics} takes them, at the drift where these
 * bounds give power \( 1 - eta \) on the upper side alone (about \( 10^{-6} \) relative above the design drift).
 * Fixed futility z values stay one-sided only; rpact's two-sided {@code futilityBounds} are not supported here.
 *
 * <p>The inflation factor is \( (\delta/(z_{1-\alpha/s} + z_{1-\beta}))^2 \); the expected information relative to
 * the fixed design is the inflation factor times \( \sum_k t_k P(\text{stop at } k) \).
 *
 * <p>All probabilities are by {@link RecursiveIntegration} (grid parameter \( r = 32 \) unless given); the roots by
 * Brent's method to \( 10^{-12} \) absolute.
 *
 * <p>Stateless and thread-safe; bad input throws {@link IllegalArgumentException} from {@link GroupSequentialSpec}.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Jennison C, Turnbull BW. Group Sequential Methods with Applications to Clinical Trials. Chapman &amp;
 *       Hall/CRC 2000, chapters 2, 7 and 19. doi:10.1201/9780367805326
 *   <li>Lan KKG, DeMets DL. Discrete sequential boundaries for clinical trials. Biometrika 1983;70:659-663.
 *       doi:10.1093/biomet/70.3.659
 *   <li>O'Brien PC, Fleming TR. A multiple testing procedure for clinical trials. Biometrics 1979;35:549-556.
 *       doi:10.2307/2530245
 *   <li>Pocock SJ. Group sequential methods in the design and analysis of clinical trials. Biometrika
 *       1977;64:191-199. doi:10.1093/biomet/64.2.191
 *   <li>Wang SK, Tsiatis AA. Approximately optimal one-parameter boundaries for group sequential trials. Biometrics
 *       1987;43:193-199. doi:10.2307/2531959
 *   <li>Pampallona S, Tsiatis AA, Kim K. Interim monitoring of group sequential trials using spending functions for
 *       the type I and type II error probabilities. Drug Inf J 2001;35:1113-1121. doi:10.1177/009286150103500408
 *   <li>Wassmer G, Brannath W. Group Sequential and Confirmatory Adaptive Designs in Clinical Trials. Springer 2016
 *       (rpact). doi:10.1007/978-3-319-32562-0
 * </ol>
 */
public final class GroupSequentialBoundaries {

  /** Largest |z| bound used; a look that spends (almost) nothing gets this bound. */
  static final double Z_MAX = 38;

  private final GroupSequentialSpec spec;
  private final RecursiveIntegration integration;
  private final double[] t;
  private final int k;
  private final int sides;
  private final double beta;

  private GroupSequentialBoundaries(GroupSequentialSpec spec, int r) {
    this.spec = spec;
    this.integration = new RecursiveIntegration(r);
    this.t = spec.informationRates().stream().mapToDouble(Double::doubleValue).toArray();
    this.k = t.length;
    this.sides = spec.sides();
    this.beta = 1 - spec.power();
  }

  /** The design, with the default grid. */
  public static GroupSequentialDesign compute(GroupSequentialSpec spec) {
    return compute(spec, RecursiveIntegration.DEFAULT_R);
  }

  /** The design with grid parameter {@code r} (J&amp;T's r; at least 4). */
  public static GroupSequentialDesign compute(GroupSequentialSpec spec, int r) {
    if (spec.efficacy() instanceof EfficacyBoundary.Classical
        && spec.futility() instanceof FutilityRule.BetaSpending) {
      throw new IllegalArgumentException("beta-spending futility needs an alpha-spending efficacy boundary"
          + " (of, pocock, hsd, kd), not a classical one");
    }
    return new GroupSequentialBoundaries(spec, r).run();
  }

  private GroupSequentialDesign run() {
    boolean betaSpending = spec.futility() instanceof FutilityRule.BetaSpending;
    double[] c;
    double[] a;
    double drift;
    if (betaSpending && sides == 2) {
      double[] fixedC = spec.binding() ? null : efficacyBounds(negInf());
      double[] spend = twoSidedBetaSpending();
      double designDrift = driftRoot(d -> twoSidedPass(d, fixedC, spend).power - spec.power());
      Bounds b = twoSidedPass(designDrift, fixedC, spend);
      c = b.c;
      a = b.a;
      // the characteristics at the drift where the bounds give the power on the upper side (as rpact's
      // getDesignCharacteristics); the bounds were found where both sides together give it
      double[] cc = c;
      drift = driftRoot(d -> exits(d, cc, a).power() - spec.power());
    } else if (betaSpending) {
      double[] fixedC = spec.binding() ? null : efficacyBounds(negInf());
      Bounds[] last = new Bounds[1];
      drift = driftRoot(d -> {
        last[0] = betaSpendingPass(d, fixedC);
        return last[0].power - spec.power();
      });
      Bounds b = betaSpendingPass(drift, fixedC);
      c = b.c;
      a = b.a;
    } else {
      a = interimFutility();
      c = efficacyBounds(spec.binding() ? a : negInf());
      for (int i = 0; i < k - 1; i++) {
        if (a[i] >= c[i]) {
          throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
              "futility z value %s at look %d is not below the efficacy bound %.4f there", a[i], i + 1, c[i]));
        }
      }
      double[] cc = c;
      drift = driftRoot(d -> exits(d, cc, a).power() - spec.power());
    }
    return characterise(c, a, drift);
  }

  /** Fixed futility bounds at the interims, {@code -Infinity} elsewhere. */
  private double[] interimFutility() {
    double[] a = negInf();
    if (spec.futility() instanceof FutilityRule.FixedZ f) {
      for (int i = 0; i < k - 1; i++) {
        a[i] = f.z().get(i);
      }
    }
    return a;
  }

  private double[] negInf() {
    double[] a = new double[k];
    Arrays.fill(a, Double.NEGATIVE_INFINITY);
    return a;
  }

  /** The efficacy bounds under H0 with lower (futility) bounds {@code a} at the interims. */
  private double[] efficacyBounds(double[] a) {
    if (spec.efficacy() instanceof EfficacyBoundary.Spending s) {
      double[] c = new double[k];
      RecursiveIntegration.Density d0 = null;
      for (int i = 0; i < k; i++) {
        c[i] = spendingBound(d0, i, s.function(), a[i]);
        if (i < k - 1) {
          d0 = continued(d0, i, 0, a[i], c[i]);
        }
      }
      return c;
    }
    EfficacyBoundary.Shape shape = ((EfficacyBoundary.Classical) spec.efficacy()).shape();
    double[] w = new double[k];
    for (int i = 0; i < k; i++) {
      w[i] = Math.pow(t[i], shape.delta - 0.5);
    }
    double scale = root(cc -> {
      double[] c = new double[k];
      for (int i = 0; i < k; i++) {
        c[i] = cc * w[i];
      }
      return exits(0, c, a).alpha() - spec.alpha();
    }, 0, Z_MAX / w[0]);
    double[] c = new double[k];
    for (int i = 0; i < k; i++) {
      c[i] = scale * w[i];
    }
    return c;
  }

  /** The bound at look {@code i} that spends its share of alpha under H0. */
  private double spendingBound(RecursiveIntegration.Density d0, int i, SpendingFunction f, double lowerBound) {
    double target = f.spent(spec.alpha(), t[i], sides) - (i == 0 ? 0 : f.spent(spec.alpha(), t[i - 1], sides));
    DoubleUnaryOperator tail = c -> RecursiveIntegration.above(d0, t[i], 0, c)
        + (sides == 2 ? RecursiveIntegration.below(d0, t[i], 0, -c) : 0) - target;
    if (!(target > 0) || tail.applyAsDouble(Z_MAX) >= 0) {
      return Z_MAX;
    }
    double lo = sides == 2 ? 0 : Math.max(-Z_MAX, lowerBound);
    if (tail.applyAsDouble(lo) <= 0) {
      return lo; // everything left is spent (a futility bound above what the spending allows)
    }
    return root(tail, lo, Z_MAX);
  }

  /** Bounds from one beta-spending pass at drift {@code d}, with the power that results. */
  private record Bounds(double[] c, double[] a, double power) {}

  private Bounds betaSpendingPass(double drift, double[] fixedC) {
    SpendingFunction g = ((FutilityRule.BetaSpending) spec.futility()).function();
    SpendingFunction f = ((EfficacyBoundary.Spending) spec.efficacy()).function();
    double[] c = fixedC == null ? new double[k] : fixedC.clone();
    double[] a = new double[k];
    RecursiveIntegration.Density d0 = null;
    RecursiveIntegration.Density d1 = null;
    double power = 0;
    for (int i = 0; i < k; i++) {
      if (fixedC == null) {
        c[i] = spendingBound(d0, i, f, Double.NEGATIVE_INFINITY);
      }
      RecursiveIntegration.Density prev1 = d1;
      int ii = i;
      power += RecursiveIntegration.above(prev1, t[i], drift, c[i]);
      if (i == k - 1) {
        a[i] = c[i];
        break;
      }
      double target = g.spent(beta, t[i], 1) - (i == 0 ? 0 : g.spent(beta, t[i - 1], 1));
      DoubleUnaryOperator fut = x -> RecursiveIntegration.below(prev1, t[ii], drift, x) - target;
      double lo = drift * Math.sqrt(t[i]) - Z_MAX;
      if (fut.applyAsDouble(c[i]) <= 0) {
        a[i] = c[i];
      } else if (!(target > 0) || fut.applyAsDouble(lo) >= 0) {
        a[i] = lo;
      } else {
        a[i] = root(fut, lo, c[i]);
      }
      if (fixedC == null) {
        d0 = integration.next0(d0, t[i], 0, a[i], c[i]);
      }
      d1 = integration.next0(d1, t[i], drift, a[i], c[i]);
      if (d1.z().length == 0) {
        break;
      }
    }
    return new Bounds(c, a, power);
  }

  /** Exit probabilities at drift {@code d} with efficacy bounds {@code c} and futility bounds {@code a}. */
  private record Exits(double[] upper, double[] lowerTail, double[] futility) {
    double power() {
      return Arrays.stream(upper).sum();
    }

    double alpha() {
      return Arrays.stream(upper).sum() + Arrays.stream(lowerTail).sum();
    }
  }

  private Exits exits(double drift, double[] c, double[] a) {
    double[] up = new double[k];
    double[] lowTail = new double[k];
    double[] fut = new double[k];
    RecursiveIntegration.Density d = null;
    for (int i = 0; i < k; i++) {
      up[i] = RecursiveIntegration.above(d, t[i], drift, c[i]);
      if (sides == 2) {
        lowTail[i] = RecursiveIntegration.below(d, t[i], drift, -c[i]);
        if (i < k - 1 && a[i] > 0) {
          fut[i] = inner(d, i, drift, a[i]);
        }
      } else if (i < k - 1) {
        fut[i] = RecursiveIntegration.below(d, t[i], drift, a[i]);
      }
      if (i < k - 1) {
        d = continued(d, i, drift, a[i], c[i]);
        if (d.z().length == 0) {
          break;
        }
      }
    }
    return new Exits(up, lowTail, fut);
  }

  private double lower(double a, double c) {
    return sides == 2 ? -c : a;
  }

  /**
   * The density continuing past look {@code i}: between the bounds (one-sided: {@code (a, c)}; two-sided:
   * {@code (-c, c)}, less the inner futility region {@code (-a, a)} when {@code a > 0}).
   */
  private RecursiveIntegration.Density continued(RecursiveIntegration.Density d, int i, double drift, double a,
      double c) {
    if (sides == 2 && a > 0) {
      return integration.nextUnion(d, t[i], drift, -c, -a, a, c);
    }
    return integration.next0(d, t[i], drift, lower(a, c), c);
  }

  /** The probability of the inner futility region {@code |Z_i| < b} at look {@code i}, having continued before. */
  private double inner(RecursiveIntegration.Density d, int i, double drift, double b) {
    return RecursiveIntegration.below(d, t[i], drift, b) - RecursiveIntegration.below(d, t[i], drift, -b);
  }

  /**
   * The cumulative beta to spend at each look of a two-sided design, as rpact 3.3.4 spends it
   * ({@code getDesignGroupSequential(sided = 2, typeBetaSpending = ...)}, its default {@code betaAdjustment = TRUE}):
   * the looks where the one-sided design of level {@code alpha / 2} with the same spending functions has a negative
   * futility bound get no futility bound (0, spending nothing), and when the first look with a positive one-sided
   * bound is {@code m > 1}, the spending from there on is rescaled to
   * \( eta (g(t_k) - g(t_{m-1})) / (g(t_K) - g(t_{m-1})) \). A look without a futility bound is marked by
   * {@code NaN}.
   */
  private double[] twoSidedBetaSpending() {
    SpendingFunction g = ((FutilityRule.BetaSpending) spec.futility()).function();
    GroupSequentialDesign oneSided = new GroupSequentialBoundaries(new GroupSequentialSpec(spec.informationRates(),
        spec.alpha() / 2, 1, spec.power(), spec.efficacy(), spec.futility(), spec.binding()),
        integration.r()).run();
    double[] spend = new double[k];
    int first = -1;
    for (int i = 0; i < k; i++) {
      spend[i] = g.spent(beta, t[i], 1);
      if (first < 0 && i < k - 1 && oneSided.stages().get(i).futilityZ() > 0) {
        first = i;
      }
    }
    if (first > 0) {
      double base = spend[first - 1];
      double total = spend[k - 1];
      for (int i = 0; i < k; i++) {
        spend[i] = i < first ? 0 : (spend[i] - base) / (total - base) * total;
      }
    }
    for (int i = 0; i < k - 1; i++) {
      if (oneSided.stages().get(i).futilityZ() < 0) {
        spend[i] = Double.NaN;
      }
    }
    return spend;
  }

  /**
   * One pass of a two-sided beta-spending design at drift {@code d}: at each interim the inner futility bound
   * \( b_k \in [0, c_k] \) whose region \( |Z_k| &lt; b_k \) (continuing before) brings the beta spent under the
   * alternative to {@code spend[k]} (cumulative); the power is the probability of \( |Z_k| \ge c_k \) at any look.
   */
  private Bounds twoSidedPass(double drift, double[] fixedC, double[] spend) {
    SpendingFunction f = ((EfficacyBoundary.Spending) spec.efficacy()).function();
    double[] c = fixedC == null ? new double[k] : fixedC.clone();
    double[] a = new double[k];
    RecursiveIntegration.Density d0 = null;
    RecursiveIntegration.Density d1 = null;
    double power = 0;
    double spent = 0;
    for (int i = 0; i < k; i++) {
      if (fixedC == null) {
        c[i] = spendingBound(d0, i, f, Double.NEGATIVE_INFINITY);
      }
      RecursiveIntegration.Density prev1 = d1;
      int ii = i;
      power += RecursiveIntegration.above(prev1, t[i], drift, c[i])
          + RecursiveIntegration.below(prev1, t[i], drift, -c[i]);
      if (i == k - 1) {
        a[i] = c[i];
        break;
      }
      double target = spend[i] - spent;
      DoubleUnaryOperator fut = x -> inner(prev1, ii, drift, x) - target;
      if (Double.isNaN(spend[i]) || !(target > 0)) {
        a[i] = 0;
      } else if (fut.applyAsDouble(c[i]) <= 0) {
        a[i] = c[i];
      } else {
        a[i] = root(fut, 0, c[i]);
      }
      spent += a[i] > 0 ? inner(prev1, i, drift, a[i]) : 0;
      if (fixedC == null) {
        d0 = continued(d0, i, 0, a[i], c[i]);
      }
      d1 = continued(d1, i, drift, a[i], c[i]);
      if (d1.z().length == 0) {
        break;
      }
    }
    return new Bounds(c, a, power);
  }

  private GroupSequentialDesign characterise(double[] c, double[] a, double drift) {
    boolean hasFutility = !(spec.futility() instanceof FutilityRule.None);
    double[] aH0 = spec.binding() ? a : negInf();
    Exits alphaSpent = exits(0, c, aH0);
    Exits h0 = exits(0, c, a);
    Exits h1 = exits(drift, c, a);
    double zFixed = -Normal.quantile(spec.alpha() / sides) + Normal.quantile(spec.power());
    double inflation = drift * drift / (zFixed * zFixed);
    List<GroupSequentialDesign.Stage> stages = new ArrayList<>();
    double cumAlpha = 0;
    double cumPower = 0;
    for (int i = 0; i < k; i++) {
      cumAlpha += alphaSpent.upper[i] + alphaSpent.lowerTail[i];
      cumPower += h1.upper[i];
      double futH0 = h0.futility[i];
      double futH1 = h1.futility[i];
      stages.add(new GroupSequentialDesign.Stage(t[i], c[i], Normal.upper(c[i]), cumAlpha, cumPower,
          hasFutility ? (i == k - 1 ? c[i] : a[i]) : Double.NaN, h0.upper[i] + h0.lowerTail[i], futH0,
          h1.upper[i] + h1.lowerTail[i], futH1));
    }
    return new GroupSequentialDesign(spec, stages, drift, inflation, inflation * expectedRate(h0),
        inflation * expectedRate(h1), cumPower);
  }

  /** \( \sum_k t_k P(\text{stop at } k) \), the last look taking all that reaches it. */
  private double expectedRate(Exits e) {
    double s = 0;
    double stopped = 0;
    for (int i = 0; i < k - 1; i++) {
      double p = e.upper[i] + e.lowerTail[i] + e.futility[i];
      s += t[i] * p;
      stopped += p;
    }
    return s + t[k - 1] * (1 - stopped);
  }

  /**
   * The drift where {@code power(drift) - wanted} is 0: first bracketed near the fixed design's drift
   * \( z_{1-\alpha/s} + z_{1-\beta} \) (between 0.8 and 1.5 times it, where nearly every design's drift lies), else
   * in {@code [0, 40]}.
   */
  private double driftRoot(DoubleUnaryOperator powerGap) {
    double fixed = -Normal.quantile(spec.alpha() / sides) + Normal.quantile(spec.power());
    double lo = 0.8 * fixed;
    double hi = 1.5 * fixed;
    if (!(powerGap.applyAsDouble(lo) < 0)) {
      lo = 0;
    }
    if (!(powerGap.applyAsDouble(hi) > 0)) {
      hi = 40;
    }
    return root(powerGap, lo, hi);
  }

  /** A root of {@code f} in {@code [lo, hi]} by Brent's method (the ends must bracket it). */
  static double root(DoubleUnaryOperator f, double lo, double hi) {
    double flo = f.applyAsDouble(lo);
    double fhi = f.applyAsDouble(hi);
    if (flo == 0) {
      return lo;
    }
    if (fhi == 0) {
      return hi;
    }
    if (Math.signum(flo) == Math.signum(fhi)) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "no design satisfies these requirements (no root between %.4g and %.4g)", lo, hi));
    }
    return new BrentSolver(1e-15, 1e-12, 1e-300).solve(10_000, f::applyAsDouble, lo, hi);
  }
}
