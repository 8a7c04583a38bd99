package org.oligotrial.endpoints;

/**
 * Planned and delivered treatment of one participant.
 *
 * @param plannedCycles systemic therapy cycles planned (for an EGFR-TKI: planned 21-day periods), 0 or more
 * @param deliveredCycles cycles given, 0 or more
 * @param plannedFractions radiotherapy fractions planned (0 in the RT- arm)
 * @param deliveredFractions radiotherapy fractions given, 0 or more
 */
public record TreatmentDelivery(int plannedCycles, int deliveredCycles, int plannedFractions, int deliveredFractions) {
  /** Nothing planned, nothing delivered. */
  public static final TreatmentDelivery NONE = new TreatmentDelivery(0, 0, 0, 0);
}
