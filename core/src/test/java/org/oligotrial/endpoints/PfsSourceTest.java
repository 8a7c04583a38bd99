package org.oligotrial.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.oligotrial.endpoints.Histories.DAY0;
import static org.oligotrial.endpoints.Histories.participant;
import static org.oligotrial.recist.LesionFixtures.nonTarget;
import static org.oligotrial.recist.LesionFixtures.on;
import static org.oligotrial.recist.LesionFixtures.target;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.recist.BaselineLesion;
import org.oligotrial.recist.FollowUpAssessment;
import org.oligotrial.recist.LesionFixtures;
import org.oligotrial.recist.LesionRole;
import org.oligotrial.recist.LesionSite;
import org.oligotrial.recist.TumourAssessments;

/**
 * The PFS event as the earliest of RECIST progression (computed from the assessments), clinical progression (the
 * progression form) and death within the window (84 days after the last adequate assessment), with the source kept,
 * on hand-built histories: randomization on day 0, baseline scan on day -7, lesions T1 (lung, primary, 40 mm) and T2
 * (adrenal, oligometastatic focus, 20 mm), baseline sum 60 mm. Scans on day 42 show PR (T1 20, T2 10: sum 30, -50%).
 */
class PfsSourceTest {
  private static final List<BaselineLesion> LESIONS = List.of(
      target("T1", LesionSite.LUNG, "40", LesionRole.PRIMARY),
      target("T2", LesionSite.ADRENAL, "20", LesionRole.OLIGOMETASTATIC));

  private static LesionFixtures.FollowUp pr(int day) {
    return on(DAY0, day).targets("T1", "20", "T2", "10");
  }

  /** The PR measures plus a new unequivocal liver lesion: overall PD by the new lesion. */
  private static LesionFixtures.FollowUp newLesion(int day) {
    return pr(day).newLesion("NL1", LesionSite.LIVER, false);
  }

  private static TumourAssessments scans(LesionFixtures.FollowUp... followUps) {
    return scans(LESIONS, followUps);
  }

  private static TumourAssessments scans(List<BaselineLesion> lesions, LesionFixtures.FollowUp... followUps) {
    List<FollowUpAssessment> list = new ArrayList<>();
    for (LesionFixtures.FollowUp f : followUps) {
      list.add(f.build());
    }
    return new TumourAssessments(DAY0.minusDays(7), lesions, list);
  }

  @Test
  void recistOnly() {
    ParticipantEndpoints e = participant().tumour(scans(pr(42), newLesion(84))).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::source)
        .containsExactly(84L, true, EventSource.RECIST);
    assertThat(e.endpoint("pfs").reason()).startsWith("RECIST 1.1 progression at the assessment of 2024-03-25")
        .contains("NL1 (liver): unequivocal new lesion");
    // no progression form: a query with the RECIST date and nothing on the form side
    assertThat(e.reconciliation()).extracting(ReconciliationFinding::kind, ReconciliationFinding::recistDate,
        ReconciliationFinding::formDate)
        .containsExactly(tuple(ReconciliationFinding.Kind.RECIST_PD_WITHOUT_FORM, Histories.day(84), null));
  }

  @Test
  void clinicalOnlyWithoutImaging() {
    ParticipantEndpoints e = participant().tumour(scans(pr(42), pr(84)))
        .progressionForm(100, ProgressionSite.THORACIC, null, true).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::source)
        .containsExactly(100L, true, EventSource.CLINICAL);
    assertThat(e.endpoint("pfs").reason()).contains("without imaging");
    // a progression without imaging cannot have a RECIST date: nothing to reconcile
    assertThat(e.reconciliation()).isEmpty();
  }

  @Test
  void clinicalOnlyWithImagingOpensAQuery() {
    ParticipantEndpoints e = participant().tumour(scans(pr(42), pr(84)))
        .progressionForm(84, ProgressionSite.THORACIC, null, false).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::source).containsExactly(84L, EventSource.CLINICAL);
    assertThat(e.reconciliation()).extracting(ReconciliationFinding::kind, ReconciliationFinding::recistDate,
        ReconciliationFinding::formDate)
        .containsExactly(tuple(ReconciliationFinding.Kind.FORM_WITHOUT_RECIST_PD, null, Histories.day(84)));
  }

  @Test
  void bothWithRecistEarlier() {
    ParticipantEndpoints e = participant().tumour(scans(pr(42), newLesion(84)))
        .progressionForm(90, ProgressionSite.NEW_DISTANT, null, false).derive();
    // min(84 RECIST, 90 form) = 84
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::source).containsExactly(84L, EventSource.RECIST);
    assertThat(e.reconciliation()).extracting(ReconciliationFinding::kind, ReconciliationFinding::recistDate,
        ReconciliationFinding::formDate)
        .containsExactly(tuple(ReconciliationFinding.Kind.DATES_DIFFER, Histories.day(84), Histories.day(90)));
    assertThat(e.reconciliation().get(0).message()).contains("2024-03-25").contains("2024-03-31");
  }

  @Test
  void bothWithTheFormEarlier() {
    ParticipantEndpoints e = participant().tumour(scans(pr(42), newLesion(84)))
        .progressionForm(70, ProgressionSite.NEW_DISTANT, null, false).derive();
    // min(84 RECIST, 70 form) = 70
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::source).containsExactly(70L, EventSource.CLINICAL);
    assertThat(e.reconciliation()).extracting(ReconciliationFinding::kind)
        .containsExactly(ReconciliationFinding.Kind.DATES_DIFFER);
  }

  @Test
  void bothOnTheSameDayIsRecistWithNothingToReconcile() {
    ParticipantEndpoints e = participant().tumour(scans(pr(42), newLesion(84)))
        .progressionForm(84, ProgressionSite.NEW_DISTANT, null, false).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::source).containsExactly(84L, EventSource.RECIST);
    assertThat(e.reconciliation()).isEmpty();
  }

  @Test
  void deathWithinTheWindow() {
    // last adequate assessment day 84, death day 150: 66 days <= 84
    ParticipantEndpoints e = participant().tumour(scans(pr(42), pr(84))).diedOn(150).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::source)
        .containsExactly(150L, true, EventSource.DEATH);
    assertThat(e.endpoint("os")).extracting(TimeToEvent::days, TimeToEvent::source).containsExactly(150L, EventSource.DEATH);
  }

  @Test
  void deathOutsideTheWindowIsCensoredAtTheLastAssessment() {
    // last adequate assessment day 42, death day 150: 108 days > 84
    ParticipantEndpoints e = participant().tumour(scans(pr(42))).diedOn(150).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::source)
        .containsExactly(42L, false, EventSource.CENSORED);
    assertThat(e.endpoint("pfs").reason()).isEqualTo("death 108 days after the last adequate assessment (more than 84): "
        + "censored at last adequate assessment 2024-02-12");
  }

  @Test
  void censoredAliveWithoutProgression() {
    ParticipantEndpoints e = participant().tumour(scans(pr(42), pr(84))).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::source)
        .containsExactly(84L, false, EventSource.CENSORED);
    assertThat(e.endpoint("pfs").reason()).isEqualTo("no progression; censored at last adequate assessment 2024-03-25");
  }

  @Test
  void progressionAfterWithdrawalIsNotUsed() {
    ParticipantEndpoints e = participant().tumour(scans(pr(42), newLesion(84))).withdrewOn(60).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::source).containsExactly(42L, EventSource.CENSORED);
    assertThat(e.endpoint("pfs").reason()).startsWith("withdrawn");
  }

  @Test
  void aCorrectedAssessmentRemovesTheEvent() {
    Histories before = participant().tumour(scans(pr(42), newLesion(84)));
    assertThat(before.derive().endpoint("pfs").source()).isEqualTo(EventSource.RECIST);
    // the reader corrects day 84: the "new lesion" was a known scar; the event and its query disappear
    ParticipantEndpoints after = participant().tumour(scans(pr(42), pr(84))).derive();
    assertThat(after.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::source)
        .containsExactly(84L, false, EventSource.CENSORED);
    assertThat(after.reconciliation()).isEmpty();
    assertThat(after.tumour().progressionDate()).isNull();
  }

  @Test
  void anEquivocalLesionConfirmedLaterDatesPfsBack() {
    ParticipantEndpoints e = participant().tumour(scans(
        pr(42).newLesion("NL1", LesionSite.BONE, true),
        pr(84).newLesion("NL1", LesionSite.BONE, false))).progressionForm(84, ProgressionSite.NEW_DISTANT, null, false)
        .derive();
    // RECIST 1.1 section 4.3.2: day 42 (the equivocal scan), earlier than the form's day 84
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::source).containsExactly(42L, EventSource.RECIST);
    assertThat(e.reconciliation()).extracting(ReconciliationFinding::kind)
        .containsExactly(ReconciliationFinding.Kind.DATES_DIFFER);
  }

  @Test
  void thoracicLocalAndFociControlComeFromTheSameAssessments() {
    // day 84: T1 20 -> 26 (6 mm, +30%): the primary progresses alone; sum 36 vs nadir 30: +20% and 6 mm = PD too
    // day 126 would follow; the focus T2 stays at 10
    ParticipantEndpoints e = participant().tumour(scans(pr(42), on(DAY0, 84).targets("T1", "26", "T2", "10")))
        .diedOn(200).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::source).containsExactly(84L, EventSource.RECIST);
    assertThat(e.endpoint("thoracic-pfs")).extracting(TimeToEvent::days, TimeToEvent::source)
        .containsExactly(84L, EventSource.RECIST);
    assertThat(e.endpoint("local-control")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(84L, true);
    // the focus has not progressed; death is a competing event: censored at the last adequate assessment, day 84
    assertThat(e.endpoint("oligometastatic-control")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::source)
        .containsExactly(84L, false, EventSource.CENSORED);
    assertThat(e.endpoint("oligometastatic-control").reason()).contains("competing");
    assertThat(e.tumour().progressionSites()).extracting(p -> p.lesionId()).containsExactly("T1");
  }

  @Test
  void aProgressionFormNamingALesionCountsForItsEndpoint() {
    ParticipantEndpoints primary = participant().tumour(scans(pr(42), pr(84)))
        .progressionForm(90, ProgressionSite.THORACIC, "T1", true).derive();
    assertThat(primary.endpoint("local-control")).extracting(TimeToEvent::days, TimeToEvent::source)
        .containsExactly(90L, EventSource.CLINICAL);
    assertThat(primary.endpoint("oligometastatic-control").event()).isFalse();
    ParticipantEndpoints focus = participant().tumour(scans(pr(42), pr(84)))
        .progressionForm(90, ProgressionSite.OLIGOMETASTATIC, null, true).derive();
    assertThat(focus.endpoint("oligometastatic-control")).extracting(TimeToEvent::days, TimeToEvent::source)
        .containsExactly(90L, EventSource.CLINICAL);
    assertThat(focus.endpoint("local-control").event()).isFalse();
    // an oligometastatic progression is not thoracic
    assertThat(focus.endpoint("thoracic-pfs").event()).isFalse();
  }

  @Test
  void controlEndpointsNeedTheirLesions() {
    ParticipantEndpoints e = participant().tumour(scans(
        List.of(target("T1", LesionSite.LIVER, "30", LesionRole.OTHER),
            nonTarget("N1", LesionSite.BONE, LesionRole.OTHER)),
        on(DAY0, 42).targets("T1", "30"))).derive();
    assertThat(e.endpoint("local-control")).isNull();
    assertThat(e.endpoint("oligometastatic-control")).isNull();
    assertThat(e.endpoint("thoracic-pfs")).isNotNull();
  }

  @Test
  void theDatasetCarriesTheSource() {
    ParticipantEndpoints e = participant().tumour(scans(pr(42), newLesion(84)))
        .progressionForm(84, ProgressionSite.NEW_DISTANT, null, false).derive();
    String row = AnalysisCsv.toCsv(org.oligotrial.protocol.ProtocolLoader.bundled(),
        org.oligotrial.randomization.Nct03119519.FACTORS,
        List.of(AnalysisRow.of(e, org.oligotrial.randomization.Nct03119519.FACTORS))).lines().skip(1).findFirst().orElseThrow();
    // pfs_time, pfs_event, pfs_months (84 / 30.4375 = 2.7598), pfs_source
    assertThat(row).contains(",84,1,2.7598,RECIST,");
  }
}
