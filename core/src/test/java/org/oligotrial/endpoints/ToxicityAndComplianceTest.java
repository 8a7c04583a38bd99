package org.oligotrial.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.oligotrial.endpoints.Histories.participant;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worst CTCAE grade per participant and term, by-arm counts, and compliance proportions. */
class ToxicityAndComplianceTest {

  @Test
  void worstGradePerTermGroupsSpellingsAndKeepsTheMaximum() {
    ParticipantEndpoints e = participant().adverseEvent("Pneumonitis", 1).adverseEvent("pneumonitis ", 3)
        .adverseEvent("Pneumonitis", 2).adverseEvent("Esophagitis", 2).derive();
    assertThat(e.worstGrades()).containsExactly(Map.entry("Esophagitis", 2), Map.entry("Pneumonitis", 3));
  }

  @Test
  void byArmCountsEachParticipantOnceAtTheWorstGrade() {
    // RT+: P1 pneumonitis 1 then 3; P2 pneumonitis 2; P3 none. RT-: P4 rash 3.
    List<ParticipantEndpoints> all = new EndpointDerivation().deriveAll(List.of(
        participant().id("P1").adverseEvent("Pneumonitis", 1).adverseEvent("Pneumonitis", 3).build(),
        participant().id("P2").adverseEvent("Pneumonitis", 2).build(),
        participant().id("P3").build(),
        participant().id("P4").arm("RT-").adverseEvent("Rash", 3).build()));
    List<ToxicitySummary.ArmTerm> rows = ToxicitySummary.byArm(all);
    assertThat(rows).hasSize(2);
    ToxicitySummary.ArmTerm pneumonitis = rows.stream().filter(r -> r.arm().equals("RT+")).findFirst().orElseThrow();
    assertThat(pneumonitis.term()).isEqualTo("Pneumonitis");
    assertThat(pneumonitis.participantsInArm()).isEqualTo(3);
    assertThat(pneumonitis.byWorstGrade()).containsExactly(0, 1, 1, 0, 0);
    assertThat(pneumonitis.anyGrade()).isEqualTo(2);
    assertThat(pneumonitis.grade3OrWorse()).isEqualTo(1);
    assertThat(pneumonitis.grade3OrWorseProportion()).isCloseTo(1.0 / 3, within(1e-12));
    ToxicitySummary.ArmTerm rash = rows.get(1);
    assertThat(rash.arm()).isEqualTo("RT-");
    assertThat(rash.byWorstGrade()).containsExactly(0, 0, 1, 0, 0);
  }

  @Test
  void gradeOutsideOneToFiveIsRejected() {
    assertThatThrownBy(() -> participant().adverseEvent("Fatigue", 6).derive())
        .isInstanceOf(InvalidHistoryException.class).hasMessageContaining("adverseEvents[0].grade");
    assertThatThrownBy(() -> participant().adverseEvent("Fatigue", 0).derive())
        .hasMessageContaining("adverseEvents[0].grade");
  }

  @Test
  void complianceIsDeliveredOverPlanned() {
    // 4 of 6 cycles, 30 of 30 fractions
    Compliance c = participant().delivered(6, 4, 30, 30).derive().compliance();
    assertThat(c.cycleProportion()).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(c.fractionProportion()).isEqualTo(1.0);
  }

  @Test
  void complianceWithNothingPlannedIsNotApplicable() {
    Compliance c = participant().arm("RT-").delivered(4, 4, 0, 0).derive().compliance();
    assertThat(c.cycleProportion()).isEqualTo(1.0);
    assertThat(c.fractionProportion()).isNull();
  }

  @Test
  void negativeCountIsRejected() {
    assertThatThrownBy(() -> participant().delivered(4, -1, 0, 0).derive())
        .hasMessageContaining("delivery.deliveredCycles");
  }
}
