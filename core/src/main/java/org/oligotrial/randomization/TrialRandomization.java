package org.oligotrial.randomization;

import java.util.Objects;
import org.oligotrial.treatment.RandomizationBlockedException;
import org.oligotrial.treatment.TreatmentPlan;
import org.oligotrial.treatment.TreatmentPlanner;
import org.oligotrial.treatment.TrialArm;

/**
 * Randomizes one NCT03119519 participant from the raw facts in one call: derive the five levels, allocate, derive
 * the treatment plan. Everything that can refuse (unknown EGFR status, lesion count, undeterminable stage, arms that
 * are not RT+ and RT-) is checked before the allocation is made, so a refusal never consumes a sequence number or
 * a list entry. A pure function; thread-safe.
 */
public final class TrialRandomization {
  private TrialRandomization() {}

  /**
   * The allocation, the state after it and the treatment plan.
   *
   * @param allocation the new allocation
   * @param state the state to store with it
   * @param plan what the participant receives on the allocated arm
   */
  public record Outcome(Allocation allocation, RandomizationState state, TreatmentPlan plan) {
    public Outcome {
      Objects.requireNonNull(allocation, "allocation");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(plan, "plan");
    }
  }

  /**
   * Randomizes the participant described by {@code facts}.
   *
   * @throws RandomizationBlockedException when a factor or the systemic regimen cannot be determined (nothing is
   *     allocated)
   * @throws IllegalArgumentException when the randomizer's arms are not RT+ and RT- or its factors are not the
   *     trial's five, or a T/N category is not valid
   */
  public static Outcome randomize(Randomizer randomizer, RandomizationState state, StratificationFacts facts) {
    for (String arm : randomizer.scheme().ratio().arms()) {
      TrialArm.fromCode(arm);
    }
    ParticipantFactors levels = FactorDerivation.derive(facts, randomizer.scheme());
    AllocationStep step = randomizer.allocate(state, levels);
    TreatmentPlan plan =
        TreatmentPlanner.plan(TrialArm.fromCode(step.allocation().arm()), facts.egfr(), facts.histology());
    return new Outcome(step.allocation(), step.state(), plan);
  }
}
