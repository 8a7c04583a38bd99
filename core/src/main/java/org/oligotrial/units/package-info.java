/**
 * Exact conversion of laboratory values between the units screening sites report and one canonical unit per
 * analyte (blood counts in 10^9/L, haemoglobin in g/dL, bilirubin and creatinine in umol/L, transaminases in U/L).
 * Every factor is a terminating decimal, so conversion to the canonical unit is an exact {@link java.math.BigDecimal}
 * multiplication and a threshold written in the protocol compares exactly ("exactly 9 g/dL passes"); the factors and
 * their sources are listed in {@link org.oligotrial.units.LabUnits} and in docs/eligibility.md.
 */
package org.oligotrial.units;
