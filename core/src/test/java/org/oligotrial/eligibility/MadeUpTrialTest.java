package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolCheck;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * A made-up third trial (test resource made-up-trial.yaml) whose screening record has none of the real trials' field
 * names: the record parser, the engine, the INCOMPLETE listing and the record checks work from its declaration alone.
 * Expected verdicts are worked from the file's criteria in the comments.
 */
class MadeUpTrialTest {
  private static final Protocol MADE_UP = load();
  private static final ScreeningRecordParser PARSER = new ScreeningRecordParser(MADE_UP);
  private static final EligibilityEngine ENGINE = new EligibilityEngine(MADE_UP);

  private static Protocol load() {
    try (var r = new InputStreamReader(MadeUpTrialTest.class.getResourceAsStream(
        "/org/oligotrial/protocol/made-up-trial.yaml"), StandardCharsets.UTF_8)) {
      ProtocolCheck c = ProtocolLoader.check(r, "made-up-trial.yaml");
      assertThat(c.errors()).isEmpty();
      return c.protocol();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Age 65 (born 1960-05-02, seen 2026-05-01: the birthday is a day away), Karnofsky 80, grade G2, two lesions of
   * 62.5 + 40 = 102.5 mm (each <= 80), HGB 12.9 g/dL >= 6.2 mmol/L x 1.6114 = 9.99 g/dL, PLT 210 x 10^9/L >= 100000/uL
   * = 100 x 10^9/L, creatinine 80 umol/L <= 1.5 mg/dL x 88.42 = 132.6 umol/L, no retroperitoneal lesion, no warfarin.
   */
  private static final String ELIGIBLE = """
      {"subjectCode": "MU-1", "visit": {"date": "2026-05-01"}, "dob": "1960-05-02", "karnofsky": 80,
       "weightKg": 71.5, "tumour": {"detail": {"grade": "G2"}}, "hasLesions": true,
       "lesions": [{"location": "limb", "diameterMm": 62.5}, {"location": "trunk", "diameterMm": 40}],
       "medications": ["Metformin"],
       "labs": {"HGB": {"value": 12.9, "unit": "g/dL"}, "PLT": {"value": 210, "unit": "10^9/L"},
                "CREAT": {"value": 80, "unit": "umol/L"}}}
      """;

  private static EligibilityResult screen(String json) {
    return ENGINE.evaluate(PARSER.parse(json));
  }

  @Test
  void theEligibleSubjectPassesEveryCriterionAndIsInTheTrunkStratum() {
    ScreeningRecord r = PARSER.parse(ELIGIBLE);
    assertThat(r.id()).isEqualTo("MU-1");
    assertThat(r.text("tumour.detail.grade")).isEqualTo("G2");
    assertThat(r.texts("medications")).containsExactly("metformin");
    assertThat(r.items("lesions")).extracting(i -> i.number("diameterMm").toPlainString()).containsExactly("62.5",
        "40");
    EligibilityResult e = ENGINE.evaluate(r);
    assertThat(e.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(e.protocolId()).isEqualTo("TEST-MADEUP");
    assertThat(new ProtocolDerivations(MADE_UP).stratumLevels(r)).containsEntry("site", "trunk");
  }

  @Test
  void haemoglobinIsComparedInMillimolesPerLitreExactlyAtTheThreshold() {
    // 6.2 mmol/L is the threshold itself: ">=" passes it; 6.1 mmol/L fails
    assertThat(screen(ELIGIBLE.replace("\"value\": 12.9, \"unit\": \"g/dL\"", "\"value\": 6.2, \"unit\": \"mmol/L\""))
        .verdict()).isEqualTo(Verdict.ELIGIBLE);
    EligibilityResult low = screen(ELIGIBLE.replace("\"value\": 12.9, \"unit\": \"g/dL\"",
        "\"value\": 6.1, \"unit\": \"mmol/L\""));
    assertThat(low.failed()).containsExactly("BLOOD");
  }

  @Test
  void oneLesionOver80MmOrARetroperitonealLesionMakesTheSubjectIneligible() {
    // 85 mm > 80 (every), although the sum 125 mm is within 150
    assertThat(screen(ELIGIBLE.replace("62.5", "85")).failed()).containsExactly("BURDEN");
    assertThat(screen(ELIGIBLE.replace("\"trunk\"", "\"retroperitoneum\"")).failed()).containsExactly("RETRO");
    assertThat(screen(ELIGIBLE.replace("Metformin", "Warfarin")).failed()).containsExactly("WARFARIN");
  }

  @Test
  void incompleteListsTheMadeUpTrialsOwnPaths() {
    // no dob: AGE unknown. The second lesion's diameter unknown: the known 62.5 mm is within both limits, but the
    // unknown one may exceed 80 mm or push the sum over 150 mm, so BURDEN is unknown too
    EligibilityResult r = screen(ELIGIBLE.replace("\"dob\": \"1960-05-02\", ", "")
        .replace("\"diameterMm\": 40", "\"diameterMm\": null"));
    assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(r.unknown()).containsExactly("AGE", "BURDEN");
    assertThat(r.missing()).containsExactly("dob", "lesions[1].diameterMm");
  }

  @Test
  void theRecordCheckNamesItsFieldAndLine() {
    ScreeningRecordException e = catchThrowableOfType(ScreeningRecordException.class, () -> PARSER.parse(
        ELIGIBLE.replace("\"hasLesions\": true", "\"hasLesions\": false")));
    assertThat(e.field()).isEqualTo("hasLesions");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("the lesions answer must agree with the lesion list")
        .contains("[record check LESIONS]");
  }

  @Test
  void theRealTrialsFieldsAreUnknownHere() {
    assertThat(reject("{\"ecog\": 1}").field()).isEqualTo("ecog");
    assertThat(reject("{\"birthDate\": \"1960-01-01\"}").getMessage()).contains("unknown field");
    assertThat(reject("{\"labs\": {\"WBC\": {\"value\": 5, \"unit\": \"10^9/L\"}}}").getMessage())
        .contains("field labs.WBC: unknown analyte 'WBC' (this protocol records: HGB, CREAT, PLT)");
    assertThat(reject("{\"tumour\": {\"detail\": {\"grade\": \"G4\"}}}").getMessage())
        .contains("field tumour.detail.grade: unknown code 'G4' (expected one of: G1, G2, G3)");
    assertThat(reject("{\"tumour\": {\"size\": 3}}").getMessage())
        .contains("field tumour.size: unknown field (expected detail)");
    assertThat(reject("{\"lesions\": [{\"location\": \"limb\", \"diameterMm\": -1}]}").field())
        .isEqualTo("lesions[0].diameterMm");
    assertThat(reject("{\"karnofsky\": 110}").getMessage()).contains("impossible value 110 (expected 0-100)");
  }

  @Test
  void aRecordOfAnotherDeclarationIsRefusedByTheEngine() {
    ScreeningRecord nct = new ScreeningRecordParser().parse("{\"id\": \"X\"}");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ENGINE.evaluate(nct)).getMessage())
        .contains("another declaration");
  }

  private static ScreeningRecordException reject(String json) {
    return catchThrowableOfType(ScreeningRecordException.class, () -> PARSER.parse(json));
  }
}
