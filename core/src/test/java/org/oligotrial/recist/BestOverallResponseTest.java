package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.recist.RecistFixtures.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Best overall response without confirmation (RECIST 1.1 section 4.4.1), SD needing 42 days from baseline. */
class BestOverallResponseTest {

  private final Baseline b = baseline(lesion("T1", "lung", "50"));

  @Test
  void stableDiseaseAt42DaysCounts() {
    assertThat(evaluate(b, at(42, targets("T1", "50"))).bestOverallResponse()).isEqualTo(OverallResponse.SD);
  }

  @Test
  void stableDiseaseAt41DaysAloneIsNotEvaluable() {
    RecistEvaluation e = evaluate(b, at(41, targets("T1", "50")));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.NE);
    assertThat(e.progressionDate()).isNull();
  }

  @Test
  void tooEarlyStableDiseaseFollowedByProgressionIsProgression() {
    // day 41 SD (too early), day 84 PD (50 -> 60: +20%, +10 mm)
    RecistEvaluation e = evaluate(b, at(41, targets("T1", "50")), at(84, targets("T1", "60")));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.PD);
    assertThat(e.progressionDate()).isEqualTo(BASELINE_DATE.plusDays(84));
  }

  @Test
  void tooEarlyStableDiseaseThenNotEvaluableIsNotEvaluable() {
    Baseline two = baseline(lesion("T1", "lung", "50"), lesion("T2", "liver", "50"));
    RecistEvaluation e = evaluate(two, at(30, targets("T1", "50", "T2", "50")), at(84, targets("T1", "50")));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.NE);
  }

  @Test
  void stableDiseaseLongEnoughThenProgressionIsStableDisease() {
    RecistEvaluation e = evaluate(b, at(42, targets("T1", "50")), at(84, targets("T1", "60")));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.SD);
  }

  @Test
  void partialResponseNeedsNoMinimumIntervalOrConfirmation() {
    // day 20: 35 mm = -30% (PR); day 60: progression (nadir 35 -> 42: +20%, +7 mm)
    RecistEvaluation e = evaluate(b, at(20, targets("T1", "35")), at(60, targets("T1", "42")));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.PR);
  }

  @Test
  void completeResponseAnywhereBeforeProgressionIsBest() {
    RecistEvaluation e = evaluate(b, at(42, targets("T1", "30")), at(84, targets("T1", "0")),
        at(126, targets("T1", "20")));
    assertThat(e.assessments()).extracting(AssessmentResult::overall)
        .containsExactly(OverallResponse.PR, OverallResponse.CR, OverallResponse.PD);
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.CR);
  }

  @Test
  void responsesAfterProgressionAreIgnored() {
    RecistEvaluation e = evaluate(b, at(42, targets("T1", "60")), at(84, targets("T1", "0")));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.PD);
  }

  @Test
  void noAssessmentIsNotEvaluable() {
    RecistEvaluation e = evaluate(b);
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.NE);
    assertThat(e.progressionDate()).isNull();
  }

  @Test
  void minimumIntervalIsAParameter() {
    RecistEvaluation e = new RecistEvaluator(56).evaluate(b, List.of(at(42, targets("T1", "50"))));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.NE);
    assertThat(e.minSdDays()).isEqualTo(56);
  }

  @Test
  void nonTargetOnlyDiseaseHasNonCrNonPdAsBestResponseAfter42Days() {
    Baseline nt = baseline(List.of(), List.of(new NonTargetLesion("NT1", "bone")));
    RecistEvaluation e = evaluate(nt, at(42, Map.of(), Map.of("NT1", NonTargetStatus.PRESENT), NewLesions.NO));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.NON_CR_NON_PD);
  }
}
