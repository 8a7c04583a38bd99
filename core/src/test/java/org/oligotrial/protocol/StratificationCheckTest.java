package org.oligotrial.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code protocol check} on the stratification section: factor ids are dataset column names, arm ids are unique,
 * former ids do not collide, and two levels that can both hold are found where the rules decide it. The small
 * protocols declare the screening record of protocols/nct03119519.yaml ({@link NctRecord}).
 */
class StratificationCheckTest {
  private static final String HEAD = """
      id: T
      title: test
      targetSampleSize: 10
      arms: [{id: A, name: a, type: experimental}, {id: B, name: b, type: active-comparator}]
      criteria:
        - {id: C1, kind: inclusion, title: t, wording: w, rule: {isTrue: consentSigned}}
      stratification:
      """;

  private static List<String> errors(String stratification) {
    ProtocolCheck c = ProtocolLoader.check(new StringReader(HEAD + stratification + NctRecord.YAML), "t.yaml");
    return c.errors().stream().map(ProtocolException.Problem::message).toList();
  }

  private static String factor(String id, String level1, String level2) {
    return "  - id: " + id + "\n    name: n\n    levels:\n      - {code: a, when: " + level1 + "}\n"
        + "      - {code: b, when: " + level2 + "}\n";
  }

  @Test
  void factorIdsMustBeColumnNames() {
    String lesions1 = "{sum: {list: metastases, field: lesions, min: 1, max: 1}}";
    String lesions2 = "{sum: {list: metastases, field: lesions, min: 2, max: 5}}";
    assertThat(errors(factor("thoracic-stage", lesions1, lesions2))).singleElement().asString()
        .startsWith("factor id 'thoracic-stage' must match [a-z][a-z0-9_]*");
    assertThat(errors(factor("Stage", lesions1, lesions2))).hasSize(1);
    assertThat(errors(factor("stage_2", lesions1, lesions2))).isEmpty();
  }

  @Test
  void armIdsMustBeUnique() {
    ProtocolCheck c = ProtocolLoader.check(new StringReader(HEAD.replace("{id: B,", "{id: A,") + NctRecord.YAML),
        "t.yaml");
    assertThat(c.errors()).extracting(ProtocolException.Problem::message).containsExactly("duplicate id 'A'");
  }

  @Test
  void overlappingLevelsAreAProtocolError() {
    // 1-3 and 3-5 lesions share 3 (SABR-COMET's levels are 1-3 and 4-5)
    assertThat(errors(factor("metastases", "{sum: {list: metastases, field: lesions, min: 1, max: 3}}",
        "{sum: {list: metastases, field: lesions, min: 3, max: 5}}"))).containsExactly(
            "levels 'a' and 'b' can both hold (e.g. metastases.lesions=3): each record must match at most one level");
    // value lists sharing a code
    assertThat(errors(factor("histology", "{oneOf: {field: diagnosis.histology, values: [squamous, nsclc-nos]}}",
        "{oneOf: {field: diagnosis.histology, values: [adenocarcinoma, nsclc-nos]}}"))).singleElement().asString()
            .contains("e.g. diagnosis.histology=nsclc-nos");
  }

  @Test
  void disjointLevelsOnSeveralFieldsPass() {
    // the thoracic stage of protocols/nct03119519.yaml: disjoint in T or in N for every pair of alternatives
    Protocol p = ProtocolLoader.bundled();
    assertThat(p.stratification()).hasSize(5);
    // and a pair that shares T but not N
    assertThat(errors(factor("stage",
        "{all: [{oneOf: {field: staging.t, values: [T3]}}, {oneOf: {field: staging.n, values: [N0]}}]}",
        "{all: [{oneOf: {field: staging.t, values: [T3]}}, {oneOf: {field: staging.n, values: [N1]}}]}"))).isEmpty();
    // but T3 N0 versus (any N0) overlaps
    assertThat(errors(factor("stage",
        "{all: [{oneOf: {field: staging.t, values: [T3]}}, {oneOf: {field: staging.n, values: [N0]}}]}",
        "{any: [{oneOf: {field: staging.n, values: [N0]}}, {isTrue: consentSigned}]}"))).singleElement().asString()
            .contains("e.g. staging.n=N0, staging.t=T3");
  }

  @Test
  void undecidableOverlapsAreLeftToRandomization() {
    // a 'not' is outside the decidable form: no error here; randomization names both levels if both hold
    assertThat(errors(factor("flag", "{not: {isTrue: consentSigned}}", "{isTrue: otherMalignancy}"))).isEmpty();
  }

  @Test
  void formerIdsMustNotCollide() {
    String l1 = "{isTrue: consentSigned}";
    String l2 = "{isFalse: consentSigned}";
    String two = factor("first", l1, l2).replace("    name: n\n", "    name: n\n    formerIds: [second]\n")
        + factor("second", l1, l2);
    assertThat(errors(two)).containsExactly("former id 'second' of factor 'first' is the id or a former id of another"
        + " factor");
    Protocol p = ProtocolLoader.parse(HEAD + factor("first_line", l1, l2)
        .replace("    name: n\n", "    name: n\n    formerIds: [therapy]\n") + NctRecord.YAML, "t.yaml");
    assertThat(p.stratification().get(0).formerIds()).containsExactly("therapy");
  }
}
