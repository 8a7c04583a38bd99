package org.oligotrial.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CovariateCodingTest {

  @Test
  void numbersStayOneColumnAndLabelsBecomeDummiesAgainstTheFirstSortedLevel() {
    CovariateCoding.Result r = CovariateCoding.code(List.of(
        new CovariateCoding.RawColumn("age", new String[] {"61", "70.5", "1e1"}, false, null),
        new CovariateCoding.RawColumn("sex", new String[] {"male", "female", "male"}, false, null)));
    assertThat(r.covariates().names()).containsExactly("age", "sexmale");
    assertThat(r.covariates().columns()[0]).containsExactly(61, 70.5, 10);
    assertThat(r.covariates().columns()[1]).containsExactly(1, 0, 1);
    assertThat(r.codings().get(1).reference()).isEqualTo("female");
  }

  @Test
  void numericColumnCanBeForcedCategoricalWithAChosenReference() {
    CovariateCoding.Result r = CovariateCoding.code(List.of(
        new CovariateCoding.RawColumn("ecog", new String[] {"0", "1", "2", "1"}, true, "1")));
    assertThat(r.covariates().names()).containsExactly("ecog0", "ecog2");
    assertThat(r.covariates().columns()[0]).containsExactly(1, 0, 0, 0);
    assertThat(r.covariates().columns()[1]).containsExactly(0, 0, 1, 0);
  }

  @Test
  void unknownReferenceAndSingleLevelAreRefused() {
    assertThatThrownBy(() -> CovariateCoding.code(List.of(
            new CovariateCoding.RawColumn("arm", new String[] {"A", "B"}, false, "C"))))
        .hasMessageContaining("'C'")
        .hasMessageContaining("A, B");
    assertThatThrownBy(() -> CovariateCoding.code(List.of(
            new CovariateCoding.RawColumn("arm", new String[] {"A", "A"}, false, null))))
        .hasMessageContaining("only the level 'A'");
  }
}
