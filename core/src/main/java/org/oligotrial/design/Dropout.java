package org.oligotrial.design;

/**
 * Loss to follow-up as an exponential drop-out time in both arms: a probability {@code probability} of dropping out by
 * {@code months} (rpact {@code dropoutRate1 = dropoutRate2 = probability, dropoutTime = months}); hazard
 * \( \eta = -\log(1 - p)/T \) per month. {@link #NONE} for none.
 *
 * @param probability from 0 (none) to below 1
 * @param months positive
 */
public record Dropout(double probability, double months) {

  /** No drop-out. */
  public static final Dropout NONE = new Dropout(0, 12);

  /**
   * @throws IllegalArgumentException naming the value out of range
   */
  public Dropout {
    if (!(probability >= 0 && probability < 1)) {
      throw new IllegalArgumentException("drop-out probability must be from 0 to below 1, got " + probability);
    }
    if (!(months > 0 && Double.isFinite(months))) {
      throw new IllegalArgumentException("drop-out time must be positive (months), got " + months);
    }
  }

  /**
   * Reads {@code P} or {@code P:MONTHS} (12 months when not given).
   *
   * @throws IllegalArgumentException naming the form
   */
  public static Dropout parse(String text) {
    String[] parts = text.trim().split(":", -1);
    try {
      if (parts.length == 1) {
        return new Dropout(Double.parseDouble(parts[0]), 12);
      }
      if (parts.length == 2) {
        return new Dropout(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("drop-out must be P or P:MONTHS (e.g. 0.1:12), got '" + text + "'");
  }

  /** The drop-out hazard per month. */
  public double hazard() {
    return -Math.log1p(-probability) / months;
  }
}
