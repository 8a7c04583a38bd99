package org.oligotrial.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.protocol.Regimen;
import org.oligotrial.randomization.TestProtocols;

/** Plans built from the protocol files' arms and regimens (protocols/nct03119519.yaml and a SABR-COMET test file). */
class TreatmentPlannerTest {
  private static final Protocol NCT03119519 = ProtocolLoader.bundled();

  private static Regimen regimen(String id) {
    return NCT03119519.systemicTherapy().regimens().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void armInterventionsAndRegimenComeFromTheProtocol() {
    TreatmentPlan plan = TreatmentPlanner.plan(NCT03119519, "RT+", Optional.of(regimen("egfr-tki")));
    assertThat(plan.arm()).isEqualTo("RT+");
    assertThat(plan.interventions()).containsExactly("first-line systemic therapy",
        "3D-CRT or IMRT to the primary tumour and oligometastatic foci");
    assertThat(plan.summary()).isEqualTo("RT+ (Local Definitive Radiotherapy): first-line systemic therapy, 3D-CRT or"
        + " IMRT to the primary tumour and oligometastatic foci; regimen: EGFR tyrosine-kinase inhibitor (gefitinib,"
        + " erlotinib) - chosen by the protocol's rule for egfr-tki");
    assertThat(TreatmentPlanner.plan(NCT03119519, "RT-", Optional.of(regimen("taxane-cisplatin"))).summary())
        .startsWith("RT- (No Local Definitive Radiotherapy): first-line systemic therapy; regimen: taxane plus"
            + " cisplatin (paclitaxel or docetaxel, cisplatin)");
  }

  @Test
  void aProtocolWithoutSystemicTherapyRulesPlansTheArmAlone() {
    Protocol sabr = TestProtocols.sabrCometLike();
    TreatmentPlan plan = TreatmentPlanner.plan(sabr, "SOC+SABR", Optional.empty());
    assertThat(plan.systemicRegimen()).isEmpty();
    assertThat(plan.summary()).isEqualTo("SOC+SABR (standard of care plus SABR): palliative standard of care,"
        + " stereotactic ablative radiotherapy to all metastatic sites");
  }

  @Test
  void anArmTheProtocolDoesNotHaveIsRefusedNamingTheArms() {
    assertThatThrownBy(() -> TreatmentPlanner.plan(NCT03119519, "SOC", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the protocol has no arm 'SOC' (arms [RT+, RT-])");
  }
}
