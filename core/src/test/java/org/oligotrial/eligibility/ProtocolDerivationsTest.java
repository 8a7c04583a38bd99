package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.protocol.Regimen;

/**
 * Stratification levels and the systemic regimen, derived by the rules of protocols/nct03119519.yaml (thoracic stage
 * from AJCC 8th T/N: T2a N1 is stage IIB, T3 N2 is IIIB).
 */
class ProtocolDerivationsTest {
  private final ProtocolDerivations derive = new ProtocolDerivations(ProtocolLoader.bundled());
  private final ScreeningRecordParser parser = new ScreeningRecordParser();

  private ScreeningRecord example(String name) {
    return parser.parse(Candidates.read(name));
  }

  @Test
  void eligibleExampleStrata() {
    // adenocarcinoma, EGFR mutant, a brain metastasis (intracranialMetastasis: true), 2 + 1 lesions, T2a N1
    assertThat(derive.stratumLevels(example("eligible.json"))).containsExactly(Map.entry("histology", "non-squamous"),
        Map.entry("therapy", "targeted"), Map.entry("intracranial", "yes"), Map.entry("metastases", "2-5"),
        Map.entry("thoracic-stage", "I-II"));
  }

  @Test
  void squamousWildTypeStageThreeStrataAndUndecidableLesionCount() {
    // squamous, wild-type, liver and bone, 4 + 3 = 7 lesions (neither 1 nor 2-5), T3 N2
    Map<String, String> levels = derive.stratumLevels(example("ineligible.json"));
    assertThat(levels.get("histology")).isEqualTo("squamous");
    assertThat(levels.get("therapy")).isEqualTo("non-targeted");
    assertThat(levels.get("intracranial")).isEqualTo("no");
    assertThat(levels.get("metastases")).isNull();
    assertThat(levels.get("thoracic-stage")).isEqualTo("III");
  }

  @Test
  void singleLesionAndT4N0() {
    ScreeningRecord r = Candidates.eligibleWith(n -> {
      n.putArray("metastases").addObject().put("site", "adrenal").put("lesions", 1);
      n.put("intracranialMetastasis", false);
      n.putObject("staging").put("t", "T4").put("n", "N0").put("m", "M1b");
    });
    assertThat(derive.stratumLevels(r)).containsEntry("metastases", "1").containsEntry("thoracic-stage", "III")
        .containsEntry("intracranial", "no");
  }

  @Test
  void intracranialStratumIsTheExplicitAnswer() {
    ScreeningRecord brain = Candidates.eligibleWith(n -> {
      n.putArray("metastases").addObject().put("site", "brain").put("text", "cerebellum").put("lesions", 1);
      n.put("intracranialMetastasis", true);
    });
    assertThat(derive.stratumLevels(brain)).containsEntry("intracranial", "yes");
    // an unanswered question leaves the stratum undecided (randomization waits for it), whatever the sites say
    ScreeningRecord unanswered = Candidates.eligibleWith(n -> n.remove("intracranialMetastasis"));
    assertThat(unanswered.items("metastases")).extracting(m -> m.text("site")).contains("brain");
    assertThat(derive.stratumLevels(unanswered).get("intracranial")).isNull();
  }

  @Test
  void regimenFollowsEgfrAndHistology() {
    assertThat(derive.regimen(example("eligible.json"))).map(Regimen::id).hasValue("egfr-tki");
    assertThat(derive.regimen(example("ineligible.json"))).map(Regimen::id).hasValue("taxane-cisplatin");
    assertThat(derive.regimen(Candidates.eligibleWith(n -> n.put("egfr", "wild-type")))).map(Regimen::id)
        .hasValue("pemetrexed-cisplatin");
  }

  @Test
  void unknownEgfrGivesNoRegimenYet() {
    assertThat(derive.regimen(example("incomplete.json"))).isEmpty();
    assertThat(derive.stratumLevels(example("incomplete.json")).get("therapy")).isNull();
  }
}
