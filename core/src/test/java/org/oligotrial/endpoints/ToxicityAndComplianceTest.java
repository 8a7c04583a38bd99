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
    List<ParticipantEndpoints> all = new EndpointDerivation(org.oligotrial.protocol.ProtocolLoader.bundled()).deriveAll(List.of(
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
  void theTableGroupsBySocThenTermCountingEachParticipantOnceAtTheWorstGrade() {
    // Worked by hand. SOCs from CTCAE v5.0: Cough, Pneumonitis -> Respiratory, thoracic and mediastinal disorders;
    // Esophagitis, Nausea, Vomiting -> Gastrointestinal disorders.
    // RT+ (3 participants): P1 Pneumonitis 1 and 3, Cough 2; P2 Esophagitis 2, Nausea 1; P3 none.
    // RT- (2 participants): P4 Nausea 3, Vomiting 2, an uncoded "skin thing" 1; P5 Pneumonitis 2.
    List<ParticipantEndpoints> all = new EndpointDerivation(org.oligotrial.protocol.ProtocolLoader.bundled()).deriveAll(List.of(
        participant().id("P1").adverseEvent("Pneumonitis", 1).adverseEvent("Pneumonitis", 3)
            .adverseEvent("Cough", 2).build(),
        participant().id("P2").adverseEvent("Esophagitis", 2).adverseEvent("Nausea", 1).build(),
        participant().id("P3").build(),
        participant().id("P4").arm("RT-").adverseEvent("Nausea", 3).adverseEvent("Vomiting", 2)
            .adverseEvent("skin thing", 1).build(),
        participant().id("P5").arm("RT-").adverseEvent("Pneumonitis", 2).build()));
    List<ToxicitySummary.SocGroup> table = ToxicitySummary.table(all);
    assertThat(table).extracting(ToxicitySummary.SocGroup::soc).containsExactly("Gastrointestinal disorders",
        "Respiratory, thoracic and mediastinal disorders", "Uncoded (free text, to be coded)");
    ToxicitySummary.SocGroup gi = table.get(0);
    // the SOC row: RT+ P2's worst GI grade is 2; RT- P4's is 3
    assertThat(gi.anyTermByArm()).extracting(ToxicitySummary.ArmTerm::arm).containsExactly("RT+", "RT-");
    assertThat(gi.anyTermByArm().get(0).byWorstGrade()).containsExactly(0, 1, 0, 0, 0);
    assertThat(gi.anyTermByArm().get(0).participantsInArm()).isEqualTo(3);
    assertThat(gi.anyTermByArm().get(1).byWorstGrade()).containsExactly(0, 0, 1, 0, 0);
    assertThat(gi.anyTermByArm().get(1).participantsInArm()).isEqualTo(2);
    assertThat(gi.terms()).extracting(ToxicitySummary.TermRow::term).containsExactly("Esophagitis", "Nausea",
        "Vomiting");
    ToxicitySummary.TermRow nausea = gi.terms().get(1);
    assertThat(nausea.byArm().get(0).byWorstGrade()).containsExactly(1, 0, 0, 0, 0);
    assertThat(nausea.byArm().get(1).byWorstGrade()).containsExactly(0, 0, 1, 0, 0);
    assertThat(gi.terms().get(2).byArm().get(0).anyGrade()).isZero();
    ToxicitySummary.SocGroup resp = table.get(1);
    assertThat(resp.anyTermByArm().get(0).byWorstGrade()).containsExactly(0, 0, 1, 0, 0);
    assertThat(resp.terms()).extracting(ToxicitySummary.TermRow::term).containsExactly("Cough", "Pneumonitis");
    // P1 counts once for Pneumonitis, at grade 3
    assertThat(resp.terms().get(1).byArm().get(0).byWorstGrade()).containsExactly(0, 0, 1, 0, 0);
    assertThat(resp.terms().get(1).byArm().get(1).byWorstGrade()).containsExactly(0, 1, 0, 0, 0);
    assertThat(table.get(2).terms()).extracting(ToxicitySummary.TermRow::term).containsExactly("skin thing");
    // the flat list: RT+ rows first, SOC then term
    assertThat(ToxicitySummary.byArm(all)).extracting(r -> r.arm() + " " + r.term()).containsExactly(
        "RT+ Esophagitis", "RT+ Nausea", "RT+ Cough", "RT+ Pneumonitis",
        "RT- Nausea", "RT- Vomiting", "RT- Pneumonitis", "RT- skin thing");
  }

  @Test
  void anOtherSpecifyEventIsItsOwnTermInItsClass() {
    org.oligotrial.ctcae.CodedTerm bezoar = new org.oligotrial.ctcae.CodedTerm(
        "Gastrointestinal disorders - Other, specify", "10017947", "Gastrointestinal disorders", "bezoar");
    AdverseEvent e = AdverseEvent.of(bezoar, 2);
    assertThat(e.soc()).isEqualTo("Gastrointestinal disorders");
    assertThat(e.term()).isEqualTo("Gastrointestinal disorders - Other, specify: bezoar");
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
