package org.oligotrial.server.randomization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.protocol.Regimen;

/**
 * Reading the factor levels and regimen from a stored screening record by the rules of protocols/nct03119519.yaml,
 * and every blocker with its field.
 */
class RandomizationScreeningFactsTest {
  private final ScreeningFacts facts = new ScreeningFacts(ProtocolLoader.bundled());

  static String rec(String body) {
    return "{" + body + "}";
  }

  static final String STAGING = "\"staging\":{\"t\":\"T2a\",\"n\":\"N1\"}";

  @Test
  void lesionsAreSummedOverSitesAndTheLevelsFollowTheProtocol() {
    ScreeningFacts.Reading r = facts.read(rec("\"diagnosis\":{\"histology\":\"large-cell\"},\"egfr\":"
        + "\"wild-type\"," + STAGING + ",\"metastases\":[{\"site\":\"brain\",\"lesions\":1},{\"site\":\"bone\","
        + "\"lesions\":3}],\"intracranialMetastasis\":true"));
    assertThat(r.blockers()).isEmpty();
    // 1 + 3 = 4 lesions: 2-5; T2a N1: stage IIB, I-II; large-cell: non-squamous; wild-type: platinum doublet
    assertThat(r.levels().levels()).containsExactly(Map.entry("histology", "non-squamous"),
        Map.entry("first_line", "non-targeted"), Map.entry("brain_metastasis", "yes"), Map.entry("metastases", "2-5"),
        Map.entry("thoracic_stage", "I-II"));
    assertThat(r.regimen()).map(Regimen::id).hasValue("pemetrexed-cisplatin");
  }

  @Test
  void theIntracranialLevelIsTheScreeningAnswer() {
    ScreeningFacts.Reading no = facts.read(rec("\"diagnosis\":{\"histology\":\"squamous\"},\"egfr\":"
        + "\"wild-type\"," + STAGING + ",\"metastases\":[{\"site\":\"liver\",\"lesions\":1}],"
        + "\"intracranialMetastasis\":false"));
    assertThat(no.levels().levels()).containsEntry("brain_metastasis", "no");
    // a record without the answer waits for it (the protocol's rule reads intracranialMetastasis only)
    ScreeningFacts.Reading unanswered = facts.read(rec("\"diagnosis\":{\"histology\":\"squamous\"},\"egfr\":"
        + "\"wild-type\"," + STAGING + ",\"metastases\":[{\"site\":\"leptomeninges\",\"lesions\":1}]"));
    assertThat(unanswered.levels()).isNull();
    assertThat(unanswered.blockers()).extracting(ScreeningFacts.Blocker::field)
        .containsExactly("screeningRecord.intracranialMetastasis");
  }

  @Test
  void aMissingEgfrResultBlocksNamingTheField() {
    ScreeningFacts.Reading r = facts.read(rec("\"diagnosis\":{\"histology\":\"squamous\"}," + STAGING
        + ",\"metastases\":[{\"site\":\"liver\",\"lesions\":1}],\"intracranialMetastasis\":false"));
    assertThat(r.levels()).isNull();
    // the first_line factor and the regimen both need it; one reason per field
    assertThat(r.blockers()).singleElement().satisfies(b -> {
      assertThat(b.field()).isEqualTo("screeningRecord.egfr");
      assertThat(b.message()).isEqualTo("factor first_line: the level cannot be told until egfr is recorded");
    });
  }

  @Test
  void everyFactorThatCannotBeToldIsReportedWithItsField() {
    ScreeningFacts.Reading r = facts.read(rec("\"egfr\":\"mutant\",\"metastases\":[{\"site\":\"bone\",\"lesions\":7}]"
        + ",\"intracranialMetastasis\":false"));
    assertThat(r.blockers()).extracting(ScreeningFacts.Blocker::field).containsExactly(
        "screeningRecord.diagnosis.histology", "screeningRecord.metastases.lesions", "screeningRecord.staging.t");
  }

  @Test
  void aRecordThatCannotBeReadBlocksWithoutThrowing() {
    assertThat(facts.read("not json").blockers()).extracting(ScreeningFacts.Blocker::field)
        .containsExactly("screeningRecord");
    assertThat(facts.read("[]").blockers()).isNotEmpty();
    assertThat(facts.read("{\"egfr\":\"maybe\"}").blockers()).extracting(ScreeningFacts.Blocker::field)
        .containsExactly("screeningRecord.egfr");
    // a field of another evaluator is skipped, the rest is read
    assertThat(facts.read("{\"testVerdict\":\"ELIGIBLE\"}").blockers()).isNotEmpty()
        .noneMatch(b -> b.field().equals("screeningRecord.testVerdict"));
  }

  @Test
  void aProtocolWithoutRegimenRulesDerivesNone() {
    ScreeningFacts sabr = new ScreeningFacts(org.oligotrial.protocol.ProtocolLoader.parse("""
        id: T
        title: SABR-COMET-like
        targetSampleSize: 99
        arms: [{id: SOC, name: soc, type: active-comparator}, {id: SOC+SABR, name: sabr, type: experimental}]
        record:
          fields:
            - {path: id, type: text, role: id, label: screening id}
            - {path: consentSigned, type: flag, label: consent}
            - path: metastases
              type: list
              label: metastases
              items:
                - {name: organ, type: code, values: [lung, liver, bone, other], label: organ}
                - {name: lesions, type: integer, min: 1, max: 100, label: lesions}
          labs: []
        criteria: [{id: C, kind: inclusion, title: t, wording: w, rule: {isTrue: consentSigned}}]
        stratification:
          - id: metastases
            name: number of metastases
            levels:
              - {code: 1-3, when: {sum: {list: metastases, field: lesions, min: 1, max: 3}}}
              - {code: 4-5, when: {sum: {list: metastases, field: lesions, min: 4, max: 5}}}
        randomization: {method: permuted-blocks, ratio: [1, 2], blockSizes: [3, 6]}
        """, "t.yaml"));
    ScreeningFacts.Reading r = sabr.read("{\"metastases\":[{\"organ\":\"lung\",\"lesions\":2}]}");
    assertThat(r.blockers()).isEmpty();
    assertThat(r.levels().levels()).containsExactly(Map.entry("metastases", "1-3"));
    assertThat(r.regimen()).isEmpty();
  }
}
