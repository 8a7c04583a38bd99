package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oligotrial.treatment.EgfrStatus;
import org.oligotrial.treatment.Histology;
import org.oligotrial.treatment.RandomizationBlockedException;

class FactorDerivationTest {

  @Test
  void derivesAllFiveLevelsForAnEgfrMutantAdenocarcinoma() {
    ParticipantFactors f = FactorDerivation.derive(
        new StratificationFacts(Histology.ADENOCARCINOMA, EgfrStatus.MUTANT, true, 1, "T2a", "N2"));
    assertThat(f.levels()).containsExactly(
        java.util.Map.entry("histology", "non-squamous"),
        java.util.Map.entry("first_line", "targeted"),
        java.util.Map.entry("brain_metastasis", "yes"),
        java.util.Map.entry("metastases", "1"),
        java.util.Map.entry("thoracic_stage", "III"));
    assertThat(TrialFactors.scheme(new MethodParameters.Simple()).stratumKey(f))
        .isEqualTo("histology=non-squamous;first_line=targeted;brain_metastasis=yes;metastases=1;thoracic_stage=III");
  }

  @Test
  void derivesLevelsForAWildTypeSquamousCarcinomaWithFiveLesions() {
    ParticipantFactors f = FactorDerivation.derive(
        new StratificationFacts(Histology.SQUAMOUS, EgfrStatus.WILD_TYPE, false, 5, "T3", "N0"));
    assertThat(f.levels().values()).containsExactly("squamous", "non-targeted", "no", "2-5", "I-II");
  }

  @Test
  void otherNonSquamousHistologyCountsAsNonSquamousAndTwoLesionsAsTwoToFive() {
    ParticipantFactors f = FactorDerivation.derive(
        new StratificationFacts(Histology.OTHER_NON_SQUAMOUS, EgfrStatus.WILD_TYPE, false, 2, "T1c", "N1"));
    assertThat(f.levels().values()).containsExactly("non-squamous", "non-targeted", "no", "2-5", "I-II");
  }

  @Test
  void unknownEgfrStatusBlocksRandomization() {
    assertThatThrownBy(() -> FactorDerivation.derive(
        new StratificationFacts(Histology.ADENOCARCINOMA, EgfrStatus.UNKNOWN, false, 1, "T1a", "N0")))
        .isInstanceOf(RandomizationBlockedException.class).hasMessageContaining("EGFR status is unknown");
  }

  @Test
  void lesionCountsOutsideOneToFiveBlockRandomization() {
    for (int lesions : new int[] {0, 6, -1}) {
      assertThatThrownBy(() -> FactorDerivation.derive(
          new StratificationFacts(Histology.SQUAMOUS, EgfrStatus.WILD_TYPE, false, lesions, "T1a", "N0")))
          .isInstanceOf(RandomizationBlockedException.class).hasMessageContaining("1 to 5");
    }
  }
}
