package org.oligotrial.treatment;

import java.util.Objects;
import java.util.Optional;

/**
 * What a randomized participant receives. Immutable.
 *
 * @param arm the allocated arm
 * @param systemic the first-line systemic regimen
 * @param radiotherapy the local radiotherapy on RT+; {@code null} on RT-
 * @param reason why this regimen, in words
 */
public record TreatmentPlan(TrialArm arm, SystemicRegimen systemic, RadiotherapyPlan radiotherapy, String reason) {
  public TreatmentPlan {
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(systemic, "systemic regimen");
    Objects.requireNonNull(reason, "reason");
    if ((arm == TrialArm.RT_PLUS) != (radiotherapy != null)) {
      throw new IllegalArgumentException("radiotherapy belongs to the RT+ arm and only to it");
    }
  }

  /** The radiotherapy, present on RT+. */
  public Optional<RadiotherapyPlan> radiotherapyPlan() {
    return Optional.ofNullable(radiotherapy);
  }

  /** One line, for example {@code RT+: EGFR tyrosine-kinase inhibitor: gefitinib or erlotinib, plus 3D-CRT or IMRT ...}. */
  public String summary() {
    String s = arm.code() + ": " + systemic.description();
    if (radiotherapy != null) {
      s += ", plus " + String.join(" or ", radiotherapy.techniques()) + " to the "
          + String.join(" and/or the ", radiotherapy.targets()) + ", " + radiotherapy.timing();
    }
    return s + " (" + reason + ")";
  }
}
