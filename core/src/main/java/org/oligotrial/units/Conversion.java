package org.oligotrial.units;

import java.math.BigDecimal;

/**
 * One laboratory value converted to its analyte's canonical unit.
 *
 * @param analyte the analyte code, e.g. {@code HGB}
 * @param value the value as reported, never null
 * @param unit the unit as reported (as written by the site), never null
 * @param canonicalValue {@code value * factor}, exact
 * @param canonicalUnit the canonical unit of the analyte, e.g. {@code g/dL}
 * @param factor canonical units per reported unit (exact; 1 when the unit is already canonical)
 */
public record Conversion(
    String analyte, BigDecimal value, String unit, BigDecimal canonicalValue, String canonicalUnit, BigDecimal factor) {

  /** Whether a conversion took place (the factor is not 1). */
  public boolean converted() {
    return factor.compareTo(BigDecimal.ONE) != 0;
  }

  /**
   * Human-readable form naming the conversion, e.g. {@code "85 g/L = 8.5 g/dL (x 0.1)"} or {@code "4.2 10^9/L"} when
   * no conversion was needed.
   */
  public String describe() {
    String reported = LabUnits.plain(value) + " " + unit;
    if (!converted()) {
      return reported;
    }
    return reported + " = " + LabUnits.plain(canonicalValue) + " " + canonicalUnit + " (x " + LabUnits.plain(factor) + ")";
  }
}
