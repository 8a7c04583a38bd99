package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.eligibility.Candidates.criterion;
import static org.oligotrial.eligibility.Candidates.lab;
import static org.oligotrial.eligibility.CriterionStatus.FAIL;
import static org.oligotrial.eligibility.CriterionStatus.PASS;
import static org.oligotrial.eligibility.CriterionStatus.UNKNOWN;

import org.junit.jupiter.api.Test;

/**
 * Inclusion criteria I1-I9 of NCT03119519, each on both sides of its threshold. Thresholds from the registry record
 * and protocol-notes.md (inclusive as written; HGB read as 9 g/dL).
 */
class InclusionCriteriaTest {

  @Test
  void acceptsCandidateAged18OnTheirBirthday() {
    CriterionResult c = criterion(r -> r.put("birthDate", "2007-03-10"), "I1"); // screened 2025-03-10
    assertThat(c.status()).isEqualTo(PASS);
    assertThat(c.reason()).contains("age 18 years");
  }

  @Test
  void rejectsCandidateOneDayShortOf18() {
    assertThat(criterion(r -> r.put("birthDate", "2007-03-11"), "I1").status()).isEqualTo(FAIL);
  }

  @Test
  void acceptsCandidateAged70TheDayBefore71() {
    assertThat(criterion(r -> r.put("birthDate", "1954-03-11"), "I1").status()).isEqualTo(PASS);
  }

  @Test
  void rejectsCandidateAged71() {
    CriterionResult c = criterion(r -> r.put("birthDate", "1954-03-10"), "I1");
    assertThat(c.status()).isEqualTo(FAIL);
    assertThat(c.reason()).contains("age 71 years").contains("fails 18-70");
  }

  @Test
  void leapDayBirthdayIsReachedOnFirstMarchInCommonYears() {
    // born 2004-02-29: on 2022-02-28 still 17, on 2022-03-01 18 (protocol note N8)
    assertThat(criterion(r -> r.put("birthDate", "2004-02-29").put("screeningDate", "2022-02-28"), "I1").status())
        .isEqualTo(FAIL);
    assertThat(criterion(r -> r.put("birthDate", "2004-02-29").put("screeningDate", "2022-03-01"), "I1").status())
        .isEqualTo(PASS);
    assertThat(criterion(r -> r.put("birthDate", "2004-02-29").put("screeningDate", "2024-02-29"), "I1").reason())
        .contains("age 20 years");
  }

  @Test
  void unknownBirthDateLeavesAgeUnknown() {
    CriterionResult c = criterion(r -> r.remove("birthDate"), "I1");
    assertThat(c.status()).isEqualTo(UNKNOWN);
    assertThat(c.missing()).containsExactly("birthDate");
  }

  @Test
  void acceptsSquamousConfirmedByCytology() {
    assertThat(criterion(r -> r.putObject("diagnosis").put("histology", "squamous").put("confirmation", "cytology"),
        "I2").status()).isEqualTo(PASS);
  }

  @Test
  void rejectsSmallCellAndClinicalOnlyDiagnosis() {
    assertThat(criterion(r -> r.putObject("diagnosis").put("histology", "small-cell").put("confirmation",
        "histology"), "I2").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.putObject("diagnosis").put("histology", "adenocarcinoma").put("confirmation",
        "clinical"), "I2").status()).isEqualTo(FAIL);
  }

  @Test
  void rejectsNonMetastaticStage() {
    assertThat(criterion(r -> r.putObject("staging").put("t", "T2a").put("n", "N1").put("m", "M0"), "I3").status())
        .isEqualTo(FAIL);
  }

  @Test
  void measurablePrimaryNeedsTenMillimetres() {
    assertThat(criterion(r -> r.putObject("primaryTumor").put("longestDiameterMm", 10), "I3").status())
        .isEqualTo(PASS);
    assertThat(criterion(r -> r.putObject("primaryTumor").put("longestDiameterMm", 9.9), "I3").status())
        .isEqualTo(FAIL);
  }

  @Test
  void fiveMetastaticLesionsPassSixFail() {
    assertThat(criterion(r -> r.putArray("metastases").addObject().put("site", "bone").put("lesions", 5), "I3")
        .status()).isEqualTo(PASS);
    CriterionResult six = criterion(r -> {
      var a = r.putArray("metastases");
      a.addObject().put("site", "bone").put("lesions", 5);
      a.addObject().put("site", "liver").put("lesions", 1);
    }, "I3");
    assertThat(six.status()).isEqualTo(FAIL);
    assertThat(six.reason()).contains("sum of metastases.lesions = 6");
  }

  @Test
  void noMetastasisIsNotStageIvOligometastatic() {
    assertThat(criterion(r -> r.putArray("metastases"), "I3").status()).isEqualTo(FAIL);
  }

  @Test
  void ecogTwoPassesThreeFails() {
    assertThat(criterion(r -> r.put("ecog", 2), "I4").status()).isEqualTo(PASS);
    assertThat(criterion(r -> r.put("ecog", 3), "I4").status()).isEqualTo(FAIL);
  }

  @Test
  void biopsyIsAllowedSurgeryIsNot() {
    assertThat(criterion(r -> r.putArray("priorTreatments").addObject().put("type", "biopsy"), "I5").status())
        .isEqualTo(PASS);
    assertThat(criterion(r -> r.putArray("priorTreatments"), "I5").status()).isEqualTo(PASS);
    assertThat(criterion(r -> r.putArray("priorTreatments").addObject().put("type", "surgery"), "I5").status())
        .isEqualTo(FAIL);
  }

  @Test
  void lifeExpectancyMustExceedThreeMonths() {
    assertThat(criterion(r -> r.put("lifeExpectancyMonths", 3), "I6").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.put("lifeExpectancyMonths", 3.5), "I6").status()).isEqualTo(PASS);
  }

  @Test
  void bloodCountsPassAtThresholdAndFailJustBelow() {
    // WBC >= 4.0, NEU >= 1.5, PLT >= 100 (x10^9/L, "G/L" in the record)
    assertThat(criterion(r -> lab(r, "WBC").put("value", 4.0), "I7").status()).isEqualTo(PASS);
    assertThat(criterion(r -> lab(r, "WBC").put("value", 3.99), "I7").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> lab(r, "NEU").put("value", 1.5), "I7").status()).isEqualTo(PASS);
    assertThat(criterion(r -> lab(r, "NEU").put("value", 1.49), "I7").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> lab(r, "PLT").put("value", 100), "I7").status()).isEqualTo(PASS);
    assertThat(criterion(r -> lab(r, "PLT").put("value", 99), "I7").status()).isEqualTo(FAIL);
  }

  @Test
  void haemoglobinNineGramsPerDecilitrePasses() {
    assertThat(criterion(r -> lab(r, "HGB").put("value", 9).put("unit", "g/dL"), "I7").status()).isEqualTo(PASS);
    assertThat(criterion(r -> lab(r, "HGB").put("value", 8.99).put("unit", "g/dL"), "I7").status()).isEqualTo(FAIL);
  }

  @Test
  void haemoglobinInGramsPerLitreIsConverted() {
    assertThat(criterion(r -> lab(r, "HGB").put("value", 90).put("unit", "g/L"), "I7").status()).isEqualTo(PASS);
    CriterionResult c = criterion(r -> lab(r, "HGB").put("value", 89).put("unit", "g/L"), "I7");
    assertThat(c.status()).isEqualTo(FAIL);
    assertThat(c.reason()).contains("HGB 89 g/L = 8.9 g/dL (x 0.1) (fails >= 9 g/dL)");
  }

  @Test
  void haemoglobinInMmolPerLitreIsConverted() {
    // 5.5853 x 1.6114 = 9.00015242 g/dL; 5.5852 x 1.6114 = 8.99999128 g/dL (exact decimal products)
    assertThat(criterion(r -> lab(r, "HGB").put("value", 5.5853).put("unit", "mmol/L"), "I7").status())
        .isEqualTo(PASS);
    CriterionResult c = criterion(r -> lab(r, "HGB").put("value", 5.5852).put("unit", "mmol/L"), "I7");
    assertThat(c.status()).isEqualTo(FAIL);
    assertThat(c.reason()).contains("5.5852 mmol/L = 8.99999128 g/dL (x 1.6114)");
  }

  @Test
  void liverValuesPassAtExactlyTwiceUln() {
    assertThat(criterion(r -> lab(r, "TBIL").put("value", 42).put("uln", 21), "I8").status()).isEqualTo(PASS);
    assertThat(criterion(r -> lab(r, "TBIL").put("value", 42.01).put("uln", 21), "I8").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> lab(r, "AST").put("value", 80).put("uln", 40), "I8").status()).isEqualTo(PASS);
    assertThat(criterion(r -> lab(r, "AST").put("value", 81).put("uln", 40), "I8").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> lab(r, "ALT").put("value", 80).put("uln", 40), "I8").status()).isEqualTo(PASS);
    assertThat(criterion(r -> lab(r, "ALT").put("value", 80.5).put("uln", 40), "I8").status()).isEqualTo(FAIL);
  }

  @Test
  void creatininePassesAtExactlyOneAndAHalfUln() {
    // 1.65 mg/dL = 1.5 x 1.1 mg/dL
    assertThat(criterion(r -> lab(r, "CREAT").put("value", 1.65).put("uln", 1.1), "I8").status()).isEqualTo(PASS);
    assertThat(criterion(r -> lab(r, "CREAT").put("value", 1.66).put("uln", 1.1), "I8").status()).isEqualTo(FAIL);
  }

  @Test
  void ulnMayBeGivenInAnotherUnit() {
    // creatinine 1.2 mg/dL = 106.104 umol/L; ULN 70 umol/L x 1.5 = 105 umol/L -> fails
    CriterionResult c = criterion(r -> lab(r, "CREAT").put("value", 1.2).put("unit", "mg/dL").put("uln", 70)
        .put("ulnUnit", "umol/L"), "I8");
    assertThat(c.status()).isEqualTo(FAIL);
    assertThat(c.reason()).contains("1.2 mg/dL = 106.104 umol/L (x 88.42)").contains("= 105 umol/L");
  }

  @Test
  void missingUlnLeavesLiverFunctionUnknown() {
    CriterionResult c = criterion(r -> lab(r, "AST").remove("uln"), "I8");
    assertThat(c.status()).isEqualTo(UNKNOWN);
    assertThat(c.missing()).containsExactly("labs.AST.uln");
  }

  @Test
  void aFailingValueDecidesEvenWhenAnotherIsMissing() {
    CriterionResult c = criterion(r -> {
      lab(r, "WBC").put("value", 2.0);
      ((tools.jackson.databind.node.ObjectNode) r.get("labs")).remove("HGB");
    }, "I7");
    assertThat(c.status()).isEqualTo(FAIL);
    assertThat(c.reason()).contains("WBC 2 10^9/L (fails >= 4 10^9/L)").doesNotContain("HGB");
  }

  @Test
  void consentMustBeSigned() {
    assertThat(criterion(r -> r.put("consentSigned", false), "I9").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.putNull("consentSigned"), "I9").status()).isEqualTo(UNKNOWN);
  }
}
