package org.oligotrial.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6962 / RFC 9162 tree of eight leaves that Certificate Transparency tests its logs with. Source of every
 * expected value: the test data of Certificate Transparency's Go Merkle library, github.com/transparency-dev/merkle,
 * files {@code testonly/constants.go} (leaf inputs, root hashes for sizes 0 to 8) and {@code proof/verify_test.go}
 * (inclusion proofs, with 1-based leaf numbers there, and consistency proofs), carried over from the original
 * certificate-transparency C++ {@code merkle_tree_test.cc}. Exact comparison (hashes).
 */
class MerkleTreeTestVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  private static final String[] INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"};

  /** Root hash of the tree of the first {@code i} leaves. */
  private static final String[] ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

  private static List<byte[]> leaves() {
    List<byte[]> l = new ArrayList<>();
    for (String in : INPUTS) {
      l.add(MerkleHash.leaf(HEX.parseHex(in)));
    }
    return l;
  }

  private static List<byte[]> hashes(String... hex) {
    List<byte[]> l = new ArrayList<>();
    for (String h : hex) {
      l.add(HEX.parseHex(h));
    }
    return l;
  }

  private static byte[] root(int size) {
    return HEX.parseHex(ROOTS[size]);
  }

  @Test
  void rootOfEverySizeFromZeroToEightMatchesTheTestData() {
    List<byte[]> leaves = leaves();
    MerkleRange range = new MerkleRange();
    for (int size = 0; size <= 8; size++) {
      assertThat(HEX.formatHex(MerkleTree.root(leaves.subList(0, size)))).as("MTH of %d leaves", size)
          .isEqualTo(ROOTS[size]);
      assertThat(HEX.formatHex(range.root())).as("compact range of %d leaves", size).isEqualTo(ROOTS[size]);
      if (size < 8) {
        range.appendEntry(HEX.parseHex(INPUTS[size]));
      }
    }
  }

  @Test
  void inclusionProofsMatchTheTestDataAndVerify() {
    List<byte[]> leaves = leaves();
    // {leaf (1-based, as in the source), size, path...}
    Object[][] vectors = {
      {1, 8, hashes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")},
      {6, 8, hashes("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")},
      {3, 3, hashes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")},
      {2, 5, hashes("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")},
      {1, 1, hashes()},
    };
    for (Object[] v : vectors) {
      int index = (Integer) v[0] - 1;
      int size = (Integer) v[1];
      @SuppressWarnings("unchecked")
      List<byte[]> expected = (List<byte[]>) v[2];
      List<byte[]> made = MerkleTree.inclusionPath(leaves, index, size);
      assertThat(made).as("path of leaf %d in %d", index, size).usingElementComparator(MerkleTreeTestVectorsTest::cmp)
          .containsExactlyElementsOf(expected);
      assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), expected, root(size))).isTrue();
      // the same proof for the wrong leaf, position, size or root fails
      assertThat(MerkleTree.verifyInclusion(index, size, leaves.get((index + 1) % 8), expected, root(size)))
          .isFalse();
      assertThat(MerkleTree.verifyInclusion(index, size * 2, leaves.get(index), expected, root(size))).isFalse();
      assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), expected, root(size == 8 ? 7 : 8)))
          .isFalse();
      if (size > 1) {
        assertThat(MerkleTree.verifyInclusion(index ^ 1, size, leaves.get(index), expected, root(size))).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), expected.subList(0, expected.size() - 1),
            root(size))).isFalse();
      }
    }
  }

  @Test
  void consistencyProofsMatchTheTestDataAndVerify() {
    List<byte[]> leaves = leaves();
    Object[][] vectors = {
      {1, 8, hashes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")},
      {6, 8, hashes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")},
      {2, 5, hashes("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")},
      {6, 7, hashes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
          "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")},
      {1, 1, hashes()},
    };
    for (Object[] v : vectors) {
      int first = (Integer) v[0];
      int second = (Integer) v[1];
      @SuppressWarnings("unchecked")
      List<byte[]> expected = (List<byte[]>) v[2];
      assertThat(MerkleTree.consistencyProof(leaves, first, second)).as("proof %d to %d", first, second)
          .usingElementComparator(MerkleTreeTestVectorsTest::cmp).containsExactlyElementsOf(expected);
      assertThat(MerkleTree.verifyConsistency(first, second, root(first), root(second), expected)).isTrue();
      if (first < second) {
        assertThat(MerkleTree.verifyConsistency(first, second, root(second), root(first), expected)).as("swapped")
            .isFalse();
        assertThat(MerkleTree.verifyConsistency(first + 1, second, root(first), root(second), expected)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, root(first), root(second), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, root(first), root(second),
            expected.subList(0, expected.size() - 1))).as("truncated").isFalse();
      }
    }
  }

  private static int cmp(byte[] a, byte[] b) {
    return java.util.Arrays.compare(a, b);
  }
}
