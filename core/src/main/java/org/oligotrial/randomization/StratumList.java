package org.oligotrial.randomization;

import java.util.ArrayList;
import java.util.List;

/**
 * One stratum's sealed list, regenerated on demand: block {@code j} (1-based) of stratum {@code key} is {@link
 * PermutedBlock#draw} with {@code KeyedStream(seed, "blocks/" + key + "/" + j)}. Each block has its own stream, so
 * each stratum's list, and each block in it, is independent and can be regenerated alone. Package-private: only the
 * randomizer (one entry, once allocated) and the statistician's export reach it.
 */
final class StratumList {
  private StratumList() {}

  /** One list entry: its arm and where it sits. */
  record Entry(int arm, AllocationBasis.ListPosition position) {}

  /** The entry at 0-based {@code index} of the stratum's list. */
  static Entry entry(SecretSeed seed, RandomizationScheme scheme, MethodParameters.PermutedBlocks blocks, String key,
      int index) {
    int[] ratio = scheme.ratio().weightArray();
    int[] sizes = blocks.blockSizes().stream().mapToInt(Integer::intValue).toArray();
    int[] block = new int[blocks.largestBlock()];
    int start = 0;
    for (int j = 1; ; j++) {
      int size = PermutedBlock.draw(new KeyedStream(seed, "blocks/" + key + "/" + j), ratio, scheme.ratio().sum(), sizes, block);
      if (index < start + size) {
        int pos = index - start;
        return new Entry(block[pos], new AllocationBasis.ListPosition(j, pos + 1, size, index + 1));
      }
      start += size;
    }
  }

  /** The first {@code blocksWanted} blocks of the stratum's list. */
  static List<Entry> blocks(SecretSeed seed, RandomizationScheme scheme, MethodParameters.PermutedBlocks blocks,
      String key, int blocksWanted) {
    int[] ratio = scheme.ratio().weightArray();
    int[] sizes = blocks.blockSizes().stream().mapToInt(Integer::intValue).toArray();
    int[] block = new int[blocks.largestBlock()];
    List<Entry> out = new ArrayList<>();
    int index = 0;
    for (int j = 1; j <= blocksWanted; j++) {
      int size = PermutedBlock.draw(new KeyedStream(seed, "blocks/" + key + "/" + j), ratio, scheme.ratio().sum(), sizes, block);
      for (int pos = 0; pos < size; pos++) {
        out.add(new Entry(block[pos], new AllocationBasis.ListPosition(j, pos + 1, size, ++index)));
      }
    }
    return out;
  }
}
