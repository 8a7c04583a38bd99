package org.oligotrial.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree kept as its compact range: the roots of the perfect subtrees that make up the first {@code size}
 * leaves, largest (leftmost) first, one per set bit of {@code size}. Appending a leaf merges equal-sized subtrees
 * like a binary counter's carry (amortised one {@link MerkleHash#node} per leaf); {@link #root()} folds the subtrees
 * right to left, {@code node(s_1, node(s_2, ... node(s_{k-1}, s_k)))}, which is exactly RFC 9162's MTH because the
 * split point of every level there (the largest power of two below the size) is the edge of the leftmost subtree.
 *
 * <p>Memory: at most 64 hashes. Not thread-safe: one owner appends.
 *
 * <p>Reference: RFC 9162 section 2.1.1 (doi:10.17487/RFC9162); the compact-range idea as in Certificate
 * Transparency's log implementations.
 */
public final class MerkleRange {
  private final List<byte[]> subtrees = new ArrayList<>();
  private long size;

  /** Number of leaves appended. */
  public long size() {
    return size;
  }

  /** Appends one leaf given as its entry (hashed with {@link MerkleHash#leaf}). */
  public void appendEntry(byte[] entry) {
    appendLeafHash(MerkleHash.leaf(entry));
  }

  /** Appends one leaf given as its leaf hash. */
  public void appendLeafHash(byte[] leafHash) {
    byte[] carry = leafHash;
    // each trailing 1-bit of size is a perfect subtree of the same height as the carry: merge them
    for (long s = size; (s & 1) == 1; s >>>= 1) {
      carry = MerkleHash.node(subtrees.remove(subtrees.size() - 1), carry);
    }
    subtrees.add(carry);
    size++;
  }

  /** The tree hash MTH of the leaves appended so far ({@link MerkleHash#empty()} when none). */
  public byte[] root() {
    if (subtrees.isEmpty()) {
      return MerkleHash.empty();
    }
    byte[] r = subtrees.get(subtrees.size() - 1);
    for (int i = subtrees.size() - 2; i >= 0; i--) {
      r = MerkleHash.node(subtrees.get(i), r);
    }
    return r;
  }
}
