package org.oligotrial.cli.analyze;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting shared by the analyze commands: tables and JSON (where NaN/NA becomes null). */
final class Numbers {

  private Numbers() {}

  /** A double for JSON: null when NaN or infinite (R's NA). */
  static Double json(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? null : x;
  }

  /** Doubles for JSON, NaN as null. */
  static Double[] json(double[] x) {
    Double[] out = new Double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = json(x[i]);
    }
    return out;
  }

  /** A time as the data wrote it: 12 not 12.0; "NR" (not reached) for NaN. */
  static String time(double t) {
    if (Double.isNaN(t)) {
      return "NR";
    }
    if (t == Math.rint(t) && Math.abs(t) < 1e15) {
      return Long.toString((long) t);
    }
    return new BigDecimal(String.format(Locale.ROOT, "%.6g", t)).stripTrailingZeros().toPlainString();
  }

  /** A number with {@code digits} decimals; "NA" for NaN. */
  static String fixed(double x, int digits) {
    if (Double.isNaN(x)) {
      return "NA";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Inf" : "-Inf";
    }
    return String.format(Locale.ROOT, "%." + digits + "f", x);
  }

  /** A p-value clause: "p = 0.0998", "p = 3.210e-07", "p < 1e-16" (below double precision), "p = NA". */
  static String p(double p) {
    if (Double.isNaN(p)) {
      return "p = NA";
    }
    if (p < 1e-16) {
      return "p < 1e-16";
    }
    return "p = " + (p >= 1e-4 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.3e", p));
  }

  /** The confidence level as a percentage label: 0.95 -> "95%". */
  static String percent(double level) {
    return new BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString() + "%";
  }
}
