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

  @Test
  void numericLevelsSortByValueSoTheSmallestIsTheReference() {
    // as R's factor(pat.karno): levels 30 < 40 < 100, reference 30 (as text "100" would come first)
    CovariateCoding.Result r = CovariateCoding.code(List.of(
        new CovariateCoding.RawColumn("pat.karno", new String[] {"100", "30", "40", "100"}, true, null)));
    assertThat(r.codings().get(0).reference()).isEqualTo("30");
    assertThat(r.covariates().names()).containsExactly("pat.karno40", "pat.karno100");
    assertThat(r.covariates().columns()[1]).containsExactly(1, 0, 0, 1);
  }

  @Test
  void aColumnOfNumbersWithAWordIsRefusedNotMadeCategorical() {
    assertThatThrownBy(() -> CovariateCoding.code(List.of(
            new CovariateCoding.RawColumn("age", new String[] {"61", ".", "70"}, false, null))))
        .hasMessageContaining("column 'age'")
        .hasMessageContaining("'.' (row 2)")
        .hasMessageContaining("declare the column categorical");
  }

  @Test
  void nearlyOneLevelPerRowIsRefusedButTwentyLevelsAreNot() {
    String[] ids = new String[42];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "P" + (i / 2); // 21 levels in 42 rows: 2 x 21 >= 42
    }
    assertThatThrownBy(() -> CovariateCoding.code(List.of(new CovariateCoding.RawColumn("id", ids, false, null))))
        .hasMessageContaining("21 levels in 42 rows")
        .hasMessageContaining("nearly one level per row");
    String[] sites = new String[40];
    for (int i = 0; i < sites.length; i++) {
      sites[i] = "S" + (i / 2); // 20 levels: allowed however few rows
    }
    assertThat(CovariateCoding.code(List.of(new CovariateCoding.RawColumn("site", sites, false, null)))
        .covariates().size()).isEqualTo(19);
  }
}
