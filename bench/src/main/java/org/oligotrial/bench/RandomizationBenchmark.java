package org.oligotrial.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.oligotrial.randomization.AllocationStep;
import org.oligotrial.randomization.ParticipantFactors;
import org.oligotrial.randomization.RandomizationScheme;
import org.oligotrial.randomization.RandomizationState;
import org.oligotrial.randomization.Randomizer;
import org.oligotrial.randomization.Randomizers;
import org.oligotrial.randomization.SecretSeed;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.randomization.simulation.MethodSummary;
import org.oligotrial.randomization.simulation.TrialSimulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One live allocation after a full trial's history (148 participants already randomized), as the server makes it
 * under its per-trial lock: minimization and permuted blocks, each including the keyed HMAC-SHA256 draw and the new
 * immutable state. Plus one simulation of 1000 trials of 148 participants, to size {@code randomization simulate}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RandomizationBenchmark {

  private static final double[][] PREVALENCE = {{0.3, 0.7}, {0.35, 0.65}, {0.25, 0.75}, {0.4, 0.6}, {0.4, 0.6}};

  private Randomizer minimization;
  private Randomizer blocks;
  private RandomizationState minimizationState;
  private RandomizationState blocksState;
  private ParticipantFactors next;
  private RandomizationScheme minimizationScheme;

  @Setup
  public void setUp() {
    SecretSeed seed = SecretSeed.derivedFrom("benchmark");
    // the bundled protocol's factors and arms (protocols/nct03119519.yaml)
    Protocol protocol = ProtocolLoader.bundled();
    minimizationScheme = ProtocolRandomization.scheme(protocol, "minimization");
    minimization = Randomizers.create(minimizationScheme, seed);
    blocks = Randomizers.create(ProtocolRandomization.scheme(protocol, "permuted-blocks"), seed);
    SplittableRandom rnd = new SplittableRandom(148);
    minimizationState = RandomizationState.empty(2);
    blocksState = RandomizationState.empty(2);
    for (int i = 0; i < 148; i++) {
      ParticipantFactors p = participant(rnd);
      minimizationState = minimization.allocate(minimizationState, p).state();
      blocksState = blocks.allocate(blocksState, p).state();
    }
    next = participant(rnd);
  }

  private ParticipantFactors participant(SplittableRandom rnd) {
    int[] levels = new int[5];
    for (int f = 0; f < 5; f++) {
      levels[f] = rnd.nextDouble() < PREVALENCE[f][0] ? 0 : 1;
    }
    return minimizationScheme.participant(levels);
  }

  @Benchmark
  public AllocationStep minimizationAllocationAfter148() {
    return minimization.allocate(minimizationState, next);
  }

  @Benchmark
  public AllocationStep permutedBlockAllocationAfter148() {
    return blocks.allocate(blocksState, next);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<MethodSummary> simulate1000TrialsOf148Minimization() {
    return TrialSimulation.run(List.of(minimizationScheme), PREVALENCE, 148, 1000, 1);
  }
}
