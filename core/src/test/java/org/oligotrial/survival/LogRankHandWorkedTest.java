package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Small log-rank examples worked by hand; tolerance 1e-12 absolute. */
class LogRankHandWorkedTest {

  @Test
  void twoGroupsByHand() {
    // A: 1, 3   B: 2, 4+
    // t=1: n=4 (A 2, B 2) d=1: E_A += 2/4;  V_AA += d(n-d)/(n-1) * (2/4)(1-2/4) = 1 * 1/4
    // t=2: n=3 (A 1, B 2) d=1: E_A += 1/3;  V_AA += 1*2/2 * (1/3)(2/3) = 2/9
    // t=3: n=2 (A 1, B 1) d=1: E_A += 1/2;  V_AA += 1*1/1 * (1/2)(1/2) = 1/4
    // O_A = 2, E_A = 4/3, V = 13/18, chisq = (2/3)^2 / (13/18) = 8/13; R survdiff gives 0.615384615384615
    SurvivalData d = SurvivalData.of(new double[] {1, 3, 2, 4}, new boolean[] {true, true, true, false},
        new String[] {"A", "A", "B", "B"});
    LogRankResult r = LogRankTest.test(d);
    assertThat(r.chisq()).isCloseTo(8.0 / 13, within(1e-12));
    assertThat(r.df()).isEqualTo(1);
    assertThat(r.groups().get(0).observed()).isEqualTo(2);
    assertThat(r.groups().get(0).expected()).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(r.groups().get(1).expected()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(r.variance()[0][0]).isCloseTo(13.0 / 18, within(1e-12));
    // p = P(chi2_1 > 8/13) = 2 (1 - Phi(sqrt(8/13)))
    double p = 2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution()
        .cumulativeProbability(Math.sqrt(8.0 / 13)));
    assertThat(r.p()).isCloseTo(p, within(1e-12));
  }

  @Test
  void strataAddTheirObservedExpectedAndVariance() {
    // the same two-group data in two strata: every sum doubles, so chisq doubles: 16/13
    SurvivalData d = SurvivalData.of(new double[] {1, 3, 2, 4, 1, 3, 2, 4},
        new boolean[] {true, true, true, false, true, true, true, false},
        new String[] {"A", "A", "B", "B", "A", "A", "B", "B"},
        new String[] {"x", "x", "x", "x", "y", "y", "y", "y"});
    LogRankResult r = LogRankTest.test(d);
    assertThat(r.chisq()).isCloseTo(16.0 / 13, within(1e-12));
    assertThat(r.strata()).isEqualTo(2);
    assertThat(r.groups().get(0).n()).isEqualTo(4);
  }

  @Test
  void singularVarianceIsRejectedAsInR() {
    // one time, n=2, d=2: V = d(n-d)/(n-1) ... = 0; R stops with "system is exactly singular"
    SurvivalData d = SurvivalData.of(new double[] {1, 1}, new boolean[] {true, true}, new String[] {"A", "B"});
    assertThatThrownBy(() -> LogRankTest.test(d)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("singular");
  }

  @Test
  void threeGroupsByHand() {
    // A: 1  B: 2  C: 3+ ; R 4.2.2, survival 3.5-3 survdiff: chisq 2.600000000000001 on 2 df
    // t=1: n=3 d=1: E = 1/3 each; t=2: n=2 (B, C) d=1: E_B += 1/2, E_C += 1/2
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new boolean[] {true, true, false},
        new String[] {"A", "B", "C"});
    LogRankResult r = LogRankTest.test(d);
    assertThat(r.df()).isEqualTo(2);
    assertThat(r.groups().get(1).expected()).isCloseTo(1.0 / 3 + 0.5, within(1e-12));
    assertThat(r.chisq()).isCloseTo(2.6, within(1e-12));
  }

  @Test
  void needsTwoGroups() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2}, new boolean[] {true, true});
    assertThatThrownBy(() -> LogRankTest.test(d)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two groups");
  }
}
