package org.oligotrial.endpoints;

/**
 * Treatment compliance of one participant: delivered / planned, for systemic cycles and radiotherapy fractions.
 *
 * @param delivery the planned and delivered counts
 * @param cycleProportion delivered cycles / planned cycles; null when none were planned
 * @param fractionProportion delivered fractions / planned fractions; null when none were planned (RT- arm)
 */
public record Compliance(TreatmentDelivery delivery, Double cycleProportion, Double fractionProportion) {

  /**
   * @throws InvalidHistoryException if a count is negative
   * @throws NullPointerException if delivery is null
   */
  public static Compliance of(TreatmentDelivery d) {
    check(d.plannedCycles(), "delivery.plannedCycles");
    check(d.deliveredCycles(), "delivery.deliveredCycles");
    check(d.plannedFractions(), "delivery.plannedFractions");
    check(d.deliveredFractions(), "delivery.deliveredFractions");
    return new Compliance(d, ratio(d.deliveredCycles(), d.plannedCycles()),
        ratio(d.deliveredFractions(), d.plannedFractions()));
  }

  private static Double ratio(int delivered, int planned) {
    return planned == 0 ? null : (double) delivered / planned;
  }

  private static void check(int v, String field) {
    if (v < 0) {
      throw new InvalidHistoryException(field + ": must be 0 or more, was " + v);
    }
  }
}
