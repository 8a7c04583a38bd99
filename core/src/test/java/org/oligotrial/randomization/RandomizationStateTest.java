package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RandomizationStateTest {

  private static final RandomizationScheme MIN = Nct03119519.scheme(MethodParameters.Minimization.equalWeights(5, 0.8));
  private static final RandomizationScheme BLOCKS = Nct03119519.scheme(new MethodParameters.PermutedBlocks(List.of(2, 4, 6)));
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void stateRebuiltFromTheLogEqualsTheStateCarriedAlong() {
    List<AllocationStep> steps = Fixtures.randomizeAll(Randomizers.create(MIN, SecretSeed.derivedFrom("s")),
        Fixtures.participants(MIN, 148, 2));
    assertThat(RandomizationState.fromHistory(MIN, Fixtures.allocations(steps)))
        .isEqualTo(steps.get(147).state());
  }

  @Test
  void stateAndAllocationsRoundTripThroughJsonForEveryMethod() {
    for (RandomizationScheme scheme : List.of(MIN, BLOCKS, Nct03119519.scheme(new MethodParameters.Simple()))) {
      List<AllocationStep> steps = Fixtures.randomizeAll(Randomizers.create(scheme, SecretSeed.derivedFrom("json")),
          Fixtures.participants(scheme, 40, 4));
      RandomizationState state = steps.get(39).state();
      assertThat(JSON.readValue(JSON.writeValueAsString(state), RandomizationState.class)).isEqualTo(state);
      for (AllocationStep s : steps) {
        String json = JSON.writeValueAsString(s.allocation());
        assertThat(JSON.readValue(json, Allocation.class)).as(json).isEqualTo(s.allocation());
      }
    }
  }

  @Test
  void inconsistentStoredStatesAreRefused() {
    assertThatThrownBy(() -> new RandomizationState(2, List.of(1, 0), Map.of(), Map.of()))
        .hasMessageContaining("do not add up to 2");
    assertThatThrownBy(() -> new RandomizationState(1, List.of(1, 0), Map.of("all", List.of(1)), Map.of()))
        .hasMessageContaining("counts of all must be 2 non-negative numbers");
    assertThatThrownBy(() -> new RandomizationState(1, List.of(1, 0), Map.of("all", List.of(2, -1)), Map.of()))
        .hasMessageContaining("non-negative");
  }

  @Test
  void anAllocationOutOfSequenceIsRefused() {
    Randomizer r = Randomizers.create(MIN, SecretSeed.derivedFrom("seq"));
    AllocationStep first = r.allocate(RandomizationState.empty(2), MIN.participant(new int[5]));
    assertThatThrownBy(() -> first.state().after(MIN, first.allocation()))
        .hasMessageContaining("allocation #1 does not follow 1 allocations");
  }

  @Test
  void oneRandomizerSharedByManyThreadsGivesEachCallerTheSequentialAnswer() throws Exception {
    Randomizer r = Randomizers.create(BLOCKS, SecretSeed.derivedFrom("threads"));
    List<AllocationStep> sequential = Fixtures.randomizeAll(r, Fixtures.participants(BLOCKS, 64, 8));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AllocationStep>> futures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        RandomizationState before = i == 0 ? RandomizationState.empty(2) : sequential.get(i - 1).state();
        ParticipantFactors p = sequential.get(i).allocation().factors();
        futures.add(pool.submit(() -> r.allocate(before, p)));
      }
      for (int i = 0; i < 64; i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
