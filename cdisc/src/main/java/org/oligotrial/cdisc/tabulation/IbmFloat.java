package org.oligotrial.cdisc.tabulation;

/**
 * IBM System/360 hexadecimal floating point, the number format of SAS transport v5 (SAS technical support document
 * TS-140, "The record layout of a data set in SAS transport (XPORT) format", routines cnxptiee and cnxieeeptr).
 *
 * <p>An 8-byte IBM double is a sign bit, a 7-bit exponent {@code E} in excess 64 (a power of 16), and a 56-bit
 * fraction {@code F} whose first hex digit is non-zero: {@code value = (-1)^s * F / 2^56 * 16^(E - 64)}. From an
 * IEEE 754 double {@code 1.m * 2^e} with the 53-bit significand {@code M} ({@code value = M * 2^(e-52)}): write
 * {@code e = 4q + r} with {@code 0 <= r < 4} (floor division), then {@code E = q + 1} and {@code F = M << r}, which
 * lies in [2^52, 2^56) so the first hex digit is non-zero; no bits are lost (53 + 3 <= 56). Zero is eight zero
 * bytes; a SAS missing value is {@code '.'} (0x2E) followed by seven zero bytes. Numbers beyond IBM's range (about
 * 7.2e75) or below it (5.4e-79) are refused; subnormal doubles are written as zero. Stateless, thread-safe.
 *
 * <p>Worked by hand (tests): 1.0 = 41 10 00 00 00 00 00 00; -118.625 = C2 76 A0 00 00 00 00 00
 * (118.625 = 0x76.A = 0x0.76A * 16^2); 0.1 = 40 19 99 99 99 99 99 9A.
 */
public final class IbmFloat {
  private IbmFloat() {}

  /** The IBM bytes of a double; null gives the SAS missing value. */
  public static byte[] encode(Double value) {
    byte[] out = new byte[8];
    if (value == null || value.isNaN()) {
      out[0] = 0x2E;
      return out;
    }
    double v = value;
    if (v == 0.0 || Math.abs(v) < Double.MIN_NORMAL) {
      return out;
    }
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("infinite value has no IBM float");
    }
    long bits = Double.doubleToLongBits(v);
    boolean negative = bits < 0;
    int e = (int) ((bits >>> 52) & 0x7ff) - 1023;
    long m = (bits & ((1L << 52) - 1)) | (1L << 52);
    int q = Math.floorDiv(e, 4);
    int r = Math.floorMod(e, 4);
    int exponent = q + 1 + 64;
    if (exponent > 127 || exponent < 0) {
      throw new IllegalArgumentException("value " + v + " is outside the IBM float range");
    }
    long f = m << r;
    out[0] = (byte) ((negative ? 0x80 : 0) | exponent);
    for (int i = 7; i >= 1; i--) {
      out[i] = (byte) (f & 0xff);
      f >>>= 8;
    }
    return out;
  }

  /** The double of IBM bytes (8 bytes from {@code off}); null for a SAS missing value. */
  public static Double decode(byte[] b, int off) {
    long f = 0;
    for (int i = 1; i < 8; i++) {
      f = (f << 8) | (b[off + i] & 0xff);
    }
    int first = b[off] & 0xff;
    if (f == 0) {
      if (first == 0 || first == 0x80) {
        return 0.0;
      }
      return null; // '.', '._' and '.A' - '.Z' missing values
    }
    boolean negative = (first & 0x80) != 0;
    int exponent = (first & 0x7f) - 64;
    double v = f * Math.pow(2, 4 * exponent - 56);
    return negative ? -v : v;
  }
}
