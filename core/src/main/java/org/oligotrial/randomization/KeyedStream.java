package org.oligotrial.randomization;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deterministic stream of random numbers keyed by the secret seed and a label (for example {@code
 * blocks/<stratum>/<block number>} or {@code minimization/<sequence number>}).
 *
 * <p>Output block {@code i} is {@code HMAC-SHA256(seed, len(label) || label || i)} (lengths and {@code i} as
 * big-endian integers), read as four 64-bit words: HMAC in counter mode, in the manner of the counter-mode key
 * derivation of NIST SP 800-108 [2]. Without the seed the stream cannot be predicted [1]; with it, it can be
 * regenerated on any Java runtime, because {@link #nextDouble()} and {@link #nextInt(int)} are defined here and not
 * by the JDK: {@code nextDouble = (word >>> 11) * 2^-53}; {@code nextInt(b)} takes {@code v = word >>> 1} and
 * rejects {@code v} in the incomplete last cycle of {@code b} so that every value in {@code [0, b)} is equally likely.
 *
 * <p>Streams with different labels are independent. Not thread-safe (one stream per computation).
 *
 * <p>References:
 *
 * <ol>
 *   <li>Krawczyk H, Bellare M, Canetti R. HMAC: Keyed-Hashing for Message Authentication. RFC 2104, 1997.
 *       doi:10.17487/RFC2104
 *   <li>Chen L. Recommendation for Key Derivation Using Pseudorandom Functions. NIST SP 800-108r1, 2022.
 *       doi:10.6028/NIST.SP.800-108r1
 * </ol>
 */
final class KeyedStream implements RandomGenerator {
  private final Mac mac;
  private final byte[] label;
  private long counter;
  private ByteBuffer block = ByteBuffer.allocate(0);

  KeyedStream(SecretSeed seed, String label) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(seed.bytes(), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
    this.label = label.getBytes(StandardCharsets.UTF_8);
  }

  /** The first uniform draw in {@code [0, 1)} of the stream with this label. */
  static double firstDouble(SecretSeed seed, String label) {
    return new KeyedStream(seed, label).nextDouble();
  }

  @Override
  public long nextLong() {
    if (!block.hasRemaining()) {
      mac.update(ByteBuffer.allocate(4).putInt(label.length).array());
      mac.update(label);
      mac.update(ByteBuffer.allocate(8).putLong(counter++).array());
      block = ByteBuffer.wrap(mac.doFinal());
    }
    return block.getLong();
  }

  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    while (true) {
      long v = nextLong() >>> 1;
      long r = v % bound;
      if (v - r + (bound - 1) >= 0) {
        return (int) r;
      }
    }
  }
}
