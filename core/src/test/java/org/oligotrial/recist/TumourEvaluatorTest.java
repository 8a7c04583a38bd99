package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oligotrial.recist.LesionFixtures.assessments;
import static org.oligotrial.recist.LesionFixtures.nonTarget;
import static org.oligotrial.recist.LesionFixtures.on;
import static org.oligotrial.recist.LesionFixtures.target;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Structured assessments through the RECIST engine, lesion attribution and progression per scope. Every expected
 * value is worked by hand in the comments (rule: a rise {@code r = S - N} is progression when {@code r >= 5 mm} and
 * {@code 5 r >= N}, i.e. at least 20%).
 */
class TumourEvaluatorTest {
  private static final LocalDate B = LocalDate.of(2024, 1, 1);
  private final TumourEvaluator evaluator = new TumourEvaluator();

  private static LocalDate day(int d) {
    return B.plusDays(d);
  }

  @Test
  void primaryProgressesAloneBeforeTheSumThenAFocusMakesItPd() {
    List<BaselineLesion> lesions = List.of(
        target("T1", LesionSite.LUNG, "40", LesionRole.PRIMARY),
        target("T2", LesionSite.ADRENAL, "20", LesionRole.OLIGOMETASTATIC),
        target("T3", LesionSite.MEDIASTINAL_NODE, "20", LesionRole.OTHER));
    TumourEvaluation e = evaluator.evaluate(assessments(B, lesions,
        on(B, 42).targets("T1", "20", "T2", "10", "T3", "10"),
        on(B, 84).targets("T1", "26", "T2", "10", "T3", "10"),
        on(B, 126).targets("T1", "26", "T2", "16", "T3", "10")));
    // day 42: sum 40 of baseline 80, -50%: PR
    // day 84: sum 46, nadir 40, r = 6 but 5 r = 30 < 40: no target PD; 46 <= 0.7 x 80 = 56: still PR
    // day 126: sum 52, nadir 40, r = 12 >= 5 and 60 >= 40: target PD
    assertThat(e.recist().assessments()).extracting(AssessmentResult::overall)
        .containsExactly(OverallResponse.PR, OverallResponse.PR, OverallResponse.PD);
    assertThat(e.progressionDate()).isEqualTo(day(126));
    // T1 alone at day 84: 26 - 20 = 6 >= 5 and 30 >= 20 (30%); T2 at day 126: 16 - 10 = 6 and 30 >= 10
    assertThat(e.lesionProgressions()).extracting(LesionProgression::lesionId, LesionProgression::date)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("T1", day(84)),
            org.assertj.core.groups.Tuple.tuple("T2", day(126)));
    assertThat(e.lesionProgressions().get(0).reason())
        .isEqualTo("T1 (lung): 26 mm, 6 mm (+30.0%) above its smallest measure 20 mm");
    // the first progression (day 126) is the focus T2
    assertThat(e.progressionSites()).extracting(LesionProgression::lesionId).containsExactly("T2");
    // scopes: primary T1 alone 20 -> 26 at day 84; thoracic T1 + T3 (mediastinal node): nadir 30 -> 36 at day 84,
    // r = 6, 5 r = 30 >= 30 (exactly 20%); foci T2 alone 10 -> 16 at day 126
    assertThat(e.progressionDate(LesionScope.ALL)).isEqualTo(day(126));
    assertThat(e.progressionDate(LesionScope.PRIMARY_TUMOUR)).isEqualTo(day(84));
    assertThat(e.progressionDate(LesionScope.THORACIC)).isEqualTo(day(84));
    assertThat(e.progressionDate(LesionScope.OLIGOMETASTATIC_FOCI)).isEqualTo(day(126));
  }

  @Test
  void aSumProgressionWithoutASingleLesionProgressingIsSharedByTheLesionsThatGrew() {
    List<BaselineLesion> lesions = List.of(
        target("T1", LesionSite.LIVER, "50", LesionRole.OTHER),
        target("T2", LesionSite.LUNG, "20", LesionRole.PRIMARY));
    TumourEvaluation e = evaluator.evaluate(assessments(B, lesions,
        on(B, 42).targets("T1", "40", "T2", "4"),
        on(B, 84).targets("T1", "47.9", "T2", "8")));
    // day 84: sum 55.9, nadir 44 (day 42), r = 11.9 >= 5 and 59.5 >= 44: target PD
    // T1 alone: 47.9 - 40 = 7.9 but 5 x 7.9 = 39.5 < 40; T2 alone: 8 - 4 = 4 < 5 mm: neither progresses alone
    assertThat(e.progressionDate()).isEqualTo(day(84));
    assertThat(e.progressionSites()).extracting(LesionProgression::lesionId).containsExactly("T1", "T2");
    assertThat(e.progressionSites().get(1).reason()).contains("the sum of diameters progressed");
    // the primary tumour's own RECIST (T2 alone, 4 -> 8 mm) has not progressed: local control keeps going
    assertThat(e.progressionDate(LesionScope.PRIMARY_TUMOUR)).isNull();
  }

  @Test
  void anEquivocalNewLesionConfirmedLaterDatesBackToItsFirstScan() {
    List<BaselineLesion> lesions = List.of(
        target("T1", LesionSite.LIVER, "30", LesionRole.OLIGOMETASTATIC),
        nonTarget("N1", LesionSite.LUNG, LesionRole.PRIMARY));
    TumourEvaluation e = evaluator.evaluate(assessments(B, lesions,
        on(B, 42).targets("T1", "30").nonTarget("N1", NonTargetStatus.PRESENT)
            .newLesion("NL1", LesionSite.MEDIASTINAL_NODE, true),
        on(B, 84).targets("T1", "30").nonTarget("N1", NonTargetStatus.PRESENT)
            .newLesion("NL1", LesionSite.MEDIASTINAL_NODE, false)));
    // RECIST 1.1 section 4.3.2: progression at the date of the initial (equivocal) scan, day 42
    assertThat(e.progressionDate()).isEqualTo(day(42));
    assertThat(e.lesionProgressions()).singleElement().satisfies(p -> {
      assertThat(p.lesionId()).isEqualTo("NL1");
      assertThat(p.newLesion()).isTrue();
      assertThat(p.date()).isEqualTo(day(42));
    });
    // a new mediastinal node is thoracic (regional) progression; it is neither the primary nor a baseline focus
    assertThat(e.progressionDate(LesionScope.THORACIC)).isEqualTo(day(42));
    assertThat(e.progressionDate(LesionScope.PRIMARY_TUMOUR)).isNull();
    assertThat(e.progressionDate(LesionScope.OLIGOMETASTATIC_FOCI)).isNull();
  }

  @Test
  void anEquivocalLesionNotSeenAtTheNextScanIsNotBackDated() {
    List<BaselineLesion> lesions = List.of(target("T1", LesionSite.LUNG, "30", LesionRole.PRIMARY));
    TumourEvaluation e = evaluator.evaluate(assessments(B, lesions,
        on(B, 42).targets("T1", "30").newLesion("NL1", LesionSite.LIVER, true),
        on(B, 84).targets("T1", "30"),
        on(B, 126).targets("T1", "30").newLesion("NL1", LesionSite.LIVER, false)));
    // the run of equivocal findings ended at day 84 ("no"): progression at day 126, as the engine dates it
    assertThat(e.progressionDate()).isEqualTo(day(126));
    assertThat(e.lesionProgressions()).singleElement().extracting(LesionProgression::date).isEqualTo(day(126));
    // a new liver lesion is distant progression, not thoracic
    assertThat(e.progressionDate(LesionScope.THORACIC)).isNull();
  }

  @Test
  void aLesionReappearingAfterCompleteResponseIsProgressionOfThatLesion() {
    List<BaselineLesion> lesions = List.of(target("T1", LesionSite.LUNG, "20", LesionRole.PRIMARY));
    TumourEvaluation e = evaluator.evaluate(assessments(B, lesions,
        on(B, 42).targets("T1", "0"),
        on(B, 84).targets("T1", "3")));
    // day 42 CR; day 84 T1 measured again at 3 mm: r = 3 < 5 mm, yet PD by the reappearance-after-CR rule
    assertThat(e.recist().assessments().get(1).reappearedAfterCr()).isTrue();
    assertThat(e.progressionDate()).isEqualTo(day(84));
    assertThat(e.lesionProgressions()).singleElement().extracting(LesionProgression::reason)
        .isEqualTo("T1 (lung): seen again after a complete response");
    assertThat(e.progressionDate(LesionScope.PRIMARY_TUMOUR)).isEqualTo(day(84));
  }

  @Test
  void unequivocalProgressionOfANonTargetFocus() {
    List<BaselineLesion> lesions = List.of(
        target("T1", LesionSite.LUNG, "30", LesionRole.PRIMARY),
        nonTarget("N1", LesionSite.BONE, LesionRole.OLIGOMETASTATIC));
    TumourEvaluation e = evaluator.evaluate(assessments(B, lesions,
        on(B, 42).targets("T1", "30").nonTarget("N1", NonTargetStatus.PROGRESSION)));
    assertThat(e.progressionDate()).isEqualTo(day(42));
    assertThat(e.progressionSites()).extracting(LesionProgression::lesionId, LesionProgression::role)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("N1", LesionRole.OLIGOMETASTATIC));
    assertThat(e.progressionDate(LesionScope.OLIGOMETASTATIC_FOCI)).isEqualTo(day(42));
    assertThat(e.progressionDate(LesionScope.THORACIC)).isNull();
  }

  @Test
  void aBaselineThatBreaksRecistIsRefusedWithEveryFinding() {
    List<BaselineLesion> lesions = List.of(
        target("T1", LesionSite.LIVER, "8", LesionRole.OTHER),
        target("T2", LesionSite.HILAR_NODE, "12", LesionRole.OTHER));
    assertThatThrownBy(() -> evaluator.evaluate(assessments(B, lesions)))
        .isInstanceOf(InvalidRecistDataException.class)
        .hasMessageContaining("T1 (liver): longest diameter 8 mm is below 10 mm")
        .hasMessageContaining("T2 (hilar lymph node): short axis 12 mm");
  }

  @Test
  void newLesionIdsAreChecked() {
    List<BaselineLesion> lesions = List.of(target("T1", LesionSite.LUNG, "30", LesionRole.PRIMARY));
    assertThatThrownBy(() -> evaluator.evaluate(assessments(B, lesions,
        on(B, 42).targets("T1", "30").newLesion("T1", LesionSite.LIVER, false))))
        .isInstanceOf(InvalidRecistDataException.class)
        .hasMessage("assessments[0] (2024-02-12): newLesions: T1 is a baseline lesion id; a new lesion needs its "
            + "own id (NL1, NL2, ..)");
    assertThatThrownBy(() -> evaluator.evaluate(assessments(B, lesions,
        on(B, 42).targets("T1", "30").newLesion("NL1", LesionSite.LIVER, true),
        on(B, 84).targets("T1", "30").newLesion("NL1", LesionSite.BONE, false))))
        .isInstanceOf(InvalidRecistDataException.class)
        .hasMessageContaining("NL1 was recorded in the liver before and is now in the bone");
  }

  @Test
  void aTargetNotEvaluableMakesTheTargetResponseNe() {
    List<BaselineLesion> lesions = List.of(
        target("T1", LesionSite.LUNG, "30", LesionRole.PRIMARY),
        target("T2", LesionSite.LIVER, "20", LesionRole.OTHER));
    TumourEvaluation e = evaluator.evaluate(assessments(B, lesions, on(B, 42).targets("T1", "28", "T2", null)));
    AssessmentResult r = e.recist().assessments().get(0);
    assertThat(r.target()).isEqualTo(TargetResponse.NE);
    assertThat(r.targetsNotEvaluated()).containsExactly("T2");
    assertThat(e.progressionDate()).isNull();
  }
}
