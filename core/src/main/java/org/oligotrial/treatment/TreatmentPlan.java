package org.oligotrial.treatment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.oligotrial.protocol.Regimen;

/**
 * What a randomized participant receives. Immutable.
 *
 * @param arm the allocated arm's id, as in the protocol's {@code arms[].id}
 * @param armName the arm's name
 * @param interventions the arm's interventions in words (may be empty)
 * @param regimen the systemic regimen the protocol's rules chose; null when the protocol has no regimen rules
 * @param reason why this regimen, in words; null without a regimen
 */
public record TreatmentPlan(String arm, String armName, List<String> interventions, Regimen regimen, String reason) {
  public TreatmentPlan {
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(armName, "arm name");
    interventions = interventions == null ? List.of() : List.copyOf(interventions);
  }

  /** The regimen, when the protocol derives one. */
  public Optional<Regimen> systemicRegimen() {
    return Optional.ofNullable(regimen);
  }

  /**
   * One line, for example {@code RT+ (Local Definitive Radiotherapy): first-line systemic therapy, 3D-CRT or IMRT to
   * the primary tumour and oligometastatic foci; regimen: EGFR tyrosine-kinase inhibitor (gefitinib, erlotinib)}.
   */
  public String summary() {
    StringBuilder s = new StringBuilder(arm).append(" (").append(armName).append(")");
    if (!interventions.isEmpty()) {
      s.append(": ").append(String.join(", ", interventions));
    }
    if (regimen != null) {
      s.append("; regimen: ").append(regimen.name()).append(" (").append(String.join(", ", regimen.drugs()))
          .append(")");
      if (reason != null) {
        s.append(" - ").append(reason);
      }
    }
    return s.toString();
  }
}
