package org.oligotrial.treatment;

import java.util.Objects;
import java.util.Optional;
import org.oligotrial.protocol.Arm;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.Regimen;

/**
 * The treatment plan of a participant allocated to an arm: the arm's interventions from the protocol's {@code arms}
 * and the regimen the protocol's {@code systemicTherapy} rules chose (see {@code
 * org.oligotrial.eligibility.ProtocolDerivations#regimen}). A pure function; thread-safe.
 */
public final class TreatmentPlanner {
  private TreatmentPlanner() {}

  /**
   * The plan on {@code armId}.
   *
   * @param regimen the chosen regimen, or empty when the protocol has no regimen rules
   * @throws IllegalArgumentException when the protocol has no arm {@code armId}
   */
  public static TreatmentPlan plan(Protocol protocol, String armId, Optional<Regimen> regimen) {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(regimen, "regimen");
    Arm arm = protocol.arms().stream().filter(a -> a.id().equals(armId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the protocol has no arm '" + armId + "' (arms "
            + protocol.arms().stream().map(Arm::id).toList() + ")"));
    Regimen r = regimen.orElse(null);
    String reason = r == null ? null : "chosen by the protocol's rule for " + r.id();
    return new TreatmentPlan(arm.id(), arm.name(), arm.interventions(), r, reason);
  }
}
