package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.eligibility.Candidates.criterion;
import static org.oligotrial.eligibility.CriterionStatus.FAIL;
import static org.oligotrial.eligibility.CriterionStatus.PASS;
import static org.oligotrial.eligibility.CriterionStatus.UNKNOWN;

import org.junit.jupiter.api.Test;

/** Exclusion criteria E1-E8 of NCT03119519: each passes when its excluding condition is absent, fails when present. */
class ExclusionCriteriaTest {

  @Test
  void fiveFociDoNotExcludeSixDo() {
    assertThat(criterion(r -> r.putArray("metastases").addObject().put("site", "bone").put("lesions", 5), "E1")
        .status()).isEqualTo(PASS);
    assertThat(criterion(r -> r.putArray("metastases").addObject().put("site", "bone").put("lesions", 6), "E1")
        .status()).isEqualTo(FAIL);
  }

  @Test
  void sixKnownFociExcludeEvenWhenAnotherSiteCountIsMissing() {
    CriterionResult c = criterion(r -> {
      var a = r.putArray("metastases");
      a.addObject().put("site", "liver").put("lesions", 6);
      a.addObject().put("site", "bone");
    }, "E1");
    assertThat(c.status()).isEqualTo(FAIL);
  }

  @Test
  void intoleranceOfSystemicTherapyExcludes() {
    assertThat(criterion(r -> r.put("canTolerateSystemicTherapy", false), "E2").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.put("canTolerateSystemicTherapy", true), "E2").status()).isEqualTo(PASS);
  }

  @Test
  void priorChemotherapyExcludesBiopsyDoesNot() {
    assertThat(criterion(r -> r.putArray("priorTreatments").addObject().put("type", "chemotherapy"), "E3").status())
        .isEqualTo(FAIL);
    assertThat(criterion(r -> r.putArray("priorTreatments").addObject().put("type", "biopsy"), "E3").status())
        .isEqualTo(PASS);
    assertThat(criterion(r -> r.remove("priorTreatments"), "E3").status()).isEqualTo(UNKNOWN);
  }

  @Test
  void otherMalignancyExcludes() {
    assertThat(criterion(r -> r.put("otherMalignancy", true), "E4").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.put("otherMalignancy", false), "E4").status()).isEqualTo(PASS);
  }

  @Test
  void uncontrolledSeriousDiseaseExcludes() {
    assertThat(criterion(r -> r.put("uncontrolledSeriousDisease", true), "E5").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.put("uncontrolledSeriousDisease", false), "E5").status()).isEqualTo(PASS);
  }

  @Test
  void pregnancyOrBreastfeedingExcludesWomen() {
    assertThat(criterion(r -> r.put("pregnant", true), "E6").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.put("breastfeeding", true), "E6").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.put("pregnant", false).put("breastfeeding", false), "E6").status()).isEqualTo(PASS);
  }

  @Test
  void pregnancyItemsDoNotApplyToMen() {
    CriterionResult c = criterion(r -> r.put("sex", "male").remove("pregnant"), "E6");
    assertThat(c.status()).isEqualTo(PASS);
    assertThat(c.reason()).startsWith("does not apply: sex = male");
  }

  @Test
  void womanWithUnstatedPregnancyIsUnknown() {
    CriterionResult c = criterion(r -> r.remove("pregnant"), "E6");
    assertThat(c.status()).isEqualTo(UNKNOWN);
    assertThat(c.missing()).containsExactly("pregnant");
  }

  @Test
  void unknownSexPassesWhenNeitherPregnantNorBreastfeeding() {
    assertThat(criterion(r -> r.remove("sex"), "E6").status()).isEqualTo(PASS);
    CriterionResult c = criterion(r -> { r.remove("sex"); r.remove("pregnant"); }, "E6");
    assertThat(c.status()).isEqualTo(UNKNOWN);
    assertThat(c.missing()).containsExactly("sex", "pregnant");
  }

  @Test
  void allergyToATrialDrugExcludesOtherAllergiesDoNot() {
    assertThat(criterion(r -> r.putArray("allergies").add("cisplatin"), "E7").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.putArray("allergies").add("contrast-agent"), "E7").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.putArray("allergies").add("penicillin"), "E7").status()).isEqualTo(PASS);
    assertThat(criterion(r -> r.remove("allergies"), "E7").status()).isEqualTo(UNKNOWN);
  }

  @Test
  void investigatorDoubtAboutCompletionExcludes() {
    assertThat(criterion(r -> r.put("expectedToComplete", false), "E8").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.put("expectedToComplete", true), "E8").status()).isEqualTo(PASS);
  }

  @Test
  void allergyTermsAreReadInLowerCaseAndNamedDrugsCount() {
    // "taxanes" and "targeted medicine" in the record cover paclitaxel, docetaxel, gefitinib, erlotinib
    assertThat(criterion(r -> r.putArray("allergies").add("Contrast agent"), "E7").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.putArray("allergies").add("paclitaxel"), "E7").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.putArray("allergies").add("Gefitinib"), "E7").status()).isEqualTo(FAIL);
    assertThat(criterion(r -> r.putArray("allergies").add("Penicillin"), "E7").status()).isEqualTo(PASS);
  }
}
