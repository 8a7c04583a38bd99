package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oligotrial.recist.RecistFixtures.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Baseline and follow-up data rules (RECIST 1.1 section 4.2 and the input contract), each with its message. */
class BaselineRulesTest {

  @Test
  void nonNodalTargetOf10MmIsAccepted() {
    assertThat(evaluate(baseline(lesion("T1", "lung", "10"))).baselineSum()).isEqualByComparingTo("10");
  }

  @Test
  void nonNodalTargetOf9MmIsRejectedNamingTheLesion() {
    assertThatThrownBy(() -> evaluate(baseline(lesion("T1", "lung", "9"))))
        .isInstanceOf(InvalidRecistDataException.class)
        .hasMessageContaining("'T1'").hasMessageContaining("10 mm");
  }

  @Test
  void nodeOf15MmShortAxisIsAccepted() {
    assertThat(evaluate(baseline(node("N1", "15"))).baselineSum()).isEqualByComparingTo("15");
  }

  @Test
  void nodeOf14MmShortAxisIsRejected() {
    assertThatThrownBy(() -> evaluate(baseline(node("N1", "14"))))
        .isInstanceOf(InvalidRecistDataException.class)
        .hasMessageContaining("'N1'").hasMessageContaining("15 mm");
  }

  @Test
  void fiveTargetsAreAcceptedSixAreNot() {
    TargetLesion[] five = {lesion("A", "lung", "10"), lesion("B", "lung", "10"), lesion("C", "liver", "10"),
        lesion("D", "liver", "10"), lesion("E", "adrenal", "10")};
    assertThat(evaluate(baseline(five)).baselineSum()).isEqualByComparingTo("50");
    TargetLesion[] six = {five[0], five[1], five[2], five[3], five[4], lesion("F", "bone", "10")};
    assertThatThrownBy(() -> evaluate(baseline(six))).hasMessageContaining("at most 5");
  }

  @Test
  void thirdTargetInOneOrganIsRejected() {
    assertThatThrownBy(() -> evaluate(baseline(lesion("A", "liver", "10"), lesion("B", "Liver", "10"),
        lesion("C", "liver ", "10"))))
        .isInstanceOf(InvalidRecistDataException.class)
        .hasMessageContaining("'C'").hasMessageContaining("two per organ");
  }

  @Test
  void duplicateIdAcrossTargetAndNonTargetIsRejected() {
    Baseline b = baseline(List.of(lesion("L1", "lung", "20")), List.of(new NonTargetLesion("L1", "bone")));
    assertThatThrownBy(() -> evaluate(b)).hasMessageContaining("'L1'").hasMessageContaining("unique");
  }

  @Test
  void baselineWithoutLesionsIsRejected() {
    assertThatThrownBy(() -> evaluate(baseline())).hasMessageContaining("at least one");
  }

  @Test
  void assessmentOnTheBaselineDateIsRejected() {
    assertThatThrownBy(() -> evaluate(baseline(lesion("T1", "lung", "20")), at(0, targets("T1", "20"))))
        .hasMessageContaining("assessments[0]").hasMessageContaining("after the baseline date");
  }

  @Test
  void assessmentsOutOfDateOrderAreRejected() {
    assertThatThrownBy(() -> evaluate(baseline(lesion("T1", "lung", "20")), at(84, targets("T1", "20")),
        at(42, targets("T1", "20"))))
        .hasMessageContaining("assessments[1]").hasMessageContaining("previous assessment");
  }

  @Test
  void unknownTargetIdIsRejected() {
    assertThatThrownBy(() -> evaluate(baseline(lesion("T1", "lung", "20")), at(42, targets("T9", "20"))))
        .hasMessageContaining("'T9'").hasMessageContaining("not a baseline target");
  }

  @Test
  void unknownNonTargetIdIsRejected() {
    Baseline b = baseline(List.of(lesion("T1", "lung", "20")), List.of(new NonTargetLesion("NT1", "bone")));
    assertThatThrownBy(() -> evaluate(b,
        at(42, targets("T1", "20"), Map.of("T1", NonTargetStatus.PRESENT), NewLesions.NO)))
        .hasMessageContaining("'T1'").hasMessageContaining("target lesion, not a non-target");
  }

  @Test
  void negativeMeasureIsRejected() {
    assertThatThrownBy(() -> evaluate(baseline(lesion("T1", "lung", "20")), at(42, targets("T1", "-1"))))
        .hasMessageContaining("'T1'").hasMessageContaining("between 0 and 1000 mm");
  }
}
