package org.oligotrial.survival;

import java.util.Locale;

/**
 * The transformation on which the pointwise confidence interval of a Kaplan-Meier survival estimate \(S\) is
 * symmetric, as R's {@code survfit(..., conf.type = )}. With \(z = \Phi^{-1}(1 - \alpha/2)\) and the Greenwood
 * standard error of the cumulative hazard \(\sigma = \sqrt{\sum_{t_i \le t} d_i / (n_i (n_i - d_i))}\):
 *
 * <ul>
 *   <li>{@link #PLAIN}: \(S \pm z \sigma S\), truncated to \([0, 1]\); undefined (NaN) where \(S = 0\).
 *   <li>{@link #LOG} (R's default): \(\exp(\log S \pm z \sigma)\), the upper limit truncated at 1; undefined where
 *       \(S = 0\).
 *   <li>{@link #LOG_LOG}: \(\exp(-\exp(\log(-\log S) \mp z \sigma / \log S))\); undefined where \(S = 0\) or
 *       \(S = 1\).
 * </ul>
 *
 * <p>References:
 *
 * <ol>
 *   <li>Kalbfleisch JD, Prentice RL. The Statistical Analysis of Failure Time Data. 2nd ed. Wiley; 2002.
 *       doi:10.1002/9781118032985
 *   <li>Borgan O, Liestol K. A note on confidence intervals and bands for the survival function based on
 *       transformations. Scand J Stat 1990;17:35-41.
 * </ol>
 */
public enum ConfidenceType {
  PLAIN("plain"),
  LOG("log"),
  LOG_LOG("log-log");

  private final String rName;

  ConfidenceType(String rName) {
    this.rName = rName;
  }

  /** The name R uses for {@code conf.type}: {@code plain}, {@code log} or {@code log-log}. */
  public String rName() {
    return rName;
  }

  /**
   * The type named as in R ({@code plain}, {@code log}, {@code log-log}; {@code loglog} and {@code log_log} are
   * accepted too), ignoring case.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ConfidenceType parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ConfidenceType c : values()) {
      if (c.rName.equals(n)) {
        return c;
      }
    }
    if (n.equals("loglog")) {
      return LOG_LOG;
    }
    throw new IllegalArgumentException("unknown confidence interval type '" + name + "'; use plain, log or log-log");
  }

  /**
   * The lower limit at survival {@code s} with Greenwood standard error {@code sigma} of the cumulative hazard.
   * NaN where R gives NA or NaN.
   */
  double lower(double s, double sigma, double z) {
    switch (this) {
      case PLAIN -> {
        return Math.max(s - sigma * s * z, 0); // NaN stays NaN, as R's pmax
      }
      case LOG -> {
        return s == 0 ? Double.NaN : Math.exp(Math.log(s) - z * sigma);
      }
      default -> {
        if (s == 0 || s == 1) {
          return Double.NaN;
        }
        return Math.exp(-Math.exp(Math.log(-Math.log(s)) - z * sigma / Math.log(s)));
      }
    }
  }

  /** The upper limit, as {@link #lower}. */
  double upper(double s, double sigma, double z) {
    switch (this) {
      case PLAIN -> {
        return Math.min(s + sigma * s * z, 1);
      }
      case LOG -> {
        return s == 0 ? Double.NaN : Math.min(Math.exp(Math.log(s) + z * sigma), 1);
      }
      default -> {
        if (s == 0 || s == 1) {
          return Double.NaN;
        }
        return Math.exp(-Math.exp(Math.log(-Math.log(s)) + z * sigma / Math.log(s)));
      }
    }
  }
}
