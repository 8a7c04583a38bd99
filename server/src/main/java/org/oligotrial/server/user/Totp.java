package org.oligotrial.server.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 (TOTP) over RFC 4226 (HOTP), as authenticator apps compute them:
 * HMAC-SHA1, a time step of {@link #STEP_SECONDS} seconds counted from the Unix epoch, {@link #DIGITS} digits.
 *
 * <pre>
 *   T        = floor(unix time / 30)                          (RFC 6238, section 4.2)
 *   HS       = HMAC-SHA1(K, T as an 8-byte big-endian integer)
 *   offset   = HS[19] &amp; 0xf                                   (RFC 4226, section 5.3, dynamic truncation)
 *   bin      = (HS[offset] &amp; 0x7f) &lt;&lt; 24 | HS[offset+1] &lt;&lt; 16 | HS[offset+2] &lt;&lt; 8 | HS[offset+3]
 *   code     = bin mod 10^digits, left-padded with zeros
 * </pre>
 *
 * A code is accepted for the current step and one step either side ({@link #WINDOW}, RFC 6238 section 5.2 allows
 * for clock drift and typing time), compared in constant time. Keys are 160 bits (RFC 4226 section 4 recommends
 * 160) and travel as RFC 4648 base32 in an {@code otpauth://} URI (the Key Uri Format of Google Authenticator,
 * which the common apps read). Stateless and thread-safe; replay is refused by the caller, which remembers the last
 * step accepted ({@link SecondFactor}).
 *
 * <p>References: [1] M'Raihi D, Machani S, Pei M, Rydell J. TOTP: Time-Based One-Time Password Algorithm. RFC 6238,
 * 2011. doi:10.17487/RFC6238. [2] M'Raihi D et al. HOTP: An HMAC-Based One-Time Password Algorithm. RFC 4226, 2005.
 * doi:10.17487/RFC4226. [3] Josefsson S. The Base16, Base32, and Base64 Data Encodings. RFC 4648, 2006.
 */
public final class Totp {
  /** Digits of a code. */
  public static final int DIGITS = 6;
  /** Seconds per time step. */
  public static final int STEP_SECONDS = 30;
  /** Steps accepted either side of the current one. */
  public static final int WINDOW = 1;
  /** Key length in bytes (160 bits). */
  public static final int KEY_BYTES = 20;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** The time step of an instant: {@code floor(epochSecond / 30)}. */
  public static long step(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of step {@code step} with {@code digits} digits (6 in use; 8 for RFC 6238's test vectors). */
  public static String code(byte[] key, long step, int digits) {
    byte[] hs;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] counter = new byte[8];
      for (int i = 7; i >= 0; i--) {
        counter[i] = (byte) (step >>> (8 * (7 - i)));
      }
      hs = mac.doFinal(counter);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
    }
    int offset = hs[hs.length - 1] & 0xf;
    int bin = (hs[offset] & 0x7f) << 24 | (hs[offset + 1] & 0xff) << 16 | (hs[offset + 2] & 0xff) << 8
        | (hs[offset + 3] & 0xff);
    long mod = 1;
    for (int i = 0; i < digits; i++) {
      mod *= 10;
    }
    String s = Long.toString(bin % mod);
    return "0".repeat(digits - s.length()) + s;
  }

  /**
   * The step whose code {@code code} is, among the current step and {@link #WINDOW} either side, newer than {@code
   * afterStep}; or -1 when none matches (wrong, malformed or already used). Every candidate is compared, in constant
   * time, so that timing tells nothing.
   */
  public static long match(byte[] key, String code, Instant now, long afterStep) {
    if (code == null) {
      return -1;
    }
    String c = code.replace(" ", "");
    if (c.length() != DIGITS || !c.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return -1;
    }
    long current = step(now);
    long found = -1;
    for (long s = current - WINDOW; s <= current + WINDOW; s++) {
      boolean same = MessageDigest.isEqual(code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII),
          c.getBytes(StandardCharsets.US_ASCII));
      if (same && s > afterStep && found < 0) {
        found = s;
      }
    }
    return found;
  }

  /** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
  public static String base32(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  /** Decodes RFC 4648 base32 (padding, spaces and case ignored). */
  public static byte[] fromBase32(String s) {
    String t = s.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    byte[] out = new byte[t.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (char ch : t.toCharArray()) {
      int v = BASE32.indexOf(ch);
      if (v < 0) {
        throw new IllegalArgumentException("not base32: " + ch);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }

  /**
   * The {@code otpauth://totp/...} URI an authenticator app reads (typed in or as a QR code): issuer, account,
   * secret, SHA1, 6 digits, 30 s.
   */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
        + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
