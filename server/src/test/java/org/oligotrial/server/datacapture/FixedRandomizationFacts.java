package org.oligotrial.server.datacapture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.oligotrial.server.randomization.RandomizationFacts;
import org.oligotrial.server.randomization.Randomized;

/** Randomization records set by a test (stands in for the randomization feature's table). Thread-safe. */
public final class FixedRandomizationFacts implements RandomizationFacts {
  private final List<Randomized> records = new CopyOnWriteArrayList<>();

  /** Records a randomization with the therapy level and the other factors at their first level. */
  public Randomized add(String participantId, String arm, LocalDate date, String therapyLevel) {
    Randomized r = new Randomized(participantId, arm, date, Map.of("histology", "non-squamous", "therapy",
        therapyLevel, "intracranial", "no", "metastases", "2-5", "thoracic-stage", "III"));
    records.add(r);
    return r;
  }

  @Override
  public Optional<Randomized> find(String participantId) {
    return records.stream().filter(r -> r.participantId().equals(participantId)).findFirst();
  }

  @Override
  public List<Randomized> all() {
    return new ArrayList<>(records);
  }
}
