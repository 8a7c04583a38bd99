package org.oligotrial.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Properties of the group-sequential computation that do not need rpact, and published tables. */
class GroupSequentialBoundariesTest {

  static GroupSequentialSpec spec(List<Double> rates, double alpha, int sides, double power, String efficacy,
      String futility, boolean binding) {
    return new GroupSequentialSpec(rates, alpha, sides, power, EfficacyBoundary.parse(efficacy),
        FutilityRule.parse(futility), binding);
  }

  @Test
  void oneLookIsTheFixedDesign() {
    // z_{0.975} = 1.959963984540054; drift z_{0.975} + z_{0.8} = 1.959963984540054 + 0.8416212335729143
    GroupSequentialDesign d = GroupSequentialBoundaries.compute(spec(List.of(1.0), 0.05, 2, 0.8, "of", "none",
        false));
    assertThat(d.stages().get(0).criticalZ()).isCloseTo(1.959963984540054, Offset.offset(1e-9));
    assertThat(d.drift()).isCloseTo(1.959963984540054 + 0.8416212335729143, Offset.offset(1e-9));
    assertThat(d.inflationFactor()).isCloseTo(1, Offset.offset(1e-9));
    assertThat(d.expectedInformationH1()).isCloseTo(1, Offset.offset(1e-9));
  }

  @Test
  void publishedClassicalConstants() {
    // Jennison and Turnbull (2000) Table 2.1: Pocock C_P(K = 4, alpha = 0.05) = 2.361, Table 2.3: O'Brien-Fleming
    // C_B(K = 5, alpha = 0.05) = 2.040, so c_k = 2.040 sqrt(5/k); Table 2.1 R_P(4, 0.05, 0.1) = 1.183
    GroupSequentialDesign p = GroupSequentialBoundaries.compute(spec(GroupSequentialSpec.equallySpaced(4), 0.05, 2,
        0.9, "classical-pocock", "none", false));
    assertThat(p.stages().get(0).criticalZ()).isCloseTo(2.361, Offset.offset(5e-4));
    assertThat(p.inflationFactor()).isCloseTo(1.183, Offset.offset(5e-4));
    GroupSequentialDesign of = GroupSequentialBoundaries.compute(spec(GroupSequentialSpec.equallySpaced(5), 0.05, 2,
        0.9, "classical-of", "none", false));
    assertThat(of.stages().get(4).criticalZ()).isCloseTo(2.040, Offset.offset(5e-4));
    assertThat(of.stages().get(0).criticalZ()).isCloseTo(2.040 * Math.sqrt(5), Offset.offset(5e-3));
  }

  @Test
  void theGridOfTheDefaultAgreesWithAFinerOne() {
    // r = 32 against r = 64 (Simpson's rule errs as h^4: the difference bounds the default's error)
    GroupSequentialSpec s = spec(List.of(0.2, 0.35, 0.6, 0.8, 1.0), 0.025, 1, 0.9, "hsd:-2", "beta-kd:2", true);
    GroupSequentialDesign a = GroupSequentialBoundaries.compute(s, 32);
    GroupSequentialDesign b = GroupSequentialBoundaries.compute(s, 64);
    for (int i = 0; i < 5; i++) {
      assertThat(a.stages().get(i).criticalZ()).isCloseTo(b.stages().get(i).criticalZ(), Percentage.withPercentage(1e-4));
      assertThat(a.stages().get(i).futilityZ()).isCloseTo(b.stages().get(i).futilityZ(), Offset.offset(1e-6));
      assertThat(a.stages().get(i).cumulativePower())
          .isCloseTo(b.stages().get(i).cumulativePower(), Percentage.withPercentage(1e-4));
    }
    assertThat(a.inflationFactor()).isCloseTo(b.inflationFactor(), Percentage.withPercentage(1e-4));
  }

  @Test
  void nonBindingFutilityLeavesTheEfficacyBoundsAlone() {
    GroupSequentialDesign none = GroupSequentialBoundaries.compute(spec(GroupSequentialSpec.equallySpaced(4), 0.025,
        1, 0.8, "of", "none", false));
    GroupSequentialDesign nonBinding = GroupSequentialBoundaries.compute(spec(GroupSequentialSpec.equallySpaced(4),
        0.025, 1, 0.8, "of", "beta-of", false));
    GroupSequentialDesign binding = GroupSequentialBoundaries.compute(spec(GroupSequentialSpec.equallySpaced(4),
        0.025, 1, 0.8, "of", "beta-of", true));
    for (int i = 0; i < 4; i++) {
      assertThat(nonBinding.stages().get(i).criticalZ()).isEqualTo(none.stages().get(i).criticalZ());
    }
    // binding futility makes later efficacy bounds lower (alpha no longer spent on paths stopped for futility)
    assertThat(binding.stages().get(3).criticalZ()).isLessThan(none.stages().get(3).criticalZ());
    // each has the power asked, and the rejection probabilities under H1 add up to it
    for (GroupSequentialDesign d : List.of(none, nonBinding, binding)) {
      assertThat(d.power()).isCloseTo(0.8, Offset.offset(1e-9));
      assertThat(d.stages().stream().mapToDouble(GroupSequentialDesign.Stage::rejectH1).sum())
          .isCloseTo(0.8, Offset.offset(1e-9));
    }
    // with non-binding futility the alpha actually risked when futility is obeyed is below alpha
    assertThat(nonBinding.stages().stream().mapToDouble(GroupSequentialDesign.Stage::rejectH0).sum())
        .isLessThan(0.025);
  }

  @Test
  void badSpecsAreRefusedByName() {
    assertThatThrownBy(() -> spec(List.of(0.5, 0.4, 1.0), 0.025, 1, 0.8, "of", "none", false))
        .hasMessageContaining("information rates must increase");
    assertThatThrownBy(() -> spec(List.of(0.5, 0.9), 0.025, 1, 0.8, "of", "none", false))
        .hasMessageContaining("last information rate must be 1");
    assertThatThrownBy(() -> spec(List.of(0.5, 1.0), 0.05, 2, 0.8, "of", "z:0.5", false))
        .hasMessageContaining("one-sided designs only");
    assertThatThrownBy(() -> spec(List.of(0.5, 1.0), 0.025, 1, 0.8, "of", "none", true))
        .hasMessageContaining("binding needs a futility rule");
    assertThatThrownBy(() -> spec(List.of(0.5, 1.0), 0.025, 1, 0.8, "kd:0", "none", false))
        .hasMessageContaining("rho");
    assertThatThrownBy(() -> GroupSequentialBoundaries.compute(spec(List.of(0.5, 1.0), 0.025, 1, 0.8, "classical-of",
        "beta-of", false))).hasMessageContaining("alpha-spending");
    // rpact refuses futility bounds at or above the critical values too
    assertThatThrownBy(() -> GroupSequentialBoundaries.compute(spec(List.of(0.5, 1.0), 0.025, 1, 0.8, "of", "z:3",
        false))).hasMessageContaining("futility z value 3.0 at look 1 is not below the efficacy bound 2.9626");
  }
}
