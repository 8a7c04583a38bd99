package org.oligotrial.randomization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The trial's secret randomization seed: 16 to 64 bytes that key every draw and every block list. Whoever holds it
 * can regenerate the whole allocation sequence, so it is kept by the statistician and the server, never shown to
 * sites. {@link #toString()} shows only a fingerprint. Immutable and thread-safe.
 */
public final class SecretSeed {
  private final byte[] bytes;

  private SecretSeed(byte[] bytes) {
    if (bytes.length < 16 || bytes.length > 64) {
      throw new IllegalArgumentException("a randomization seed must have 16 to 64 bytes, got " + bytes.length);
    }
    this.bytes = bytes.clone();
  }

  /**
   * The seed written as hexadecimal (32 to 128 hex digits).
   *
   * @throws IllegalArgumentException when the text is not hexadecimal or has the wrong length
   */
  public static SecretSeed fromHex(String hex) {
    Objects.requireNonNull(hex, "seed");
    byte[] b;
    try {
      b = HexFormat.of().parseHex(hex.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a randomization seed must be 32 to 128 hexadecimal digits");
    }
    return new SecretSeed(b);
  }

  /** A new 32-byte seed from {@code random} (use a {@link SecureRandom} for a real trial). */
  public static SecretSeed generate(SecureRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return new SecretSeed(b);
  }

  /**
   * A seed derived from a passphrase or a number (SHA-256 of its UTF-8 bytes), for simulations, tests and examples;
   * a real trial should use {@link #generate}.
   */
  public static SecretSeed derivedFrom(String text) {
    return new SecretSeed(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The seed as hexadecimal, for the statistician's sealed record. */
  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The first 8 hex digits of SHA-256 of the seed: identifies a seed in logs without revealing it. */
  public String fingerprint() {
    return HexFormat.of().formatHex(sha256(bytes)).substring(0, 8);
  }

  byte[] bytes() {
    return bytes.clone();
  }

  private static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretSeed s && MessageDigest.isEqual(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SecretSeed[fingerprint=" + fingerprint() + "]";
  }
}
