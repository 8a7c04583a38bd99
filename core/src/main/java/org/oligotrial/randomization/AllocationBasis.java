package org.oligotrial.randomization;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * Why an allocation went to its arm: the list position (blocks), the scores and draw (minimization) or the draw
 * (simple), or the file an imported allocation came from. Every drawn variant can be checked again: see {@link
 * AllocationReplay}; an {@link Imported} one has no draw to check and is never part of a replay (it holds no
 * position of the sealed list and moved no allocation state). As JSON the variant is named by a {@code "kind"}
 * property: {@code list-position}, {@code minimization}, {@code simple} or {@code imported}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = AllocationBasis.ListPosition.class, name = "list-position"),
  @JsonSubTypes.Type(value = AllocationBasis.MinimizationScores.class, name = "minimization"),
  @JsonSubTypes.Type(value = AllocationBasis.SimpleDraw.class, name = "simple"),
  @JsonSubTypes.Type(value = AllocationBasis.Imported.class, name = "imported")
})
public sealed interface AllocationBasis {

  /** One sentence for the allocation log, for example {@code block 3 (size 4), position 2}. */
  String explain();

  /**
   * The position in the stratum's sealed list.
   *
   * @param blockNumber 1-based block number within the stratum
   * @param positionInBlock 1-based position within the block
   * @param blockSize the size of this block
   * @param stratumSequence 1-based position in the stratum's list (participants of the stratum so far, this one
   *     included)
   */
  record ListPosition(int blockNumber, int positionInBlock, int blockSize, int stratumSequence) implements AllocationBasis {
    @Override
    public String explain() {
      return "stratum list entry " + stratumSequence + ": block " + blockNumber + " (size " + blockSize + "), position "
          + positionInBlock;
    }
  }

  /**
   * The Pocock-Simon scores and the draw.
   *
   * @param scores {@code G(a)} for each arm, in arm order
   * @param minimizingArms the arms with the smallest score
   * @param preferredArmProbability {@code p}
   * @param draw the uniform draw {@code u} in {@code [0, 1)}
   */
  record MinimizationScores(List<Double> scores, List<String> minimizingArms, double preferredArmProbability, double draw)
      implements AllocationBasis {
    public MinimizationScores {
      scores = List.copyOf(Objects.requireNonNull(scores, "scores"));
      minimizingArms = List.copyOf(Objects.requireNonNull(minimizingArms, "minimizing arms"));
    }

    @Override
    public String explain() {
      boolean tie = minimizingArms.size() == scores.size();
      return "imbalance scores " + scores + (tie ? ", all arms tied, uniform choice" : ", minimizing " + minimizingArms
          + " chosen with probability " + preferredArmProbability) + "; draw u=" + draw;
    }
  }

  /**
   * The draw of simple randomization: arm {@code k} when {@code u} falls in its share {@code [c_{k-1}, c_k)} of the
   * cumulative ratio {@code c_k = (r_1 + ... + r_k) / R}.
   *
   * @param draw the uniform draw {@code u} in {@code [0, 1)}
   */
  record SimpleDraw(double draw) implements AllocationBasis {
    @Override
    public String explain() {
      return "simple randomization, draw u=" + draw;
    }
  }

  /**
   * An allocation made elsewhere and imported (an ODM file): the arm as the file gives it, no draw.
   *
   * @param source the file it was imported from, as the importer names it (for an ODM file: {@code ODM import of
   *     <file name> (FileOID <oid>)})
   */
  record Imported(String source) implements AllocationBasis {
    public Imported {
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String explain() {
      return "imported, not drawn here: " + source;
    }
  }
}
