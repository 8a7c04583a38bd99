package org.oligotrial.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The bundled NCT03119519 protocol loads and holds what the registry record and the protocol notes say. */
class BundledProtocolTest {
  private final Protocol p = ProtocolLoader.bundled();

  @Test
  void criteriaFollowTheRecordOrder() {
    assertThat(p.criteria()).extracting(Criterion::id)
        .containsExactly("I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8", "I9", "E1", "E2", "E3", "E4", "E5", "E6",
            "E7", "E8");
  }

  @Test
  void holdsIdentityArmsAndSampleSize() {
    assertThat(p.id()).isEqualTo("NCT03119519");
    assertThat(p.targetSampleSize()).isEqualTo(148);
    assertThat(p.arms()).extracting(Arm::id).containsExactly("RT+", "RT-");
  }

  @Test
  void holdsFiveTwoLevelStratificationFactorsAndMinimization() {
    assertThat(p.stratification()).extracting(StratificationFactor::id)
        .containsExactly("histology", "first_line", "brain_metastasis", "metastases", "thoracic_stage");
    assertThat(p.stratification()).allMatch(f -> f.levels().size() == 2);
    assertThat(p.randomization().method()).isEqualTo("minimization");
    assertThat(p.randomization().probability()).isEqualByComparingTo(new BigDecimal("0.8"));
    assertThat(p.randomization().ratio()).containsExactly(1, 1);
    assertThat(p.randomization().blockSizes()).containsExactly(2, 4, 6);
    assertThat(p.randomization().factorWeights()).hasSize(5);
  }

  @Test
  void recistStableDiseaseIntervalIsSixWeeks() {
    assertThat(p.recist().stableDiseaseMinimumDays()).isEqualTo(42);
  }

  @Test
  void everyProtocolNoteClarificationIsPresent() {
    // protocol-notes.md lists 9 clarifications, N10 is the interim-analysis plan; N1 is the haemoglobin unit slip
    assertThat(p.notes()).hasSize(10);
    assertThat(p.note("N1").orElseThrow().text()).contains("9 g/dL");
  }
}
