package org.oligotrial.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.ProtocolLoader;

/** ResearchStudy from the bundled protocol and ResearchSubject from plain values, valid against base R4. */
class ResearchResourcesTest {

  @Test
  void bundledProtocolIsAValidResearchStudy() {
    ResearchStudy s = ResearchResources.study(ProtocolLoader.bundled(), "active");
    assertThat(R4Validation.errors(s)).isEmpty();
    // protocols/nct03119519.yaml: id, phase "2", arms RT+ and RT-
    assertThat(s.getIdentifierFirstRep().getValue()).isEqualTo("NCT03119519");
    assertThat(s.getPhase().getCodingFirstRep().getCode()).isEqualTo("phase-2");
    assertThat(s.getArm()).extracting(ResearchStudy.ResearchStudyArmComponent::getName).containsExactly("RT+", "RT-");
    assertThat(s.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.ACTIVE);
  }

  @Test
  void participantIsAValidResearchSubject() {
    ResearchSubject s = ResearchResources.subject("P-0007", "Patient/GEN-7", "NCT03119519", "on-study",
        "Consent/GEN-7-consent", "RT+");
    assertThat(R4Validation.errors(s)).isEmpty();
    assertThat(s.getAssignedArm()).isEqualTo("RT+");
    assertThat(s.getStudy().getReference()).isEqualTo("ResearchStudy/NCT03119519");
  }

  @Test
  void candidateWithoutConsentOrArmIsValidToo() {
    ResearchSubject s = ResearchResources.subject("P-8", "Patient/8", "NCT03119519", "candidate", null, null);
    assertThat(R4Validation.errors(s)).isEmpty();
  }

  @Test
  void unknownStatusIsRefusedNamingTheField() {
    assertThatThrownBy(() -> ResearchResources.subject("P-8", "Patient/8", "NCT03119519", "randomized", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("status: 'randomized' is no R4");
    assertThatThrownBy(() -> ResearchResources.study(ProtocolLoader.bundled(), "open"))
        .hasMessageStartingWith("status: 'open'");
  }

  @Test
  void phasesMapToR4Codes() {
    assertThat(ResearchResources.phase("2/3")).isEqualTo("phase-2-phase-3");
    assertThat(ResearchResources.phase("Phase 3")).isEqualTo("phase-3");
    assertThat(ResearchResources.phase("N/A")).isEqualTo("n-a");
  }
}
