package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevelOrderTest {

  @Test
  void numbersByValueAsRFactorOfANumericColumn() {
    // R: levels(factor(c(100, 30, 90, 40))) is "30" "40" "90" "100"
    assertThat(LevelOrder.sort(List.of("100", "30", "90", "40"))).containsExactly("30", "40", "90", "100");
    assertThat(LevelOrder.sort(List.of("-1.5", "1e1", "2"))).containsExactly("-1.5", "2", "1e1");
  }

  @Test
  void anyTextMakesAllTextAsRFactorOfACharacterColumnInTheCLocale() {
    // R (LC_COLLATE=C): levels(factor(c("10", "9", "A", "b", "B"))) is "10" "9" "A" "B" "b"
    assertThat(LevelOrder.sort(List.of("10", "9", "A", "b", "B"))).containsExactly("10", "9", "A", "B", "b");
    assertThat(LevelOrder.isNumber("NaN")).isFalse();
    assertThat(LevelOrder.isNumber("1d")).isFalse();
    assertThat(LevelOrder.isNumber("Inf")).isFalse();
  }

  @Test
  void survivalDataNumbersItsGroupsInThatOrder() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new boolean[] {true, true, false},
        new String[] {"100", "30", "90"});
    assertThat(d.groupLabels()).containsExactly("30", "90", "100");
    assertThat(d.group(0)).isEqualTo(2);
  }
}
