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

  /**
   * Records a randomization with the first-line therapy level, fixed levels of the other factors of
   * protocols/nct03119519.yaml, and the regimen category the plan would have (targeted for an EGFR-TKI,
   * chemotherapy for a platinum doublet).
   */
  public Randomized add(String participantId, String arm, LocalDate date, String therapyLevel) {
    Randomized r = new Randomized(participantId, arm, date, Map.of("histology", "non-squamous", "first_line",
        therapyLevel, "brain_metastasis", "no", "metastases", "2-5", "thoracic_stage", "III"),
        "targeted".equals(therapyLevel) ? "targeted" : "non-targeted".equals(therapyLevel) ? "chemotherapy" : null);
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
