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
    String shortest = Double.toString(t); // the shortest decimal that reads back as t
    if (shortest.indexOf('E') < 0 && significantDigits(shortest) <= 6) {
      return shortest; // then %.6g without trailing zeros gives the same digits
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
    if (digits <= 8) {
      double scaled = Math.abs(x) * POW10[digits];
      if (scaled < 1e9) {
        // the product is within 1.2e-7 of the exact value, so away from a tie the rounding is the same as
        // String.format's HALF_UP on the exact binary value
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (Math.abs(frac - 0.5) > 1e-6) {
          long v = (long) floor + (frac > 0.5 ? 1 : 0);
          StringBuilder sb = new StringBuilder(digits + 12);
          if (Math.copySign(1.0, x) < 0) {
            sb.append('-'); // as String.format: -0.0000 for a small negative number
          }
          long unit = (long) POW10[digits];
          sb.append(v / unit);
          if (digits > 0) {
            sb.append('.');
            String f = Long.toString(v % unit);
            for (int i = f.length(); i < digits; i++) {
              sb.append('0');
            }
            sb.append(f);
          }
          return sb.toString();
        }
      }
    }
    return String.format(Locale.ROOT, "%." + digits + "f", x);
  }

  private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

  private static int significantDigits(String plain) {
    int n = 0;
    boolean leading = true;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c >= '1' && c <= '9' || (c == '0' && !leading)) {
        n++;
        leading = false;
      }
    }
    // trailing zeros after the point ("10.50" is never produced by Double.toString except "x.0", handled above)
    return n;
  }

  /** Appends {@code s} right-aligned in {@code width} characters (as %{width}s). */
  static StringBuilder pad(StringBuilder sb, String s, int width) {
    for (int i = s.length(); i < width; i++) {
      sb.append(' ');
    }
    return sb.append(s);
  }

  /** Appends {@code v} right-aligned in {@code width} characters (as %{width}d). */
  static StringBuilder pad(StringBuilder sb, long v, int width) {
    return pad(sb, Long.toString(v), width);
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
