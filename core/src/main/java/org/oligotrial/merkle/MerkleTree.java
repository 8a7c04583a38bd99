package org.oligotrial.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 Merkle tree hashes and proofs over a list of leaf hashes {@code D[0..n)} (each {@link MerkleHash#leaf} of
 * an entry).
 *
 * <p>The tree hash (section 2.1.1), with {@code k} the largest power of two smaller than {@code n}:
 *
 * <pre>
 *   MTH({})      = SHA-256()
 *   MTH({d0})    = leaf hash of d0
 *   MTH(D[n])    = node(MTH(D[0:k]), MTH(D[k:n]))        for n &gt; 1
 * </pre>
 *
 * <p>The inclusion path of leaf {@code m} (section 2.1.3.1): {@code PATH(m, D[1]) = {}}; for {@code n > 1},
 * {@code PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])} when {@code m < k}, else {@code PATH(m - k, D[k:n]) :
 * MTH(D[0:k])}. The consistency proof between sizes {@code m <= n} (section 2.1.4.1): {@code PROOF(m, D[n]) =
 * SUBPROOF(m, D[n], true)}, with {@code SUBPROOF(m, D[m], true) = {}}, {@code SUBPROOF(m, D[m], false) =
 * {MTH(D[m])}}, and for {@code m < n}: {@code SUBPROOF(m, D[0:k], b) : MTH(D[k:n])} when {@code m <= k}, else
 * {@code SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])}.
 *
 * <p>The verifiers are the iterative algorithms of sections 2.1.3.2 and 2.1.4.2; they need only the proof, the sizes
 * and the roots, never the leaves. Making a proof costs O(n) hashes (it recomputes subtree hashes); verifying costs
 * O(log n). Stateless and thread-safe; the lists given are not modified.
 *
 * <p>References: [1] RFC 9162, "Certificate Transparency Version 2.0", sections 2.1.1-2.1.4,
 * doi:10.17487/RFC9162. [2] RFC 6962 section 2.1 (same construction), doi:10.17487/RFC6962.
 */
public final class MerkleTree {
  private MerkleTree() {}

  /** MTH of {@code leafHashes}. */
  public static byte[] root(List<byte[]> leafHashes) {
    if (leafHashes.isEmpty()) {
      return MerkleHash.empty();
    }
    return mth(leafHashes, 0, leafHashes.size());
  }

  /**
   * The inclusion path of leaf {@code index} (0-based) in the tree of the first {@code size} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size <= leafHashes.size()}
   */
  public static List<byte[]> inclusionPath(List<byte[]> leafHashes, long index, long size) {
    if (size < 1 || size > leafHashes.size() || index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves (of "
          + leafHashes.size() + " known)");
    }
    List<byte[]> path = new ArrayList<>();
    path(leafHashes, (int) index, 0, (int) size, path);
    return path;
  }

  /**
   * The consistency proof that the tree of the first {@code second} leaves extends that of the first {@code first}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= first <= second <= leafHashes.size()}
   */
  public static List<byte[]> consistencyProof(List<byte[]> leafHashes, long first, long second) {
    if (first < 0 || first > second || second > leafHashes.size()) {
      throw new IllegalArgumentException("no consistency proof from " + first + " to " + second + " leaves (of "
          + leafHashes.size() + " known)");
    }
    List<byte[]> proof = new ArrayList<>();
    if (first > 0 && first < second) {
      subproof(leafHashes, (int) first, 0, (int) second, true, proof);
    }
    return proof;
  }

  /**
   * Whether {@code path} proves that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves whose
   * root is {@code root} (RFC 9162 section 2.1.3.2).
   */
  public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
    if (index < 0 || index >= size || leafHash == null || root == null) {
      return false; // step 1
    }
    long fn = index; // step 2
    long sn = size - 1;
    byte[] r = leafHash; // step 3
    for (byte[] p : path) { // step 4
      if (p == null || p.length != MerkleHash.SIZE || sn == 0) {
        return false; // 4a
      }
      if ((fn & 1) == 1 || fn == sn) { // 4b
        r = MerkleHash.node(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = MerkleHash.node(r, p);
      }
      fn >>>= 1; // 4c
      sn >>>= 1;
    }
    return sn == 0 && Arrays.equals(r, root); // step 5
  }

  /**
   * Whether {@code proof} shows that the tree of {@code second} leaves with root {@code secondRoot} extends the tree
   * of {@code first} leaves with root {@code firstRoot} (RFC 9162 section 2.1.4.2). Equal sizes need equal roots
   * and an empty proof; an empty first tree is extended by every tree (empty proof).
   */
  public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
      List<byte[]> proof) {
    if (first < 0 || first > second || firstRoot == null || secondRoot == null) {
      return false;
    }
    if (first == 0) {
      return proof.isEmpty();
    }
    if (first == second) {
      return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
    }
    if (proof.isEmpty()) {
      return false; // step 1
    }
    for (byte[] c : proof) {
      if (c == null || c.length != MerkleHash.SIZE) {
        return false;
      }
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) { // step 2: a perfect first tree is its own first node
      path.add(0, firstRoot);
    }
    long fn = first - 1; // step 3
    long sn = second - 1;
    while ((fn & 1) == 1) { // step 4
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0); // step 5
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) { // step 6
      if (sn == 0) {
        return false; // 6a
      }
      if ((fn & 1) == 1 || fn == sn) { // 6b
        fr = MerkleHash.node(c, fr);
        sr = MerkleHash.node(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = MerkleHash.node(sr, c);
      }
      fn >>>= 1; // 6c
      sn >>>= 1;
    }
    return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0; // step 7
  }

  /** Largest power of two smaller than {@code n} (n &gt; 1). */
  static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }

  /** MTH(D[from:to]), to &gt; from. */
  private static byte[] mth(List<byte[]> d, int from, int to) {
    if (to - from == 1) {
      return d.get(from);
    }
    int k = split(to - from);
    return MerkleHash.node(mth(d, from, from + k), mth(d, from + k, to));
  }

  /** PATH(m, D[from:to]) appended to {@code out}, deepest first. */
  private static void path(List<byte[]> d, int m, int from, int to, List<byte[]> out) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = split(n);
    if (m < k) {
      path(d, m, from, from + k, out);
      out.add(mth(d, from + k, to));
    } else {
      path(d, m - k, from + k, to, out);
      out.add(mth(d, from, from + k));
    }
  }

  /** SUBPROOF(m, D[from:to], b) appended to {@code out}. */
  private static void subproof(List<byte[]> d, int m, int from, int to, boolean b, List<byte[]> out) {
    int n = to - from;
    if (m == n) {
      if (!b) {
        out.add(mth(d, from, to));
      }
      return;
    }
    int k = split(n);
    if (m <= k) {
      subproof(d, m, from, from + k, b, out);
      out.add(mth(d, from + k, to));
    } else {
      subproof(d, m - k, from + k, to, false, out);
      out.add(mth(d, from, from + k));
    }
  }
}
