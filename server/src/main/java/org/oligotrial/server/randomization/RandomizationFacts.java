package org.oligotrial.server.randomization;

import java.util.List;
import java.util.Optional;

/**
 * The randomization records as other features may read them (data capture: the date, the arm and the
 * stratification levels); the randomization feature owns the {@code randomization} table, and no other feature names
 * it in SQL ({@code TablesAreReadByTheirOwnerTest}). Implementations are thread-safe.
 */
public interface RandomizationFacts {
  /** The participant's randomization, or empty when not randomized. */
  Optional<Randomized> find(String participantId);

  /** Every randomized participant, in randomization order. */
  List<Randomized> all();

  /** No randomization records at all (until the randomization feature's table is available). */
  RandomizationFacts NONE = new RandomizationFacts() {
    @Override
    public Optional<Randomized> find(String participantId) {
      return Optional.empty();
    }

    @Override
    public List<Randomized> all() {
      return List.of();
    }
  };
}
