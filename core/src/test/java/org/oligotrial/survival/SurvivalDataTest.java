package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SurvivalDataTest {

  @Test
  void withoutGroupsEverySubjectIsInOneGroup() {
    SurvivalData d = SurvivalData.of(new double[] {3, 1, 2}, new boolean[] {true, false, true});
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.groupLabels()).containsExactly(SurvivalData.ALL);
    assertThat(d.strataLabels()).containsExactly(SurvivalData.ALL);
    assertThat(d.group(2)).isZero();
    assertThat(d.eventCount()).isEqualTo(2);
  }

  @Test
  void numericGroupLabelsAreOrderedByValueLikeRFactorLevels() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true},
        new String[] {"10", "2", "1", "2"});
    assertThat(d.groupLabels()).containsExactly("1", "2", "10");
    assertThat(d.groups()).containsExactly(2, 1, 0, 1);
  }

  @Test
  void textGroupLabelsAreOrderedAlphabetically() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new boolean[] {true, true, false},
        new String[] {"RT-", "RT+", "RT-"}, new String[] {"b", "a", "a"});
    assertThat(d.groupLabels()).containsExactly("RT+", "RT-");
    assertThat(d.strataLabels()).containsExactly("a", "b");
    assertThat(d.strata()).containsExactly(1, 0, 0);
  }

  @Test
  void subsetKeepsOneGroup() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new boolean[] {true, true, false},
        new String[] {"B", "A", "B"});
    SurvivalData b = d.subset("B");
    assertThat(b.times()).containsExactly(1, 3);
    assertThat(b.events()).containsExactly(true, false);
    assertThat(b.groupLabels()).containsExactly("B");
  }

  @Test
  void arraysAreCopiedSoTheDataCannotChange() {
    double[] t = {1, 2};
    SurvivalData d = SurvivalData.of(t, new boolean[] {true, false});
    t[0] = 99;
    d.times()[1] = 99;
    assertThat(d.times()).containsExactly(1, 2);
  }

  @Test
  void rejectsNegativeNanAndInfiniteTimesAndUnequalLengths() {
    assertThatThrownBy(() -> SurvivalData.of(new double[] {-1}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time[0]");
    assertThatThrownBy(() -> SurvivalData.of(new double[] {Double.NaN}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SurvivalData.of(new double[] {Double.POSITIVE_INFINITY}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SurvivalData.of(new double[] {1, 2}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SurvivalData.of(new double[] {1}, new boolean[] {true}, new String[] {null}))
        .isInstanceOf(NullPointerException.class);
  }
}
