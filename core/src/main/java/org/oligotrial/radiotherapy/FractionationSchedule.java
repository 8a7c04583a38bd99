package org.oligotrial.radiotherapy;

/**
 * A radiotherapy course: total physical dose and number of fractions, delivered in equal fractions.
 *
 * @param totalDoseGy total physical dose in Gy, finite and greater than 0
 * @param fractions number of fractions, 1 or more
 * @throws IllegalArgumentException naming the field when a value is out of range
 */
public record FractionationSchedule(double totalDoseGy, int fractions) {
  public FractionationSchedule {
    if (!(totalDoseGy > 0) || Double.isInfinite(totalDoseGy)) {
      throw new IllegalArgumentException("totalDoseGy: must be a positive number of Gy, was " + totalDoseGy);
    }
    if (fractions < 1) {
      throw new IllegalArgumentException("fractions: must be 1 or more, was " + fractions);
    }
  }

  /** Dose per fraction {@code d = D / n}, Gy. */
  public double dosePerFractionGy() {
    return totalDoseGy / fractions;
  }
}
