package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.recist.RecistFixtures.at;
import static org.oligotrial.recist.RecistFixtures.baseline;
import static org.oligotrial.recist.RecistFixtures.evaluate;
import static org.oligotrial.recist.RecistFixtures.lesion;
import static org.oligotrial.recist.RecistFixtures.node;
import static org.oligotrial.recist.RecistFixtures.targets;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lesion that disappears and reappears: progression when the previous assessment was an overall complete response
 * (any reappearing lesion), otherwise only through the sums (EORTC RECIST FAQ, "Does a new lesion always result in
 * PD?"; the RECIST 1.1 working group's clarification of Eisenhauer et al. 2009).
 */
class ReappearanceAfterCompleteResponseTest {

  private final Baseline twoLesions = baseline(lesion("T1", "lung", "50"), lesion("T2", "liver", "30"));

  @Test
  void aTargetMeasuredAgainRightAfterCompleteResponseIsProgressionThoughTheSumsSayPartialResponse() {
    // nadir 0 mm: 4 mm is below the 5 mm absolute increase, and 4 / 80 is a 95% decrease from baseline (PR)
    RecistEvaluation e = evaluate(twoLesions, at(50, targets("T1", "0", "T2", "0")),
        at(110, targets("T1", "4", "T2", "0")));
    AssessmentResult second = e.assessments().get(1);
    assertThat(second.target()).isEqualTo(TargetResponse.PR);
    assertThat(second.overall()).isEqualTo(OverallResponse.PD);
    assertThat(second.reappearedAfterCr()).isTrue();
    assertThat(e.progressionDate()).isEqualTo(RecistFixtures.BASELINE_DATE.plusDays(110));
    assertThat(e.bestOverallResponse()).isEqualTo(OverallResponse.CR);
  }

  @Test
  void aNodeReappearsAtTenMillimetresShortAxisNotBelow() {
    Baseline withNode = baseline(lesion("T1", "lung", "40"), node("N1", "25"));
    AssessmentResult at99 = evaluate(withNode, at(50, targets("T1", "0", "N1", "8")),
        at(110, targets("T1", "0", "N1", "9.9"))).assessments().get(1);
    assertThat(at99.overall()).isEqualTo(OverallResponse.CR);
    assertThat(at99.reappearedAfterCr()).isFalse();
    AssessmentResult at10 = evaluate(withNode, at(50, targets("T1", "0", "N1", "8")),
        at(110, targets("T1", "0", "N1", "10"))).assessments().get(1);
    assertThat(at10.overall()).isEqualTo(OverallResponse.PD);
    assertThat(at10.reappearedAfterCr()).isTrue();
  }

  @Test
  void aNonTargetPresentAgainAfterCompleteResponseIsProgression() {
    Baseline b = baseline(List.of(lesion("T1", "lung", "40")), List.of(new NonTargetLesion("NT1", "bone")));
    RecistEvaluation e = evaluate(b,
        at(50, targets("T1", "0"), Map.of("NT1", NonTargetStatus.ABSENT), NewLesions.NO),
        at(110, targets("T1", "0"), Map.of("NT1", NonTargetStatus.PRESENT), NewLesions.NO));
    assertThat(e.assessments().get(1).nonTarget()).isEqualTo(NonTargetResponse.NON_CR_NON_PD);
    assertThat(e.assessments().get(1).overall()).isEqualTo(OverallResponse.PD);
    // without targets too
    Baseline only = baseline(List.of(), List.of(new NonTargetLesion("NT1", "bone")));
    RecistEvaluation o = evaluate(only, at(50, Map.of(), Map.of("NT1", NonTargetStatus.ABSENT), NewLesions.NO),
        at(110, Map.of(), Map.of("NT1", NonTargetStatus.PRESENT), NewLesions.NO));
    assertThat(o.assessments().get(1).overall()).isEqualTo(OverallResponse.PD);
  }

  @Test
  void afterAPartialResponseAReappearingLesionCountsOnlyThroughTheSums() {
    // PR (T1 gone, T2 still there), then T1 measured again at 4 mm: sum 24 against nadir 20, +4 mm: not PD
    RecistEvaluation e = evaluate(twoLesions, at(50, targets("T1", "0", "T2", "20")),
        at(110, targets("T1", "4", "T2", "20")));
    assertThat(e.assessments().get(0).overall()).isEqualTo(OverallResponse.PR);
    assertThat(e.assessments().get(1).overall()).isEqualTo(OverallResponse.PR);
    assertThat(e.assessments().get(1).reappearedAfterCr()).isFalse();
    assertThat(e.progressionDate()).isNull();
  }

  @Test
  void aTargetNotEvaluatedAfterCompleteResponseIsNotAReappearance() {
    RecistEvaluation e = evaluate(twoLesions, at(50, targets("T1", "0", "T2", "0")),
        at(110, targets("T1", null, "T2", "0")));
    assertThat(e.assessments().get(1).overall()).isEqualTo(OverallResponse.NE);
    assertThat(e.assessments().get(1).reappearedAfterCr()).isFalse();
  }

  @Test
  void onlyTheAssessmentRightAfterTheCompleteResponseCounts() {
    // CR, then NE (a target not measured), then T1 at 4 mm: the previous overall response is NE, not CR
    RecistEvaluation e = evaluate(twoLesions, at(50, targets("T1", "0", "T2", "0")),
        at(110, targets("T1", null, "T2", "0")), at(170, targets("T1", "4", "T2", "0")));
    assertThat(e.assessments().get(2).overall()).isEqualTo(OverallResponse.PR);
    assertThat(e.assessments().get(2).reappearedAfterCr()).isFalse();
  }
}
