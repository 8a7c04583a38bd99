package org.oligotrial.eligibility;

import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.protocol.RecordField;

/**
 * Resolves a rule's field path to slots of the declared record, once, when a rule is compiled; evaluation then reads
 * {@link ScreeningRecord} values by slot, with no lookup by name.
 */
final class Fields {
  private Fields() {}

  /** The slot of a top-level field; throws IllegalArgumentException when the declaration lacks it. */
  static int slot(RecordDeclaration d, String path) {
    int s = d.slot(path);
    if (s < 0 || d.listOf(path) != null) {
      throw new IllegalArgumentException("no screening-record field " + path);
    }
    return s;
  }

  /** The declared top-level or item field; throws IllegalArgumentException when the declaration lacks it. */
  static RecordField field(RecordDeclaration d, String path) {
    RecordField f = d.field(path);
    if (f == null) {
      throw new IllegalArgumentException("no screening-record field " + path);
    }
    return f;
  }

  /** The value of one list element: the item's field in {@code itemSlot}, or the element itself (-1, a text list). */
  static Object item(Object element, int itemSlot) {
    return itemSlot < 0 ? element : ((ScreeningRecord.Item) element).slot(itemSlot);
  }

  /** A number or integer value as a decimal. */
  static java.math.BigDecimal decimal(Object v) {
    return v instanceof Integer i ? java.math.BigDecimal.valueOf(i) : (java.math.BigDecimal) v;
  }
}
