package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermutedBlockRandomizerTest {

  private static final RandomizationScheme TRIAL = Nct03119519.scheme(new MethodParameters.PermutedBlocks(List.of(2, 4, 6)));
  private static final SecretSeed SEED = SecretSeed.derivedFrom("blocks test seed");

  @Test
  void stratumImbalanceNeverExceedsHalfTheLargestBlockAndIsZeroAtEveryBlockEnd() {
    for (long trial = 0; trial < 20; trial++) {
      Randomizer r = Randomizers.create(TRIAL, SecretSeed.derivedFrom("seed " + trial));
      Map<String, int[]> counts = new HashMap<>();
      for (AllocationStep step : Fixtures.randomizeAll(r, Fixtures.participants(TRIAL, 148, trial))) {
        Allocation a = step.allocation();
        int[] c = counts.computeIfAbsent(a.stratumKey(), k -> new int[2]);
        c[a.armIndex()]++;
        assertThat(Math.abs(c[0] - c[1])).isLessThanOrEqualTo(6 / 2);
        AllocationBasis.ListPosition p = (AllocationBasis.ListPosition) a.basis();
        if (p.positionInBlock() == p.blockSize()) {
          assertThat(c[0]).as("balanced at the end of block %s of %s", p.blockNumber(), a.stratumKey()).isEqualTo(c[1]);
        }
        assertThat(step.state().stratumCount(a.stratumKey(), 0)).isEqualTo(c[0]);
      }
    }
  }

  @Test
  void twoToOneBlocksFollowTheRatioAtEveryBlockEnd() {
    RandomizationScheme scheme = new RandomizationScheme(List.of(Nct03119519.HISTOLOGY),
        AllocationRatio.parse("2:1", List.of("RT+", "RT-")), new MethodParameters.PermutedBlocks(List.of(3, 6)));
    Randomizer r = Randomizers.create(scheme, SEED);
    int[] c = new int[2];
    List<ParticipantFactors> squamous = java.util.Collections.nCopies(300, scheme.participant(new int[] {0}));
    for (AllocationStep step : Fixtures.randomizeAll(r, squamous)) {
      c[step.allocation().armIndex()]++;
      AllocationBasis.ListPosition p = (AllocationBasis.ListPosition) step.allocation().basis();
      assertThat(Math.abs(c[0] - 2 * c[1])).isLessThanOrEqualTo(6);
      if (p.positionInBlock() == p.blockSize()) {
        assertThat(c[0]).isEqualTo(2 * c[1]);
      }
    }
  }

  @Test
  void allocationsFollowTheStatisticiansExportedListEntryByEntry() {
    Randomizer r = Randomizers.create(TRIAL, SEED);
    List<Allocation> log = Fixtures.allocations(Fixtures.randomizeAll(r, Fixtures.participants(TRIAL, 148, 7)));
    List<AllocationListExport.Entry> list = AllocationListExport.forStatistician(TRIAL, SEED, 40);
    Map<String, List<AllocationListExport.Entry>> byStratum = new HashMap<>();
    list.forEach(e -> byStratum.computeIfAbsent(e.stratumKey(), k -> new java.util.ArrayList<>()).add(e));
    assertThat(byStratum).hasSize(32);
    for (Allocation a : log) {
      AllocationBasis.ListPosition p = (AllocationBasis.ListPosition) a.basis();
      AllocationListExport.Entry e = byStratum.get(a.stratumKey()).get(p.stratumSequence() - 1);
      assertThat(e.arm()).isEqualTo(a.arm());
      assertThat(e.position()).isEqualTo(p);
    }
  }

  @Test
  void regeneratingTheListFromTheSeedGivesTheSameListAndAnotherSeedADifferentOne() {
    List<AllocationListExport.Entry> first = AllocationListExport.forStatistician(TRIAL, SEED, 10);
    List<AllocationListExport.Entry> again = AllocationListExport.forStatistician(TRIAL, SecretSeed.fromHex(SEED.toHex()), 10);
    List<AllocationListExport.Entry> other = AllocationListExport.forStatistician(TRIAL, SecretSeed.derivedFrom("other"), 10);
    assertThat(again).isEqualTo(first);
    assertThat(AllocationListExport.toCsv(again)).isEqualTo(AllocationListExport.toCsv(first));
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void csvExportHasAHeaderAndOneLinePerEntry() {
    List<AllocationListExport.Entry> list = AllocationListExport.forStatistician(TRIAL, SEED, 1);
    String csv = AllocationListExport.toCsv(list);
    String[] lines = csv.split("\n");
    assertThat(lines[0]).isEqualTo("stratum,stratum_sequence,block,position_in_block,block_size,arm");
    assertThat(lines).hasSize(list.size() + 1);
    assertThat(lines[1]).startsWith("\"histology=squamous;first_line=targeted;brain_metastasis=yes;metastases=1;thoracic_stage=I-II\",1,1,1,");
  }

  @Test
  void replayWithTheSeedReproducesEveryAllocation() {
    Randomizer r = Randomizers.create(TRIAL, SEED);
    List<Allocation> log = Fixtures.allocations(Fixtures.randomizeAll(r, Fixtures.participants(TRIAL, 148, 3)));
    assertThat(AllocationReplay.withSeed(Randomizers.create(TRIAL, SEED), log).reproduced()).isTrue();
    AllocationReplay.Report wrongSeed = AllocationReplay.withSeed(Randomizers.create(TRIAL, SecretSeed.derivedFrom("x")), log);
    assertThat(wrongSeed.reproduced()).isFalse();
  }

  @Test
  void blockSizeThatIsNotAMultipleOfTheRatioSumIsRefused() {
    assertThatThrownBy(() -> new RandomizationScheme(Nct03119519.FACTORS,
        AllocationRatio.parse("2:1", List.of("RT+", "RT-")), new MethodParameters.PermutedBlocks(List.of(4))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block size 4 is not a multiple of the ratio sum 3");
  }

  @Test
  void unknownLevelIsRefusedNamingTheFactor() {
    Randomizer r = Randomizers.create(TRIAL, SEED);
    ParticipantFactors bad = new ParticipantFactors(Map.of("histology", "small-cell", "first_line", "targeted",
        "brain_metastasis", "no", "metastases", "1", "thoracic_stage", "III"));
    assertThatThrownBy(() -> r.allocate(RandomizationState.empty(2), bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("factor histology has no level 'small-cell'");
  }

  @Test
  void theSeedIsNotShownByToString() {
    assertThat(SEED.toString()).doesNotContain(SEED.toHex()).contains(SEED.fingerprint());
  }
}
