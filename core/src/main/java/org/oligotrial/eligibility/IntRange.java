package org.oligotrial.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.oligotrial.protocol.Range;

/**
 * A {@link Range} restricted to whole numbers, for comparing counts and whole-number fields (age, ECOG, lesions)
 * without BigDecimal: for an integer v, {@code v > 2.5} is {@code v >= 3} and {@code v > 3} is {@code v >= 4}.
 * Exact: the bounds are rounded with BigDecimal at construction. Immutable.
 */
final class IntRange {
  private final long lo;
  private final long hi;

  IntRange(Range r) {
    this.lo = r.min() == null ? Long.MIN_VALUE
        : r.minInclusive() ? toLong(r.min().setScale(0, RoundingMode.CEILING))
            : toLong(r.min().setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE));
    this.hi = r.max() == null ? Long.MAX_VALUE
        : r.maxInclusive() ? toLong(r.max().setScale(0, RoundingMode.FLOOR))
            : toLong(r.max().setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE));
  }

  private static long toLong(BigDecimal d) {
    if (d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return d.longValueExact();
  }

  boolean contains(long v) {
    return v >= lo && v <= hi;
  }

  /** Whether every whole number from {@code v} upwards lies above the range. */
  boolean above(long v) {
    return v > hi;
  }

  /** Whether {@code v} lies below the range. */
  boolean below(long v) {
    return v < lo;
  }
}
