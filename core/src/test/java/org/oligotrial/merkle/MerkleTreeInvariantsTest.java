package org.oligotrial.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants over every tree of 1 to 70 leaves (seeded random entries, so a failure replays): the incremental range
 * gives the recursive MTH, every inclusion proof and every consistency proof made verifies, and flipping one bit
 * of any proof hash makes it fail.
 */
class MerkleTreeInvariantsTest {
  private static final int MAX = 70;

  private static List<byte[]> randomLeaves(long seed, int n) {
    Random r = new Random(seed);
    List<byte[]> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] e = new byte[r.nextInt(40)];
      r.nextBytes(e);
      l.add(MerkleHash.leaf(e));
    }
    return l;
  }

  @Test
  void incrementalRangeAgreesWithTheRecursiveTreeHash() {
    List<byte[]> leaves = randomLeaves(20261206L, MAX);
    MerkleRange range = new MerkleRange();
    for (int n = 1; n <= MAX; n++) {
      range.appendLeafHash(leaves.get(n - 1));
      assertThat(range.root()).as("size %d", n).isEqualTo(MerkleTree.root(leaves.subList(0, n)));
      assertThat(range.size()).isEqualTo(n);
    }
  }

  @Test
  void everyInclusionProofVerifiesAndNoCorruptedOneDoes() {
    List<byte[]> leaves = randomLeaves(7L, MAX);
    for (int n = 1; n <= MAX; n++) {
      byte[] root = MerkleTree.root(leaves.subList(0, n));
      for (int m = 0; m < n; m++) {
        List<byte[]> path = MerkleTree.inclusionPath(leaves, m, n);
        assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), path, root)).as("leaf %d of %d", m, n).isTrue();
        for (int i = 0; i < path.size(); i++) {
          List<byte[]> bad = new ArrayList<>(path);
          byte[] h = bad.get(i).clone();
          h[i % 32] ^= 1;
          bad.set(i, h);
          assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), bad, root)).isFalse();
        }
      }
    }
  }

  @Test
  void everyConsistencyProofVerifiesAndNoCorruptedOneDoes() {
    List<byte[]> leaves = randomLeaves(11L, MAX);
    for (int second = 1; second <= MAX; second++) {
      byte[] r2 = MerkleTree.root(leaves.subList(0, second));
      for (int first = 1; first <= second; first++) {
        byte[] r1 = MerkleTree.root(leaves.subList(0, first));
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, second);
        assertThat(MerkleTree.verifyConsistency(first, second, r1, r2, proof)).as("%d to %d", first, second)
            .isTrue();
        for (int i = 0; i < proof.size(); i++) {
          List<byte[]> bad = new ArrayList<>(proof);
          byte[] h = bad.get(i).clone();
          h[0] ^= 16;
          bad.set(i, h);
          assertThat(MerkleTree.verifyConsistency(first, second, r1, r2, bad)).isFalse();
        }
      }
    }
  }

  @Test
  void aRewrittenLeafChangesTheRootSoTheOldProofFails() {
    List<byte[]> leaves = randomLeaves(3L, 13);
    byte[] r1 = MerkleTree.root(leaves.subList(0, 9));
    List<byte[]> rewritten = new ArrayList<>(leaves);
    rewritten.set(4, MerkleHash.leaf(new byte[] {42}));
    byte[] r2 = MerkleTree.root(rewritten);
    assertThat(MerkleTree.verifyConsistency(9, 13, r1, r2, MerkleTree.consistencyProof(rewritten, 9, 13))).isFalse();
  }
}
