package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.treatment.EgfrStatus;
import org.oligotrial.treatment.Histology;
import org.oligotrial.treatment.RandomizationBlockedException;
import org.oligotrial.treatment.SystemicRegimen;
import org.oligotrial.treatment.TrialArm;

class TrialRandomizationTest {

  private static final Randomizer PROTOCOL_RANDOMIZER =
      Randomizers.create(ProtocolRandomization.scheme(ProtocolLoader.bundled()), SecretSeed.derivedFrom("trial"));

  @Test
  void randomizesFromFactsAndPlansTheAllocatedArmsTreatment() {
    RandomizationState state = RandomizationState.empty(2);
    for (int i = 0; i < 20; i++) {
      TrialRandomization.Outcome o = TrialRandomization.randomize(PROTOCOL_RANDOMIZER, state,
          new StratificationFacts(Histology.SQUAMOUS, EgfrStatus.WILD_TYPE, i % 3 == 0, 1 + i % 5, "T2a", "N" + i % 4));
      assertThat(o.plan().arm().code()).isEqualTo(o.allocation().arm());
      assertThat(o.plan().systemic()).isEqualTo(SystemicRegimen.TAXANE_CISPLATIN);
      assertThat(o.plan().radiotherapyPlan().isPresent()).isEqualTo(o.plan().arm() == TrialArm.RT_PLUS);
      assertThat(o.allocation().stratumKey()).startsWith("histology=squamous;therapy=non-targeted;");
      assertThat(o.allocation().sequence()).isEqualTo(i + 1);
      state = o.state();
    }
  }

  @Test
  void unknownEgfrStatusAllocatesNothing() {
    assertThatThrownBy(() -> TrialRandomization.randomize(PROTOCOL_RANDOMIZER, RandomizationState.empty(2),
        new StratificationFacts(Histology.ADENOCARCINOMA, EgfrStatus.UNKNOWN, false, 2, "T1a", "N0")))
        .isInstanceOf(RandomizationBlockedException.class);
  }

  @Test
  void armsOtherThanTheTrialsAreRefusedBeforeAllocating() {
    RandomizationScheme other = new RandomizationScheme(TrialFactors.ALL, AllocationRatio.equal("A", "B"),
        new MethodParameters.PermutedBlocks(List.of(2)));
    assertThatThrownBy(() -> TrialRandomization.randomize(Randomizers.create(other, SecretSeed.derivedFrom("x")),
        RandomizationState.empty(2),
        new StratificationFacts(Histology.ADENOCARCINOMA, EgfrStatus.MUTANT, false, 2, "T1a", "N0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no arm 'A'");
  }
}
