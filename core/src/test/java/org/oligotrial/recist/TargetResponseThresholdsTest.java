package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.oligotrial.recist.RecistFixtures.*;

import org.junit.jupiter.api.Test;

/** Each target-lesion rule of RECIST 1.1 section 4.3.1 on both sides of its threshold. */
class TargetResponseThresholdsTest {

  // baseline sum 100 mm (two liver lesions of 50 mm)
  private final Baseline hundred = baseline(lesion("T1", "liver", "50"), lesion("T2", "liver", "50"));

  @Test
  void decreaseOfExactly30PercentIsPartialResponse() {
    // 70 / 100 = -30.0%
    AssessmentResult r = only(hundred, at(42, targets("T1", "35", "T2", "35")));
    assertThat(r.target()).isEqualTo(TargetResponse.PR);
    assertThat(r.changeFromBaselinePct()).isCloseTo(-30.0, within(1e-12));
  }

  @Test
  void decreaseOf29Point9PercentIsStableDisease() {
    // 70.1 / 100 = -29.9%
    AssessmentResult r = only(hundred, at(42, targets("T1", "35", "T2", "35.1")));
    assertThat(r.target()).isEqualTo(TargetResponse.SD);
    assertThat(r.changeFromBaselinePct()).isCloseTo(-29.9, within(1e-12));
  }

  @Test
  void increaseOfExactly20PercentAnd20MmIsProgression() {
    // nadir = baseline 100; 120 is +20% and +20 mm
    AssessmentResult r = only(hundred, at(42, targets("T1", "60", "T2", "60")));
    assertThat(r.target()).isEqualTo(TargetResponse.PD);
    assertThat(r.changeFromNadirPct()).isCloseTo(20.0, within(1e-12));
  }

  @Test
  void increaseOf19Point9PercentIsStableDisease() {
    // 119.9 / 100 = +19.9%
    AssessmentResult r = only(hundred, at(42, targets("T1", "60", "T2", "59.9")));
    assertThat(r.target()).isEqualTo(TargetResponse.SD);
  }

  @Test
  void twentyPercentButOnly4MmIsNotProgression() {
    // baseline sum 20 mm (one 20 mm lesion); 24 mm is +20% but only +4 mm
    Baseline twenty = baseline(lesion("T1", "lung", "20"));
    assertThat(only(twenty, at(42, targets("T1", "24"))).target()).isEqualTo(TargetResponse.SD);
  }

  @Test
  void twentyFivePercentAnd5MmIsProgression() {
    // 20 -> 25 mm: +25% and +5 mm
    Baseline twenty = baseline(lesion("T1", "lung", "20"));
    assertThat(only(twenty, at(42, targets("T1", "25"))).target()).isEqualTo(TargetResponse.PD);
  }

  @Test
  void nodeBelow10MmShortAxisGivesCompleteResponse() {
    // non-nodal lesion gone (0 mm), node 9.9 mm short axis: CR although the sum is 9.9 mm
    Baseline b = baseline(lesion("T1", "lung", "30"), node("N1", "20"));
    AssessmentResult r = only(b, at(42, targets("T1", "0", "N1", "9.9")));
    assertThat(r.target()).isEqualTo(TargetResponse.CR);
    assertThat(r.sum()).isEqualByComparingTo("9.9");
  }

  @Test
  void nodeOfExactly10MmIsNotCompleteResponse() {
    // sum 10 of 50 = -80%: PR, not CR
    Baseline b = baseline(lesion("T1", "lung", "30"), node("N1", "20"));
    assertThat(only(b, at(42, targets("T1", "0", "N1", "10"))).target()).isEqualTo(TargetResponse.PR);
  }

  @Test
  void nonNodalLesionStill1MmIsNotCompleteResponse() {
    Baseline b = baseline(lesion("T1", "lung", "30"));
    assertThat(only(b, at(42, targets("T1", "1"))).target()).isEqualTo(TargetResponse.PR);
  }

  @Test
  void progressionIsMeasuredFromTheNadirAfterPartialResponse() {
    // baseline 100; day 42: 60 (PR, -40%); day 84: 72 = +20% over the nadir 60 and +12 mm, yet -28% vs baseline
    RecistEvaluation e = evaluate(hundred, at(42, targets("T1", "30", "T2", "30")),
        at(84, targets("T1", "36", "T2", "36")));
    AssessmentResult second = e.assessments().get(1);
    assertThat(second.nadir()).isEqualByComparingTo("60");
    assertThat(second.changeFromNadirPct()).isCloseTo(20.0, within(1e-12));
    assertThat(second.changeFromBaselinePct()).isCloseTo(-28.0, within(1e-12));
    assertThat(second.target()).isEqualTo(TargetResponse.PD);
  }

  @Test
  void nadirComesFromPriorAssessmentsOnlyAndIncludesBaseline() {
    // first assessment: nadir is the baseline sum 100; second: 60 from the first; the 50 of the second
    // becomes the nadir only for the third
    RecistEvaluation e = evaluate(hundred, at(42, targets("T1", "30", "T2", "30")),
        at(84, targets("T1", "25", "T2", "25")), at(126, targets("T1", "25", "T2", "26")));
    assertThat(e.assessments()).extracting(AssessmentResult::nadir)
        .usingElementComparator(java.math.BigDecimal::compareTo)
        .containsExactly(mm("100"), mm("60"), mm("50"));
  }

  @Test
  void missingTargetGivesNotEvaluable() {
    AssessmentResult r = only(hundred, at(42, targets("T1", "30", "T2", null)));
    assertThat(r.target()).isEqualTo(TargetResponse.NE);
    assertThat(r.targetsNotEvaluated()).containsExactly("T2");
  }

  @Test
  void targetAbsentFromTheMapIsNotEvaluated() {
    assertThat(only(hundred, at(42, targets("T1", "30"))).target()).isEqualTo(TargetResponse.NE);
  }

  @Test
  void measuredTargetsAloneShowingProgressionGiveProgressionDespiteMissingOne() {
    // T1 alone 120 mm >= 100 * 1.2 and +20 mm over the nadir: PD although T2 was not measured
    AssessmentResult r = only(hundred, at(42, targets("T1", "120", "T2", null)));
    assertThat(r.target()).isEqualTo(TargetResponse.PD);
    assertThat(r.overall()).isEqualTo(OverallResponse.PD);
  }

  @Test
  void measuredTargetsJustShortOfProgressionStayNotEvaluable() {
    // T1 alone 119.9 mm: +19.9%, not PD; T2 missing -> NE
    assertThat(only(hundred, at(42, targets("T1", "119.9", "T2", null))).target()).isEqualTo(TargetResponse.NE);
  }

  @Test
  void incompleteAssessmentDoesNotSetTheNadir() {
    // day 42: T1 = 10 with T2 missing (partial sum 10 is no nadir); day 84: 110 is +10% over the nadir 100: SD
    RecistEvaluation e = evaluate(hundred, at(42, targets("T1", "10", "T2", null)),
        at(84, targets("T1", "55", "T2", "55")));
    assertThat(e.assessments().get(1).nadir()).isEqualByComparingTo("100");
    assertThat(e.assessments().get(1).target()).isEqualTo(TargetResponse.SD);
  }

  @Test
  void growthFromZeroNadirNeedsOnly5Mm() {
    // CR with sum 0, then a 5 mm reappearance: the nadir is 0, so +5 mm is PD (percentage undefined)
    Baseline b = baseline(lesion("T1", "lung", "20"));
    RecistEvaluation e = evaluate(b, at(42, targets("T1", "0")), at(84, targets("T1", "5")));
    assertThat(e.assessments().get(1).target()).isEqualTo(TargetResponse.PD);
    assertThat(e.assessments().get(1).changeFromNadirPct()).isNull();
  }

  @Test
  void growthFromZeroNadirOf4MmIsNotProgression() {
    Baseline b = baseline(lesion("T1", "lung", "20"));
    RecistEvaluation e = evaluate(b, at(42, targets("T1", "0")), at(84, targets("T1", "4")));
    assertThat(e.assessments().get(1).target()).isEqualTo(TargetResponse.PR);
  }
}
