package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimpleRandomizerTest {

  @Test
  void oneToOneAndTwoToOneProportionsAreWithinBinomialTolerance() {
    for (String ratio : List.of("1:1", "2:1")) {
      RandomizationScheme scheme = new RandomizationScheme(List.of(), AllocationRatio.parse(ratio, List.of("RT+", "RT-")),
          new MethodParameters.Simple());
      Randomizer r = Randomizers.create(scheme, SecretSeed.derivedFrom("simple " + ratio));
      RandomizationState state = RandomizationState.empty(2);
      for (int i = 0; i < 4000; i++) {
        state = r.allocate(state, ParticipantFactors.none()).state();
      }
      double expected = ratio.equals("1:1") ? 0.5 : 2.0 / 3;
      // sd = sqrt(q(1-q)/4000) <= 0.0079; tolerance 4 sd
      assertThat(state.armTotals().get(0) / 4000.0).as(ratio).isCloseTo(expected, within(0.032));
    }
  }

  @Test
  void drawMapsToTheCumulativeRatio() {
    int[] ratio = {2, 1};
    assertThat(SimpleRandomizer.armForDraw(ratio, 3, 0.0)).isZero();
    assertThat(SimpleRandomizer.armForDraw(ratio, 3, 0.6666)).isZero();
    assertThat(SimpleRandomizer.armForDraw(ratio, 3, 2.0 / 3)).isEqualTo(1);
    assertThat(SimpleRandomizer.armForDraw(ratio, 3, 0.99999)).isEqualTo(1);
  }

  @Test
  void recordedDrawsReplayWithoutTheSeed() {
    RandomizationScheme scheme = Nct03119519.scheme(new MethodParameters.Simple());
    List<Allocation> log = Fixtures.allocations(Fixtures.randomizeAll(
        Randomizers.create(scheme, SecretSeed.derivedFrom("simple replay")), Fixtures.participants(scheme, 100, 1)));
    assertThat(AllocationReplay.fromRecordedDraws(scheme, log).reproduced()).isTrue();
  }
}
