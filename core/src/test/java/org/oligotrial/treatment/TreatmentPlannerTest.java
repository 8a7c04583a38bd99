package org.oligotrial.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TreatmentPlannerTest {

  @Test
  void regimenFollowsEgfrStatusAndHistologyForEveryCombination() {
    // rows: EGFR status x histology -> regimen, from the protocol notes
    Object[][] table = {
      {EgfrStatus.MUTANT, Histology.SQUAMOUS, SystemicRegimen.EGFR_TKI},
      {EgfrStatus.MUTANT, Histology.ADENOCARCINOMA, SystemicRegimen.EGFR_TKI},
      {EgfrStatus.MUTANT, Histology.OTHER_NON_SQUAMOUS, SystemicRegimen.EGFR_TKI},
      {EgfrStatus.WILD_TYPE, Histology.SQUAMOUS, SystemicRegimen.TAXANE_CISPLATIN},
      {EgfrStatus.WILD_TYPE, Histology.ADENOCARCINOMA, SystemicRegimen.PEMETREXED_CISPLATIN},
      {EgfrStatus.WILD_TYPE, Histology.OTHER_NON_SQUAMOUS, SystemicRegimen.PEMETREXED_CISPLATIN},
    };
    for (Object[] row : table) {
      for (TrialArm arm : TrialArm.values()) {
        TreatmentPlan plan = TreatmentPlanner.plan(arm, (EgfrStatus) row[0], (Histology) row[1]);
        assertThat(plan.systemic()).as("%s %s", row[0], row[1]).isEqualTo(row[2]);
        assertThat(plan.radiotherapyPlan().isPresent()).isEqualTo(arm == TrialArm.RT_PLUS);
      }
    }
  }

  @Test
  void rtPlusAddsThreeDimensionalConformalOrIntensityModulatedRadiotherapyBeforeProgression() {
    TreatmentPlan plan = TreatmentPlanner.plan(TrialArm.RT_PLUS, EgfrStatus.MUTANT, Histology.ADENOCARCINOMA);
    assertThat(plan.radiotherapy().techniques()).containsExactly("3D-CRT", "IMRT");
    assertThat(plan.summary()).isEqualTo("RT+: EGFR tyrosine-kinase inhibitor: gefitinib or erlotinib, plus 3D-CRT or "
        + "IMRT to the primary thoracic tumour and/or the remediable oligometastatic foci, with first-line systemic "
        + "therapy, no later than disease progression (EGFR-sensitising mutation)");
    assertThat(TreatmentPlanner.plan(TrialArm.RT_MINUS, EgfrStatus.WILD_TYPE, Histology.SQUAMOUS).summary())
        .isEqualTo("RT-: platinum doublet: a taxane with cisplatin (EGFR wild-type, squamous histology)");
  }

  @Test
  void unknownEgfrStatusIsRefusedWithAClearMessage() {
    for (TrialArm arm : TrialArm.values()) {
      assertThatThrownBy(() -> TreatmentPlanner.plan(arm, EgfrStatus.UNKNOWN, Histology.SQUAMOUS))
          .isInstanceOf(RandomizationBlockedException.class)
          .hasMessageContaining("cannot be randomized until the result is recorded");
    }
  }

  @Test
  void armCodesRoundTrip() {
    for (TrialArm arm : TrialArm.values()) {
      assertThat(TrialArm.fromCode(arm.code())).isEqualTo(arm);
    }
    assertThatThrownBy(() -> TrialArm.fromCode("RT")).hasMessageContaining("no arm 'RT'");
  }
}
