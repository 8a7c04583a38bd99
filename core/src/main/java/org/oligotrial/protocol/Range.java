package org.oligotrial.protocol;

import java.math.BigDecimal;
import org.oligotrial.units.LabUnits;

/**
 * A numeric interval with optional, inclusive or exclusive, bounds. Written in a protocol file as {@code min} /
 * {@code max} (inclusive) or {@code greaterThan} / {@code lessThan} (exclusive).
 *
 * @param min the lower bound, or null for none
 * @param minInclusive whether {@code min} itself is inside
 * @param max the upper bound, or null for none
 * @param maxInclusive whether {@code max} itself is inside
 */
public record Range(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive) {

  /** Whether {@code v} (not null) lies inside the range. */
  public boolean contains(BigDecimal v) {
    if (min != null) {
      int c = v.compareTo(min);
      if (c < 0 || (c == 0 && !minInclusive)) {
        return false;
      }
    }
    if (max != null) {
      int c = v.compareTo(max);
      return c < 0 || (c == 0 && maxInclusive);
    }
    return true;
  }

  /** Whether {@code v} lies inside the range, compared exactly. */
  public boolean contains(long v) {
    return contains(BigDecimal.valueOf(v));
  }

  /** The range in words, e.g. "18-70", ">= 10", "> 3", "<= 5". */
  public String describe() {
    if (min != null && max != null && minInclusive && maxInclusive) {
      return LabUnits.plain(min) + "-" + LabUnits.plain(max);
    }
    StringBuilder sb = new StringBuilder();
    if (min != null) {
      sb.append(minInclusive ? ">= " : "> ").append(LabUnits.plain(min));
    }
    if (max != null) {
      if (sb.length() > 0) {
        sb.append(" and ");
      }
      sb.append(maxInclusive ? "<= " : "< ").append(LabUnits.plain(max));
    }
    return sb.length() == 0 ? "any" : sb.toString();
  }
}
