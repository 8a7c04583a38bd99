package org.oligotrial.randomization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The statistician's export of the sealed block lists: regenerates, from the secret seed, the first blocks of every
 * stratum's list exactly as {@link PermutedBlockRandomizer} uses them. This is the only way to see list entries that
 * have not been allocated yet, so the server must offer it to the trial statistician alone (and audit each use);
 * site users only ever receive allocations already made. Stateless and thread-safe.
 */
public final class AllocationListExport {
  private AllocationListExport() {}

  /**
   * One list entry.
   *
   * @param stratumKey the stratum
   * @param position block number, position in block, block size and position in the stratum's list
   * @param arm the arm's code
   */
  public record Entry(String stratumKey, AllocationBasis.ListPosition position, String arm) {}

  /**
   * The first {@code blocksPerStratum} blocks of every stratum's list, strata in {@link
   * RandomizationScheme#allStrata()} order.
   *
   * @throws IllegalArgumentException when the scheme is not permuted blocks or {@code blocksPerStratum} is not 1 to
   *     10000
   */
  public static List<Entry> forStatistician(RandomizationScheme scheme, SecretSeed seed, int blocksPerStratum) {
    Objects.requireNonNull(seed, "seed");
    if (!(scheme.method() instanceof MethodParameters.PermutedBlocks b)) {
      throw new IllegalArgumentException("only permuted blocks have a list; this scheme uses " + scheme.method().methodName());
    }
    if (blocksPerStratum < 1 || blocksPerStratum > 10_000) {
      throw new IllegalArgumentException("blocks per stratum must be from 1 to 10000, got " + blocksPerStratum);
    }
    List<Entry> out = new ArrayList<>();
    for (String key : scheme.allStrata()) {
      for (StratumList.Entry e : StratumList.blocks(seed, scheme, b, key, blocksPerStratum)) {
        out.add(new Entry(key, e.position(), scheme.ratio().arms().get(e.arm())));
      }
    }
    return out;
  }

  /**
   * The entries as CSV with a header line: {@code stratum,stratum_sequence,block,position_in_block,block_size,arm};
   * the stratum key is quoted. Lines end with {@code \n}.
   */
  public static String toCsv(List<Entry> entries) {
    StringBuilder sb = new StringBuilder("stratum,stratum_sequence,block,position_in_block,block_size,arm\n");
    for (Entry e : entries) {
      AllocationBasis.ListPosition p = e.position();
      sb.append('"').append(e.stratumKey().replace("\"", "\"\"")).append('"').append(',')
          .append(p.stratumSequence()).append(',').append(p.blockNumber()).append(',').append(p.positionInBlock())
          .append(',').append(p.blockSize()).append(',').append(e.arm()).append('\n');
    }
    return sb.toString();
  }
}
