package org.oligotrial.endpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Treatment compliance by arm: pooled delivered / planned cycles and fractions, and how many participants received
 * everything planned. Stateless and thread-safe.
 */
public final class ComplianceSummary {
  private ComplianceSummary() {}

  /**
   * Compliance of one arm.
   *
   * @param arm arm code
   * @param participants participants of the arm
   * @param plannedCycles cycles planned, summed over the arm
   * @param deliveredCycles cycles delivered, summed
   * @param cycleProportion deliveredCycles / plannedCycles; null when none were planned
   * @param fullCycles participants with cycles planned who received at least all of them
   * @param plannedFractions fractions planned, summed
   * @param deliveredFractions fractions delivered, summed
   * @param fractionProportion deliveredFractions / plannedFractions; null when none were planned (RT-)
   * @param fullFractions participants with fractions planned who received at least all of them
   */
  public record ArmCompliance(String arm, int participants, long plannedCycles, long deliveredCycles,
      Double cycleProportion, int fullCycles, long plannedFractions, long deliveredFractions,
      Double fractionProportion, int fullFractions) {}

  /** One row per arm, arms in alphabetical order. */
  public static List<ArmCompliance> byArm(List<ParticipantEndpoints> participants) {
    Map<String, List<TreatmentDelivery>> arms = new TreeMap<>();
    participants.forEach(p -> arms.computeIfAbsent(p.history().arm(), a -> new ArrayList<>())
        .add(p.compliance().delivery()));
    List<ArmCompliance> out = new ArrayList<>();
    arms.forEach((arm, list) -> {
      long pc = 0, dc = 0, pf = 0, df = 0;
      int fullC = 0, fullF = 0;
      for (TreatmentDelivery d : list) {
        pc += d.plannedCycles();
        dc += d.deliveredCycles();
        pf += d.plannedFractions();
        df += d.deliveredFractions();
        fullC += d.plannedCycles() > 0 && d.deliveredCycles() >= d.plannedCycles() ? 1 : 0;
        fullF += d.plannedFractions() > 0 && d.deliveredFractions() >= d.plannedFractions() ? 1 : 0;
      }
      out.add(new ArmCompliance(arm, list.size(), pc, dc, pc == 0 ? null : (double) dc / pc, fullC, pf, df,
          pf == 0 ? null : (double) df / pf, fullF));
    });
    return out;
  }
}
