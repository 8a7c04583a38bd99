package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.TestProtocols;
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
        Map.entry("first_line", "targeted"), Map.entry("brain_metastasis", "yes"), Map.entry("metastases", "2-5"),
        Map.entry("thoracic_stage", "I-II"));
  }

  @Test
  void squamousWildTypeStageThreeStrataAndUndecidableLesionCount() {
    // squamous, wild-type, liver and bone, 4 + 3 = 7 lesions (neither 1 nor 2-5), T3 N2
    Map<String, String> levels = derive.stratumLevels(example("ineligible.json"));
    assertThat(levels.get("histology")).isEqualTo("squamous");
    assertThat(levels.get("first_line")).isEqualTo("non-targeted");
    assertThat(levels.get("brain_metastasis")).isEqualTo("no");
    assertThat(levels.get("metastases")).isNull();
    assertThat(levels.get("thoracic_stage")).isEqualTo("III");
  }

  @Test
  void singleLesionAndT4N0() {
    ScreeningRecord r = Candidates.eligibleWith(n -> {
      n.putArray("metastases").addObject().put("site", "adrenal").put("lesions", 1);
      n.put("intracranialMetastasis", false);
      n.putObject("staging").put("t", "T4").put("n", "N0").put("m", "M1b");
    });
    assertThat(derive.stratumLevels(r)).containsEntry("metastases", "1").containsEntry("thoracic_stage", "III")
        .containsEntry("brain_metastasis", "no");
  }

  @Test
  void intracranialStratumIsTheExplicitAnswer() {
    ScreeningRecord brain = Candidates.eligibleWith(n -> {
      n.putArray("metastases").addObject().put("site", "brain").put("text", "cerebellum").put("lesions", 1);
      n.put("intracranialMetastasis", true);
    });
    assertThat(derive.stratumLevels(brain)).containsEntry("brain_metastasis", "yes");
    // an unanswered question leaves the stratum undecided (randomization waits for it), whatever the sites say
    ScreeningRecord unanswered = Candidates.eligibleWith(n -> n.remove("intracranialMetastasis"));
    assertThat(unanswered.items("metastases")).extracting(m -> m.text("site")).contains("brain");
    assertThat(derive.stratumLevels(unanswered).get("brain_metastasis")).isNull();
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
    assertThat(derive.stratumLevels(example("incomplete.json")).get("first_line")).isNull();
  }

  @Test
  void stratifyNamesTheFactorAndTheMissingField() {
    ProtocolDerivations.Stratification s = derive.stratify(Candidates.eligibleWith(n -> n.remove("egfr")));
    assertThat(s.complete()).isFalse();
    assertThat(s.problems()).filteredOn(p -> p.factor().equals("first_line")).singleElement().satisfies(p -> {
      assertThat(p.fields()).containsExactly("egfr");
      assertThat(p.message()).isEqualTo("factor first_line: the level cannot be told until egfr is recorded");
    });
    assertThat(s.levels()).doesNotContainKey("first_line");
    // the gene test recorded as 'unknown' matches neither level, and the message shows the value; the example
    // also leaves the intracranial question unanswered
    assertThat(derive.stratify(example("incomplete.json")).problems())
        .extracting(ProtocolDerivations.FactorProblem::message).containsExactly("factor first_line: the record"
            + " matches none of the levels (targeted: egfr = unknown (fails one of mutant); non-targeted: egfr ="
            + " unknown (fails one of wild-type))",
            "factor brain_metastasis: the level cannot be told until intracranialMetastasis is recorded");
  }

  @Test
  void stratifyRefusesARecordMatchingNoLevel() {
    // 4 + 3 = 7 lesions: neither 1 nor 2-5
    ProtocolDerivations.Stratification s = derive.stratify(example("ineligible.json"));
    assertThat(s.problems()).singleElement().satisfies(p -> {
      assertThat(p.factor()).isEqualTo("metastases");
      assertThat(p.message()).startsWith("factor metastases: the record matches none of the levels (1: ");
    });
    assertThat(s.levels()).containsEntry("thoracic_stage", "III").containsEntry("first_line", "non-targeted");
  }

  @Test
  void stratifyRefusesTwoHoldingLevelsNamingBoth() {
    // overlap that protocol check cannot decide (a 'not'): both hold for a consented participant without another
    // malignancy, so randomization must refuse and name both
    Protocol p = ProtocolLoader.parse("""
        id: T
        title: t
        targetSampleSize: 10
        arms: [{id: A, name: a, type: experimental}, {id: B, name: b, type: experimental}]
        criteria: [{id: C, kind: inclusion, title: t, wording: w, rule: {isTrue: consentSigned}}]
        stratification:
          - id: group
            name: g
            levels:
              - {code: x, when: {isTrue: consentSigned}}
              - {code: y, when: {not: {isTrue: otherMalignancy}}}
        """ + org.oligotrial.protocol.NctRecord.YAML, "t.yaml");
    ProtocolDerivations.Stratification s = new ProtocolDerivations(p).stratify(Candidates.eligibleWith(n -> {
      n.put("consentSigned", true);
      n.put("otherMalignancy", false);
    }));
    assertThat(s.problems()).singleElement().extracting(ProtocolDerivations.FactorProblem::message)
        .isEqualTo("factor group: levels x and y both hold for this record; the protocol's level rules overlap (a"
            + " protocol error)");
  }

  @Test
  void sabrCometsSingleFactorFromTheLesionCount() {
    Protocol protocol = TestProtocols.sabrCometLike();
    ProtocolDerivations sabr = new ProtocolDerivations(protocol);
    // a record of that protocol's declaration: 3 bone + 1 liver lesions
    ScreeningRecord four = new ScreeningRecordParser(protocol).parse(
        "{\"metastases\":[{\"organ\":\"bone\",\"lesions\":3},{\"organ\":\"liver\",\"lesions\":1}]}");
    assertThat(sabr.stratify(four).levels()).containsExactly(Map.entry("metastases", "4-5"));
    assertThat(sabr.hasRegimens()).isFalse();
    assertThat(sabr.regimen(four)).isEmpty();
  }
}
