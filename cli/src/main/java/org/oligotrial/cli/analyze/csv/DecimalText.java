package org.oligotrial.cli.analyze.csv;

import java.nio.charset.StandardCharsets;

/**
 * Reads a decimal number from the bytes of a CSV field without making a {@code String}: an optional sign, digits with
 * an optional decimal point, and an optional exponent ({@code 12}, {@code -0.5}, {@code .25}, {@code 1e-3}). That is
 * what R's {@code fread} and {@code read.csv} take as a number; unlike Java's {@code Double.parseDouble} it refuses
 * {@code 1d}, {@code 0x1p3}, {@code NaN} and {@code Infinity}, and a value too large for a double.
 *
 * <p>Fast path (Clinger 1990): up to 15 significant digits and at most 22 decimals, the value is {@code m / 10^k}
 * with both {@code m} and {@code 10^k} exact doubles, so one IEEE division gives the correctly rounded result, the
 * same double as {@code Double.parseDouble}. Other numbers go through {@code Double.parseDouble}. Stateless and
 * thread-safe.
 *
 * <p>Reference: W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990,
 * doi:10.1145/93542.93557.
 */
public final class DecimalText {

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private DecimalText() {}

  /**
   * The number written in {@code b[from, to)}, or NaN when the bytes are not a finite decimal number.
   *
   * @param decimalComma whether a comma is the decimal separator (a point is then accepted too)
   */
  public static double parse(byte[] b, int from, int to, boolean decimalComma) {
    int i = from;
    if (i >= to) {
      return Double.NaN;
    }
    boolean negative = false;
    byte c = b[i];
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long m = 0;
    int digits = 0; // significant digits accumulated in m
    int decimals = 0; // digits after the decimal separator
    boolean anyDigit = false;
    boolean point = false;
    boolean fast = true;
    for (; i < to; i++) {
      c = b[i];
      if (c >= '0' && c <= '9') {
        anyDigit = true;
        if (digits == 0 && c == '0') {
          if (point) {
            decimals++;
          }
          continue; // leading zeros are not significant
        }
        if (digits < 15) {
          m = m * 10 + (c - '0');
          digits++;
          if (point) {
            decimals++;
          }
        } else {
          fast = false;
        }
      } else if ((c == '.' || (decimalComma && c == ',')) && !point) {
        point = true;
      } else if ((c == 'e' || c == 'E') && anyDigit) {
        fast = false;
        break;
      } else {
        return Double.NaN;
      }
    }
    if (!anyDigit) {
      return Double.NaN;
    }
    if (fast && decimals <= 22) {
      double v = decimals == 0 ? (double) m : m / POW10[decimals];
      return negative ? -v : v;
    }
    return slow(b, from, to, decimalComma);
  }

  private static double slow(byte[] b, int from, int to, boolean decimalComma) {
    // validate the exponent form strictly, then let the JDK do the correctly rounded conversion
    int i = from;
    if (b[i] == '-' || b[i] == '+') {
      i++;
    }
    int mantissaDigits = 0;
    boolean point = false;
    while (i < to && (isDigit(b[i]) || (!point && (b[i] == '.' || (decimalComma && b[i] == ','))))) {
      if (isDigit(b[i])) {
        mantissaDigits++;
      } else {
        point = true;
      }
      i++;
    }
    if (mantissaDigits == 0) {
      return Double.NaN;
    }
    if (i < to) {
      if (b[i] != 'e' && b[i] != 'E') {
        return Double.NaN;
      }
      i++;
      if (i < to && (b[i] == '-' || b[i] == '+')) {
        i++;
      }
      int expDigits = 0;
      while (i < to && isDigit(b[i])) {
        i++;
        expDigits++;
      }
      if (expDigits == 0 || i != to) {
        return Double.NaN;
      }
    }
    String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    if (decimalComma) {
      s = s.replace(',', '.');
    }
    double v = Double.parseDouble(s);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /**
   * Whether {@code b[from, to)} looks like a number written with a decimal comma ({@code 1,5}, {@code -12,75}): digits,
   * one comma, digits, nothing else. (A thousands separator, {@code 1,000}, looks the same.)
   */
  public static boolean isDecimalComma(byte[] b, int from, int to) {
    int i = from;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      i++;
    }
    int before = 0;
    while (i < to && isDigit(b[i])) {
      i++;
      before++;
    }
    if (before == 0 || i >= to || b[i] != ',') {
      return false;
    }
    i++;
    int after = 0;
    while (i < to && isDigit(b[i])) {
      i++;
      after++;
    }
    return after > 0 && i == to;
  }

  /** {@link #parse} of a string, for labels and tests. */
  public static double parse(String s, boolean decimalComma) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length, decimalComma);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
