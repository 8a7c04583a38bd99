package org.oligotrial.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import org.oligotrial.protocol.Rule;
import org.oligotrial.units.Conversion;
import org.oligotrial.units.LabUnits;

/**
 * A laboratory threshold: an absolute value in a unit, or a multiple of the upper limit of normal supplied with the
 * value. Both sides are converted exactly to the analyte's canonical unit before comparing, so a value exactly at the
 * threshold is compared exactly (inclusive operators pass it).
 */
final class LabCheck extends Check.Leaf {
  private final String analyte;
  private final Rule.Comparison op;
  private final BigDecimal thresholdCanonical;
  private final String thresholdText;
  private final BigDecimal ulnMultiple;
  private final String canonicalUnit;
  private final Map<String, BigDecimal> factors = new java.util.HashMap<>();
  private final int slot;

  /** @param slot the analyte's slot in the declared record */
  LabCheck(Rule.Lab rule, int slot) {
    this.slot = slot;
    this.analyte = rule.analyte();
    this.op = rule.op();
    this.canonicalUnit = LabUnits.canonicalUnit(analyte);
    this.ulnMultiple = rule.ulnMultiple();
    for (String u : LabUnits.units(analyte)) {
      factors.put(u, LabUnits.factor(analyte, u));
    }
    if (ulnMultiple == null) {
      Conversion c = LabUnits.toCanonical(analyte, rule.value(), rule.unit());
      this.thresholdCanonical = c.canonicalValue();
      this.thresholdText = op.symbol() + " " + c.describe();
    } else {
      this.thresholdCanonical = null;
      this.thresholdText = op.symbol() + " " + LabUnits.plain(ulnMultiple) + " x ULN";
    }
  }

  private ScreeningRecord.LabValue value(ScreeningRecord r) {
    return r.labSlot(slot);
  }

  private BigDecimal canonical(String analyte, BigDecimal v, String unit) {
    BigDecimal f = factors.get(unit);
    if (f == null) {
      f = LabUnits.factor(analyte, unit);
    }
    return f.compareTo(BigDecimal.ONE) == 0 ? v : v.multiply(f);
  }

  private BigDecimal ulnLimit(ScreeningRecord.LabValue v) {
    BigDecimal uln = canonical(analyte, v.uln(), v.ulnUnit() == null ? v.unit() : v.ulnUnit());
    return uln.multiply(ulnMultiple);
  }

  /**
   * Compares value and limit: in doubles when they are clearly apart (relative gap above 1e-9, far beyond double
   * rounding), otherwise exactly in BigDecimal, so a value at or next to the threshold is always decided exactly.
   */
  private int compare(BigDecimal value, BigDecimal valueFactor, BigDecimal limit, BigDecimal limitFactor) {
    double v = value.doubleValue() * valueFactor.doubleValue();
    double l = limit.doubleValue() * limitFactor.doubleValue();
    double gap = v - l;
    if (Math.abs(gap) > 1e-9 * Math.max(Math.abs(v), Math.abs(l))) {
      return gap > 0 ? 1 : -1;
    }
    return value.multiply(valueFactor).compareTo(limit.multiply(limitFactor));
  }

  private BigDecimal factor(String unit) {
    BigDecimal f = factors.get(unit);
    return f != null ? f : LabUnits.factor(analyte, unit);
  }

  @Override
  int test(ScreeningRecord r) {
    ScreeningRecord.LabValue v = value(r);
    if (v == null || v.value() == null || v.unit() == null) {
      return UNKNOWN;
    }
    BigDecimal f = factor(v.unit());
    if (ulnMultiple == null) {
      return op.test(compare(v.value(), f, thresholdCanonical, BigDecimal.ONE)) ? TRUE : FALSE;
    }
    if (v.uln() == null) {
      return UNKNOWN;
    }
    BigDecimal ulnFactor = v.ulnUnit() == null ? f : factor(v.ulnUnit());
    return op.test(compare(v.value(), f, v.uln(), ulnFactor.multiply(ulnMultiple))) ? TRUE : FALSE;
  }

  @Override
  String describe(ScreeningRecord r, int o) {
    ScreeningRecord.LabValue v = value(r);
    if (v == null || v.value() == null || v.unit() == null) {
      return analyte + " unknown";
    }
    Conversion c = LabUnits.toCanonical(analyte, v.value(), v.unit());
    if (ulnMultiple == null) {
      return analyte + " " + c.describe() + verdict(o, thresholdText);
    }
    if (v.uln() == null) {
      return analyte + " " + c.describe() + ", upper limit of normal unknown";
    }
    String ulnUnit = v.ulnUnit() == null ? v.unit() : v.ulnUnit();
    Conversion u = LabUnits.toCanonical(analyte, v.uln(), ulnUnit);
    BigDecimal limit = ulnLimit(v);
    BigDecimal ratio = c.canonicalValue().divide(u.canonicalValue(), 2, RoundingMode.HALF_UP);
    return analyte + " " + c.describe() + ", ULN " + u.describe() + ": " + LabUnits.plain(ratio) + " x ULN"
        + verdict(o, thresholdText + " = " + LabUnits.plain(limit) + " " + canonicalUnit);
  }

  @Override
  void missing(ScreeningRecord r, Collection<String> out) {
    ScreeningRecord.LabValue v = value(r);
    if (v == null || v.value() == null || v.unit() == null) {
      out.add("labs." + analyte);
    } else if (ulnMultiple != null && v.uln() == null) {
      out.add("labs." + analyte + ".uln");
    }
  }
}
