package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Bad input never crashes: each problem is one {@link ScreeningRecordException} naming line and field. */
class ScreeningRecordParserTest {
  private final ScreeningRecordParser parser = new ScreeningRecordParser();

  private ScreeningRecordException reject(String json) {
    return catchThrowableOfType(ScreeningRecordException.class, () -> parser.parse(json));
  }

  @Test
  void readsEveryFieldOfTheEligibleExample() {
    ScreeningRecord r = parser.parse(Candidates.read("eligible.json"));
    assertThat(r.id()).isEqualTo("SCR-0001");
    assertThat(r.items("metastases")).hasSize(2);
    assertThat(r.labs()).hasSize(8);
    assertThat(r.labs().get("HGB").value()).isEqualByComparingTo("118");
    assertThat(r.labs().get("TBIL").uln()).isEqualByComparingTo(new BigDecimal("21"));
    assertThat(r.texts("allergies")).isEmpty();
    assertThat(r.flag("consentSigned")).isTrue();
  }

  @Test
  void absentAndNullFieldsAreUnknown() {
    ScreeningRecord r = parser.parse("{\"id\": \"A\", \"ecog\": null}");
    assertThat(r.integer("ecog")).isNull();
    assertThat(r.labs()).isNull();
    assertThat(r.items("metastases")).isNull();
  }

  @Test
  void malformedJsonNamesTheLine() {
    ScreeningRecordException e = reject("{\n  \"id\": \"A\",\n  \"ecog\": 1,,\n}");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).startsWith("line 3: malformed JSON");
  }

  @Test
  void wrongTypeNamesTheField() {
    ScreeningRecordException e = reject("{\n\"ecog\": \"two\"\n}");
    assertThat(e.field()).isEqualTo("ecog");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).isEqualTo("line 2, field ecog: expected a number, found text");
  }

  @Test
  void impossibleEcogIsRejected() {
    assertThat(reject("{\"ecog\": 7}").getMessage()).contains("field ecog: impossible value 7 (expected 0-5)");
    assertThat(reject("{\"ecog\": 1.5}").getMessage()).contains("expected a whole number");
  }

  @Test
  void unknownFieldIsRejected() {
    assertThat(reject("{\"birthdate\": \"1960-01-01\"}").field()).isEqualTo("birthdate");
    assertThat(reject("{\"labs\": {\"HGB\": {\"value\": 9, \"units\": \"g/dL\"}}}").field())
        .isEqualTo("labs.HGB.units");
  }

  @Test
  void unknownCodeListsTheAllowedOnes() {
    assertThat(reject("{\"sex\": \"F\"}").getMessage()).contains("field sex: unknown code 'F' (expected one of: "
        + "female, male)");
    assertThat(reject("{\"staging\": {\"m\": \"M2\"}}").field()).isEqualTo("staging.m");
    assertThat(reject("{\"priorTreatments\": [{\"type\": \"surgery\"}, {\"type\": \"laser\"}]}").field())
        .isEqualTo("priorTreatments[1].type");
  }

  @Test
  void unknownAnalyteOrUnitIsRejected() {
    assertThat(reject("{\"labs\": {\"LDH\": {\"value\": 200, \"unit\": \"U/L\"}}}").getMessage())
        .contains("field labs.LDH: unknown analyte 'LDH'");
    assertThat(reject("{\"labs\": {\"HGB\": {\"value\": 9, \"unit\": \"mg/L\"}}}").getMessage())
        .contains("field labs.HGB.unit: unknown unit 'mg/L' for HGB");
    assertThat(reject("{\"labs\": {\"HGB\": {\"value\": 9}}}").field()).isEqualTo("labs.HGB.unit");
  }

  @Test
  void negativeCountsAreImpossible() {
    assertThat(reject("{\"labs\": {\"PLT\": {\"value\": -5, \"unit\": \"10^9/L\"}}}").getMessage())
        .contains("field labs.PLT.value: impossible negative value -5");
    assertThat(reject("{\"metastases\": [{\"site\": \"bone\", \"lesions\": 0}]}").field())
        .isEqualTo("metastases[0].lesions");
    assertThat(reject("{\"lifeExpectancyMonths\": -1}").field()).isEqualTo("lifeExpectancyMonths");
    assertThat(reject("{\"labs\": {\"AST\": {\"value\": 30, \"unit\": \"U/L\", \"uln\": 0}}}").field())
        .isEqualTo("labs.AST.uln");
  }

  @Test
  void metastasisSitesAreCoded() {
    // "cerebellum" typed as a site no longer passes as a site that is not the brain
    ScreeningRecordException e = reject("{\"metastases\": [{\"site\": \"Cerebellum\", \"lesions\": 1}]}");
    assertThat(e.field()).isEqualTo("metastases[0].site");
    assertThat(e.getMessage()).contains("unknown code 'cerebellum'").contains("use other with text");
    assertThat(reject("{\"metastases\": [{\"site\": \"other\", \"lesions\": 1}]}").field())
        .isEqualTo("metastases[0].text");
    ScreeningRecord r = parser.parse("{\"metastases\": [{\"site\": \"Skin soft tissue\", \"lesions\": 1},"
        + " {\"site\": \"other\", \"text\": \" spleen \", \"lesions\": 1}]}");
    assertThat(r.items("metastases")).extracting(m -> m.text("site"), m -> m.text("text"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("skin-soft-tissue", null),
            org.assertj.core.groups.Tuple.tuple("other", "spleen"));
  }

  @Test
  void intracranialAnswerMustAgreeWithTheSites() {
    ScreeningRecordException no = reject("{\"metastases\": [{\"site\": \"bone\", \"lesions\": 1},"
        + " {\"site\": \"brain\", \"lesions\": 1}],\n\"intracranialMetastasis\": false}");
    assertThat(no.field()).isEqualTo("intracranialMetastasis");
    assertThat(no.line()).isEqualTo(2);
    // the record check RC1 of protocols/nct03119519.yaml: its message and the decisive values
    assertThat(no.getMessage()).contains("must agree with the coded metastasis sites")
        .contains("intracranialMetastasis = false").contains("metastases.site = [bone, brain]")
        .contains("[record check RC1]");
    ScreeningRecordException yes = reject("{\"intracranialMetastasis\": true, \"metastases\": [{\"site\": "
        + "\"other\", \"text\": \"cerebellum\", \"lesions\": 1}]}");
    assertThat(yes.getMessage()).contains("intracranialMetastasis = true")
        .contains("metastases.site = [other] (none of brain, leptomeninges)");
    assertThat(parser.parse("{\"intracranialMetastasis\": true, \"metastases\": [{\"site\": \"leptomeninges\", "
        + "\"lesions\": 1}]}").flag("intracranialMetastasis")).isTrue();
    // either side unknown: nothing to compare
    assertThat(parser.parse("{\"intracranialMetastasis\": false}").flag("intracranialMetastasis")).isFalse();
  }

  @Test
  void birthAfterScreeningIsImpossible() {
    ScreeningRecordException e =
        reject("{\n\"screeningDate\": \"2025-01-01\",\n\"birthDate\": \"2025-06-01\"\n}");
    assertThat(e.field()).isEqualTo("birthDate");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("birth date 2025-06-01 is after the screening date 2025-01-01");
  }

  @Test
  void invalidDatesAreRejected() {
    assertThat(reject("{\"birthDate\": \"1960-02-30\"}").field()).isEqualTo("birthDate");
    assertThat(reject("{\"birthDate\": \"01/02/1960\"}").getMessage()).contains("expected a date as yyyy-mm-dd");
  }

  @Test
  void duplicateFieldsAreRejected() {
    assertThat(reject("{\"ecog\": 1, \"ecog\": 2}").getMessage()).contains("field ecog: duplicate field");
  }

  @Test
  void aRecordMustBeAnObject() {
    assertThat(reject("[1, 2]").getMessage()).contains("expected a JSON object, found a list");
    assertThat(reject("").getMessage()).contains("expected a JSON object, found end of input");
    assertThat(reject("{} {}").getMessage()).contains("unexpected content after the record");
  }

  @Test
  void bytesAndTextGiveTheSameRecord() {
    String json = Candidates.read("ineligible.json");
    byte[] b = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(parser.parse(b, 0, b.length)).isEqualTo(parser.parse(json));
  }
}
