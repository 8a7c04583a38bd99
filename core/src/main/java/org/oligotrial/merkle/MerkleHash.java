package org.oligotrial.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hashes of an RFC 9162 Merkle tree over SHA-256, with their domain-separation prefixes:
 *
 * <pre>
 *   leaf(d)    = SHA-256(0x00 || d)
 *   node(l, r) = SHA-256(0x01 || l || r)
 *   MTH({})    = SHA-256()                         (the empty tree)
 * </pre>
 *
 * <p>The prefixes keep a leaf from ever hashing like an inner node (a second pre-image across levels). Stateless and
 * thread-safe; every call returns a new 32-byte array.
 *
 * <p>References: [1] B. Laurie, E. Messeri, R. Stradling, "Certificate Transparency Version 2.0", RFC 9162 (2021),
 * section 2.1.1, doi:10.17487/RFC9162. [2] B. Laurie, A. Langley, E. Kasper, RFC 6962 (2013), section 2.1,
 * doi:10.17487/RFC6962.
 */
public final class MerkleHash {
  /** Length of every hash, in bytes. */
  public static final int SIZE = 32;

  private MerkleHash() {}

  /** {@code SHA-256(0x00 || entry)}. */
  public static byte[] leaf(byte[] entry) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x00);
    sha.update(entry);
    return sha.digest();
  }

  /** {@code SHA-256(0x01 || left || right)}. */
  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x01);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  /** The hash of the empty tree, {@code SHA-256()} of no bytes. */
  public static byte[] empty() {
    return sha256().digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
