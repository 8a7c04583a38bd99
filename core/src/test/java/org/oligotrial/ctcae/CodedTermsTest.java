package org.oligotrial.ctcae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Coding an entered term and checking its grade; codes and grades quoted from CTCAE v5.0 (NCI, 2017). */
class CodedTermsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(String s) {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void aTermNameIsStoredWithItsCodeAndClass() {
    assertThat(CodedTerms.code(json("'pneumonitis'")).toString()).isEqualTo(
        "{\"term\":\"Pneumonitis\",\"meddraCode\":\"10035742\",\"soc\":\"Respiratory, thoracic and mediastinal"
            + " disorders\"}");
    assertThat(CodedTerms.code(json("{'meddraCode':'10028813'}")).path("term").stringValue()).isEqualTo("Nausea");
  }

  @Test
  void otherSpecifyNeedsTextAndOnlyThere() {
    JsonNode ok = CodedTerms.code(
        json("{'term':'Gastrointestinal disorders - Other, specify','otherSpecify':' bezoar '}"));
    assertThat(ok.path("otherSpecify").stringValue()).isEqualTo("bezoar");
    assertThat(ok.path("meddraCode").stringValue()).isEqualTo("10017947");
    assertThat(CodedTerms.read(ok).label()).isEqualTo("Gastrointestinal disorders - Other, specify: bezoar");
    assertThatThrownBy(() -> CodedTerms.code(json("{'term':'Gastrointestinal disorders - Other, specify'}")))
        .isInstanceOfSatisfying(CodingException.class, e -> assertThat(e.part()).isEqualTo("otherSpecify"))
        .hasMessageContaining("is required");
    assertThatThrownBy(() -> CodedTerms.code(json("{'term':'Nausea','otherSpecify':'queasy'}")))
        .isInstanceOfSatisfying(CodingException.class, e -> assertThat(e.part()).isEqualTo("otherSpecify"));
  }

  @Test
  void unknownOrContradictoryValuesAreRefusedWithTheNearestTerms() {
    assertThatThrownBy(() -> CodedTerms.code(json("'low platelets'")))
        .hasMessage("is not a CTCAE v5.0 term: 'low platelets'; nearest: Platelet count decreased");
    assertThatThrownBy(() -> CodedTerms.code(json("{'term':'Nausea','meddraCode':'10047700'}")))
        .hasMessage("MedDRA code 10047700 is Vomiting, not Nausea");
    assertThatThrownBy(() -> CodedTerms.code(json("{'term':'Nausea','soc':'Investigations'}")))
        .hasMessage("Nausea belongs to Gastrointestinal disorders, not 'Investigations'");
    assertThatThrownBy(() -> CodedTerms.code(json("{'meddraCode':'1'}")))
        .isInstanceOfSatisfying(CodingException.class, e -> assertThat(e.part()).isEqualTo("meddraCode"));
    assertThatThrownBy(() -> CodedTerms.code(json("{'grade':3}"))).hasMessageContaining("unknown part 'grade'");
    assertThatThrownBy(() -> CodedTerms.code(json("17"))).hasMessageContaining("must be a CTCAE v5.0 term");
  }

  @Test
  void olderFreeTextReadsAsUncodedUnlessItIsExactlyATerm() {
    CodedTerm old = CodedTerms.read(json("'radiation pneumonitis, mild'"));
    assertThat(old.coded()).isFalse();
    assertThat(old.socOrUncoded()).isEqualTo(CodedTerm.UNCODED_SOC);
    assertThat(old.label()).isEqualTo("radiation pneumonitis, mild");
    CodedTerm exact = CodedTerms.read(json("'Pneumonitis'"));
    assertThat(exact.meddraCode()).isEqualTo("10035742");
    assertThat(CodedTerms.read(null)).isNull();
  }

  @Test
  void aGradeMustExistForTheTerm() {
    CodedTerm nausea = CodedTerms.read(CodedTerms.code(json("'Nausea'")));
    CodedTerms.checkGrade(nausea, 3);
    // CTCAE v5.0 Nausea grade 4 and 5: "-"
    assertThatThrownBy(() -> CodedTerms.checkGrade(nausea, 5))
        .hasMessage("grade 5 does not exist for Nausea in CTCAE v5.0; allowed grades: 1, 2, 3");
    // Alopecia: grades 1 and 2 only
    CodedTerm alopecia = CodedTerms.read(CodedTerms.code(json("'Alopecia'")));
    assertThatThrownBy(() -> CodedTerms.checkGrade(alopecia, 3)).hasMessageContaining("allowed grades: 1, 2");
    // an uncoded entry takes 1 to 5
    CodedTerms.checkGrade(CodedTerm.uncoded("something"), 5);
    assertThatThrownBy(() -> CodedTerms.checkGrade(CodedTerm.uncoded("something"), 6))
        .hasMessage("must be a CTCAE grade 1 to 5, was 6");
  }
}
