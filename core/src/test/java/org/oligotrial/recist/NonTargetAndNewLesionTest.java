package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.recist.RecistFixtures.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Non-target response (section 4.3.3), new lesions and the dating of equivocal ones (section 4.3.2). */
class NonTargetAndNewLesionTest {

  private final Baseline mixed = baseline(List.of(lesion("T1", "lung", "40")),
      List.of(new NonTargetLesion("NT1", "bone"), new NonTargetLesion("NT2", "pleura")));
  private final Baseline nonTargetOnly = baseline(List.of(), List.of(new NonTargetLesion("NT1", "bone")));

  private static Map<String, NonTargetStatus> nt(NonTargetStatus s1, NonTargetStatus s2) {
    return Map.of("NT1", s1, "NT2", s2);
  }

  @Test
  void allNonTargetsAbsentIsCompleteResponse() {
    AssessmentResult r = only(mixed, at(42, targets("T1", "0"), nt(NonTargetStatus.ABSENT, NonTargetStatus.ABSENT),
        NewLesions.NO));
    assertThat(r.nonTarget()).isEqualTo(NonTargetResponse.CR);
    assertThat(r.overall()).isEqualTo(OverallResponse.CR);
  }

  @Test
  void onePresentNonTargetTurnsTargetCompleteResponseIntoPartial() {
    AssessmentResult r = only(mixed, at(42, targets("T1", "0"), nt(NonTargetStatus.ABSENT, NonTargetStatus.PRESENT),
        NewLesions.NO));
    assertThat(r.nonTarget()).isEqualTo(NonTargetResponse.NON_CR_NON_PD);
    assertThat(r.overall()).isEqualTo(OverallResponse.PR);
  }

  @Test
  void unequivocalNonTargetProgressionIsOverallProgression() {
    AssessmentResult r = only(mixed, at(42, targets("T1", "20"),
        nt(NonTargetStatus.PROGRESSION, NonTargetStatus.NOT_EVALUATED), NewLesions.NO));
    assertThat(r.nonTarget()).isEqualTo(NonTargetResponse.PD);
    assertThat(r.overall()).isEqualTo(OverallResponse.PD);
  }

  @Test
  void nonTargetNotEvaluatedIsNotEvaluable() {
    AssessmentResult r = only(mixed, at(42, targets("T1", "40"), Map.of("NT1", NonTargetStatus.PRESENT),
        NewLesions.NO));
    assertThat(r.nonTarget()).isEqualTo(NonTargetResponse.NE);
    assertThat(r.overall()).isEqualTo(OverallResponse.SD);
  }

  @Test
  void withoutNonTargetLesionsTheNonTargetResponseIsNN() {
    AssessmentResult r = only(baseline(lesion("T1", "lung", "40")), at(42, targets("T1", "0")));
    assertThat(r.nonTarget()).isEqualTo(NonTargetResponse.NN);
    assertThat(r.overall()).isEqualTo(OverallResponse.CR);
  }

  @Test
  void nonTargetDiseaseOnlyUsesTable5() {
    AssessmentResult r = only(nonTargetOnly, at(42, Map.of(), Map.of("NT1", NonTargetStatus.PRESENT), NewLesions.NO));
    assertThat(r.target()).isNull();
    assertThat(r.sum()).isNull();
    assertThat(r.overall()).isEqualTo(OverallResponse.NON_CR_NON_PD);
  }

  @Test
  void newLesionIsProgressionOnItsDate() {
    RecistEvaluation e = evaluate(mixed, at(42, targets("T1", "10"),
        nt(NonTargetStatus.ABSENT, NonTargetStatus.ABSENT), NewLesions.YES));
    assertThat(e.assessments().get(0).overall()).isEqualTo(OverallResponse.PD);
    assertThat(e.progressionDate()).isEqualTo(LocalDate.of(2024, 2, 12));
  }

  @Test
  void equivocalNewLesionIsNotProgressionWhileUnconfirmed() {
    RecistEvaluation e = evaluate(baseline(lesion("T1", "lung", "40")),
        at(42, targets("T1", "40"), Map.of(), NewLesions.EQUIVOCAL),
        at(84, targets("T1", "40"), Map.of(), NewLesions.EQUIVOCAL));
    assertThat(e.assessments()).extracting(AssessmentResult::overall)
        .containsExactly(OverallResponse.SD, OverallResponse.SD);
    assertThat(e.progressionDate()).isNull();
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.SD);
  }

  @Test
  void confirmedEquivocalNewLesionDatesProgressionAtTheFirstEquivocalScan() {
    // day 42 SD, day 84 equivocal, day 126 equivocal, day 168 confirmed: progression on day 84 (2024-03-25)
    RecistEvaluation e = evaluate(baseline(lesion("T1", "lung", "40")),
        at(42, targets("T1", "40")),
        at(84, targets("T1", "40"), Map.of(), NewLesions.EQUIVOCAL),
        at(126, targets("T1", "40"), Map.of(), NewLesions.EQUIVOCAL),
        at(168, targets("T1", "40"), Map.of(), NewLesions.YES));
    assertThat(e.progressionDate()).isEqualTo(LocalDate.of(2024, 3, 25));
    assertThat(e.assessments().get(1).overall()).isEqualTo(OverallResponse.SD);
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.SD); // day 42 SD counts, it is >= 42 days
  }

  @Test
  void equivocalFindingResolvedAsNoIsNotBackdated() {
    RecistEvaluation e = evaluate(baseline(lesion("T1", "lung", "40")),
        at(42, targets("T1", "40"), Map.of(), NewLesions.EQUIVOCAL),
        at(84, targets("T1", "40"), Map.of(), NewLesions.NO),
        at(126, targets("T1", "40"), Map.of(), NewLesions.YES));
    assertThat(e.progressionDate()).isEqualTo(RecistFixtures.BASELINE_DATE.plusDays(126));
  }

  @Test
  void equivocalLesionConfirmedAfterTargetProgressionStillDatesFromTheEquivocalScan() {
    // day 42 equivocal (SD), day 84 target PD still equivocal, day 126 confirmed: progression on day 42
    RecistEvaluation e = evaluate(baseline(lesion("T1", "lung", "40")),
        at(42, targets("T1", "40"), Map.of(), NewLesions.EQUIVOCAL),
        at(84, targets("T1", "50"), Map.of(), NewLesions.EQUIVOCAL),
        at(126, targets("T1", "60"), Map.of(), NewLesions.YES));
    assertThat(e.progressionDate()).isEqualTo(RecistFixtures.BASELINE_DATE.plusDays(42));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.PD);
  }
}
