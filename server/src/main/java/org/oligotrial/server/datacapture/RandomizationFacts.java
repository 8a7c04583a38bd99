package org.oligotrial.server.datacapture;

import java.util.List;
import java.util.Optional;

/**
 * Reads randomization records (owned by the randomization feature) for data capture: the date, the arm and the
 * stratification levels. Implementations are thread-safe.
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
