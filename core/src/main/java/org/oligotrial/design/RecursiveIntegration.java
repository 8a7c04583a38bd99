package org.oligotrial.design;

/**
 * The joint distribution of the standardized statistics \( Z_1, \dots, Z_K \) of a group-sequential trial by the
 * recursive numerical integration of Armitage, McPherson and Rowe (1969) on the grid of Jennison and Turnbull (2000,
 * chapter 19).
 *
 * <p><b>Model.</b> At information rates \( 0 &lt; t_1 &lt; \dots &lt; t_K \) the score statistics
 * \( S_k = Z_k \sqrt{t_k} \) have independent increments \( S_k - S_{k-1} \sim N(\delta \Delta_k, \Delta_k) \),
 * \( \Delta_k = t_k - t_{k-1} \), where the drift \( \delta \) is \( E(Z) \) at \( t = 1 \) (0 under H0). The
 * sub-density of \( Z_k \) on the continuation region \( (a_k, b_k) \) of stage \( k \), having continued at stages
 * \( 1, \dots, k-1 \), is
 * \[ h_1(z) = \phi(z - \delta\sqrt{t_1}), \qquad
 *    h_k(z) = \int_{a_{k-1}}^{b_{k-1}} h_{k-1}(u) \, \frac{\sqrt{t_k}}{\sqrt{\Delta_k}}\,
 *    \phi\!\left(\frac{z\sqrt{t_k} - u\sqrt{t_{k-1}} - \delta\Delta_k}{\sqrt{\Delta_k}}\right) du, \]
 * and the probabilities to leave at stage \( k \) above \( b \) or below \( a \) are
 * \[ \int h_{k-1}(u)\, \Phi\!\left(\frac{u\sqrt{t_{k-1}} + \delta\Delta_k - b\sqrt{t_k}}{\sqrt{\Delta_k}}\right) du,
 *    \qquad
 *    \int h_{k-1}(u)\, \Phi\!\left(\frac{a\sqrt{t_k} - u\sqrt{t_{k-1}} - \delta\Delta_k}{\sqrt{\Delta_k}}\right) du. \]
 *
 * <p><b>Grid</b> (Jennison and Turnbull 2000, section 19.2.1). With \( \mu_k = \delta\sqrt{t_k} \) and a parameter
 * \( r \), the \( 6r - 1 \) points
 * \[ x_i = \begin{cases} \mu_k - 3 - 4\log(r/i) &amp; i = 1, \dots, r-1 \\
 *                        \mu_k - 3 + 3(i - r)/(2r) &amp; i = r, \dots, 5r \\
 *                        \mu_k + 3 + 4\log(r/(6r - i)) &amp; i = 5r+1, \dots, 6r-1 \end{cases} \]
 * are dense where the density is large and spread out logarithmically into the tails (to about
 * \( \mu_k \pm (3 + 4\log r) \)). Points outside \( (a_k, b_k) \) are dropped and the bounds themselves added as end
 * points; the midpoints of neighbouring points are added, and the integral over the resulting \( 2m - 1 \) points
 * (at most \( 12r - 3 \)) is taken by Simpson's rule, with weights \( (x_3 - x_1)/6 \) at the ends,
 * \( 4(x_{2i+1} - x_{2i-1})/6 \) at midpoints and \( (x_{2i+3} - x_{2i-1})/6 \) at inner odd points.
 *
 * <p><b>Error.</b> The integrands are smooth inside the continuation region, so Simpson's rule errs as \( h^4 \)
 * (\( h^5 f^{(4)}/2880 \) per panel); the central spacing is \( 3/(2r) \). The tails beyond \( 3 + 4\log r \)
 * standard deviations (more than 16.8 for \( r = 32 \)) hold less than \( 10^{-60} \) and are dropped. Measured on
 * the designs of the tests: a critical value moves by up to \( 7 \cdot 10^{-7} \) from \( r = 16 \) to
 * \( r = 32 \) and by up to \( 5 \cdot 10^{-8} \) from \( r = 32 \) to \( r = 64 \) (the ratio 16 of a fourth-order
 * rule), so the default \( r = 32 \) is within about \( 5 \cdot 10^{-8} \) of the exact value; the tests compare it
 * against \( r = 64 \) and against rpact to \( 10^{-6} \) relative (Jennison and Turnbull, section 19.2.1, report
 * about \( 10^{-6} \) for \( r = 16 \)).
 *
 * <p><b>Cost.</b> A step \( h_{k-1} \to h_k \) takes \( O(m^2) \) kernel evaluations, an exit probability \( O(m) \).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Armitage P, McPherson CK, Rowe BC. Repeated significance tests on accumulating data. J R Stat Soc A
 *       1969;132:235-244. doi:10.2307/2343787
 *   <li>Jennison C, Turnbull BW. Group Sequential Methods with Applications to Clinical Trials. Chapman &amp;
 *       Hall/CRC 2000, chapter 19. doi:10.1201/9780367805326
 * </ol>
 */
final class RecursiveIntegration {

  /** Grid parameter {@code r} used unless another is given. */
  static final int DEFAULT_R = 32;

  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
  /** Beyond this many standard deviations the normal kernel is below 1e-40 of its peak and is skipped. */
  private static final double KERNEL_CUTOFF = 13.6;

  private final int r;

  RecursiveIntegration(int r) {
    if (r < 4) {
      throw new IllegalArgumentException("grid parameter r must be at least 4, got " + r);
    }
    this.r = r;
  }

  /** The grid parameter. */
  int r() {
    return r;
  }

  /**
   * The sub-density of \( Z_k \) on a grid over the continuation region of stage {@code k}: points {@code z},
   * Simpson weights times density {@code wh}, at information rate {@code t}.
   */
  record Density(double t, double[] z, double[] wh) {

    /** Total mass of continuing past this stage. */
    double mass() {
      double s = 0;
      for (double v : wh) {
        s += v;
      }
      return s;
    }
  }

  /** The density at the first stage on {@code (lo, hi)}. */
  Density first(double t1, double drift, double lo, double hi) {
    double mu = drift * Math.sqrt(t1);
    double[] z = grid(mu, lo, hi);
    double[] w = simpsonWeights(z);
    double[] wh = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      wh[i] = w[i] * phi(z[i] - mu);
    }
    return new Density(t1, z, wh);
  }

  /** {@link #first} when {@code prev} is {@code null}, else {@link #next}. */
  Density next0(Density prev, double t, double drift, double lo, double hi) {
    return prev == null ? first(t, drift, lo, hi) : next(prev, t, drift, lo, hi);
  }

  /** The density at the stage at rate {@code t} on {@code (lo, hi)}, from that of the stage before. */
  Density next(Density prev, double t, double drift, double lo, double hi) {
    double mu = drift * Math.sqrt(t);
    double[] z = grid(mu, lo, hi);
    double[] w = simpsonWeights(z);
    double dt = t - prev.t();
    double sd = Math.sqrt(dt);
    double a = Math.sqrt(t) / sd;
    double b = Math.sqrt(prev.t()) / sd;
    double c = drift * dt / sd;
    double[] pz = prev.z();
    double[] pwh = prev.wh();
    int n = pz.length;
    // prev points on the kernel's scale: u_i = z_i sqrt(t_{k-1}) / sd; increasing in i
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = b * pz[i];
    }
    double[] wh = new double[z.length];
    int from = 0;
    for (int j = 0; j < z.length; j++) {
      double x = a * z[j] - c; // kernel argument is x - u_i
      while (from < n && x - u[from] > KERNEL_CUTOFF) {
        from++;
      }
      double s = 0;
      for (int i = from; i < n; i++) {
        double d = x - u[i];
        if (d < -KERNEL_CUTOFF) {
          break;
        }
        s += pwh[i] * Math.exp(-0.5 * d * d);
      }
      wh[j] = w[j] * s * a * INV_SQRT_2PI;
    }
    return new Density(t, z, wh);
  }

  /**
   * The density at the stage at rate {@code t} on the union of {@code (lo1, hi1)} and {@code (lo2, hi2)}
   * ({@code hi1 <= lo2}): a two-sided design's continuation region outside its inner futility region. Each interval
   * has its own grid; the points stay increasing, so {@link #next} and the exit probabilities take the union as
   * they take one interval.
   */
  Density nextUnion(Density prev, double t, double drift, double lo1, double hi1, double lo2, double hi2) {
    Density a = next0(prev, t, drift, lo1, hi1);
    Density b = next0(prev, t, drift, lo2, hi2);
    double[] z = new double[a.z().length + b.z().length];
    double[] wh = new double[z.length];
    System.arraycopy(a.z(), 0, z, 0, a.z().length);
    System.arraycopy(b.z(), 0, z, a.z().length, b.z().length);
    System.arraycopy(a.wh(), 0, wh, 0, a.wh().length);
    System.arraycopy(b.wh(), 0, wh, a.wh().length, b.wh().length);
    return new Density(t, z, wh);
  }

  /**
   * The probability to be above {@code bound} at the stage at rate {@code t}, having continued before
   * ({@code prev}, or {@code null} at the first stage).
   */
  static double above(Density prev, double t, double drift, double bound) {
    if (bound == Double.POSITIVE_INFINITY) {
      return 0;
    }
    return exit(prev, t, drift, bound, true);
  }

  /** The probability to be below {@code bound} at the stage at rate {@code t}, having continued before. */
  static double below(Density prev, double t, double drift, double bound) {
    if (bound == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    return exit(prev, t, drift, bound, false);
  }

  /**
   * The exit probability above ({@code upper}) or below a finite {@code bound}: at the first stage the normal tail
   * at \( b - \delta\sqrt{t} \), later the integral of the previous sub-density against the tail of the increment.
   */
  private static double exit(Density prev, double t, double drift, double bound, boolean upper) {
    if (prev == null) {
      double x = bound - drift * Math.sqrt(t);
      return upper ? Normal.upper(x) : Normal.lower(x);
    }
    double dt = t - prev.t();
    double sd = Math.sqrt(dt);
    double sp = Math.sqrt(prev.t());
    double st = Math.sqrt(t);
    double s = 0;
    double[] pz = prev.z();
    double[] pwh = prev.wh();
    for (int i = 0; i < pz.length; i++) {
      double x = (bound * st - pz[i] * sp - drift * dt) / sd;
      s += pwh[i] * (upper ? Normal.upper(x) : Normal.lower(x));
    }
    return s;
  }

  /** The trimmed grid of odd points with midpoints added (2m - 1 points), increasing. */
  double[] grid(double mu, double lo, double hi) {
    int n = 6 * r - 1;
    double[] x = new double[n];
    for (int i = 1; i <= n; i++) {
      double v;
      if (i < r) {
        v = mu - 3 - 4 * Math.log((double) r / i);
      } else if (i <= 5 * r) {
        v = mu - 3 + 3.0 * (i - r) / (2 * r);
      } else {
        v = mu + 3 + 4 * Math.log((double) r / (6 * r - i));
      }
      x[i - 1] = v;
    }
    double[] odd = new double[n + 2];
    int m = 0;
    if (lo > x[0]) {
      odd[m++] = lo;
    }
    for (double v : x) {
      if (v > lo && v < hi) {
        odd[m++] = v;
      }
    }
    if (hi < x[n - 1]) {
      odd[m++] = hi;
    }
    if (m < 2) {
      // the region is narrower than one grid step: its two ends
      double l = Math.max(lo, x[0]);
      double h = Math.min(hi, x[n - 1]);
      if (!(h > l)) {
        return new double[0];
      }
      odd[0] = l;
      odd[1] = h;
      m = 2;
    }
    double[] z = new double[2 * m - 1];
    for (int i = 0; i < m; i++) {
      z[2 * i] = odd[i];
      if (i + 1 < m) {
        z[2 * i + 1] = 0.5 * (odd[i] + odd[i + 1]);
      }
    }
    return z;
  }

  /** Simpson weights on a grid of odd points with their midpoints. */
  static double[] simpsonWeights(double[] z) {
    int n = z.length;
    double[] w = new double[n];
    for (int i = 0; i + 2 < n; i += 2) {
      double d = (z[i + 2] - z[i]) / 6;
      w[i] += d;
      w[i + 1] += 4 * d;
      w[i + 2] += d;
    }
    return w;
  }

  private static double phi(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }
}
