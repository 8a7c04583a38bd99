package org.oligotrial.design;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The standard normal distribution function by W. J. Cody's rational Chebyshev approximations (the algorithm of R's
 * {@code pnorm}): relative error near double precision in both tails, so that an upper tail of \( 10^{-12} \) keeps
 * its digits (\( 1 - \Phi(x) \) computed as a difference would not). Three ranges: \( |x| \le 0.674 \),
 * \( |x| \le \sqrt{32} \), and beyond, where the Mills ratio is approximated. The quantile is commons-math's.
 * Stateless and thread-safe.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Cody WJ. Rational Chebyshev approximations for the error function. Math Comp 1969;23:631-637.
 *       doi:10.1090/S0025-5718-1969-0247736-4
 *   <li>Cody WJ. Algorithm 715: SPECFUN. ACM Trans Math Softw 1993;19:22-30. doi:10.1145/151271.151273
 * </ol>
 */
final class Normal {

  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
  private static final double SQRT_32 = Math.sqrt(32);
  private static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

  private static final double[] A = {2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582,
      18154.981253343561249, 0.065682337918207449113};
  private static final double[] B = {47.20258190468824187, 976.09855173777669322, 10260.932208618978205,
      45507.789335026729956};
  private static final double[] C = {0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979,
      597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124,
      9842.7148383839780218, 1.0765576773720192317e-8};
  private static final double[] D = {22.266688044328115691, 235.38790178262499861, 1519.377599407554805,
      6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411,
      19685.429676859990727};
  private static final double[] P = {0.21589853405795699, 0.1274011611602473639, 0.022235277870649807,
      0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303};
  private static final double[] Q = {1.28426009614491121, 0.468238212480865118, 0.0659881378689285515,
      0.00378239633202758244, 7.29751555083966205e-5};

  private Normal() {}

  /** \( \Phi(x) = P(Z \le x) \). */
  static double lower(double x) {
    return x > 0 ? tail(x) : -x > 0 ? tailOrCentre(x) : 0.5 + centre(x);
  }

  /** \( 1 - \Phi(x) = P(Z &gt; x) \), with its relative precision for large {@code x}. */
  static double upper(double x) {
    return lower(-x);
  }

  /** The quantile \( \Phi^{-1}(p) \). */
  static double quantile(double p) {
    return STANDARD.inverseCumulativeProbability(p);
  }

  /** The density \( \phi(x) \). */
  static double density(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** Phi(x) for x > 0. */
  private static double tail(double x) {
    if (x <= 0.67448975) {
      return 0.5 + centre(x);
    }
    return 1 - smallTail(x);
  }

  /** Phi(x) for x < 0. */
  private static double tailOrCentre(double x) {
    if (-x <= 0.67448975) {
      return 0.5 + centre(x);
    }
    return smallTail(-x);
  }

  /** Phi(x) - 1/2 for |x| <= 0.674. */
  private static double centre(double x) {
    double xsq = x * x;
    double xnum = A[4] * xsq;
    double xden = xsq;
    for (int i = 0; i < 3; i++) {
      xnum = (xnum + A[i]) * xsq;
      xden = (xden + B[i]) * xsq;
    }
    return x * (xnum + A[3]) / (xden + B[3]);
  }

  /** 1 - Phi(y) for y > 0.674. */
  private static double smallTail(double y) {
    double temp;
    if (y <= SQRT_32) {
      double xnum = C[8] * y;
      double xden = y;
      for (int i = 0; i < 7; i++) {
        xnum = (xnum + C[i]) * y;
        xden = (xden + D[i]) * y;
      }
      temp = (xnum + C[7]) / (xden + D[7]);
    } else {
      if (y > 38.5) {
        return 0;
      }
      double xsq = 1 / (y * y);
      double xnum = P[5] * xsq;
      double xden = xsq;
      for (int i = 0; i < 4; i++) {
        xnum = (xnum + P[i]) * xsq;
        xden = (xden + Q[i]) * xsq;
      }
      temp = xsq * (xnum + P[4]) / (xden + Q[4]);
      temp = (INV_SQRT_2PI - temp) / y;
    }
    // exp(-y^2/2) split as exp(-xsq^2/2) exp(-del/2) so that the square keeps its digits
    double xsq = Math.floor(y * 16) / 16;
    double del = (y - xsq) * (y + xsq);
    return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5) * temp;
  }
}
