package org.oligotrial.eligibility;

import static org.oligotrial.eligibility.Leaves.in;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.oligotrial.protocol.Range;
import org.oligotrial.units.LabUnits;

/** The leaf rules over lists: sums and counts (including "contains any"). */
final class ListLeaves {
  private ListLeaves() {}

  /** Whether every value above {@code v} lies outside the range (v itself above the upper bound). */
  static boolean above(Range range, BigDecimal v) {
    if (range.max() == null) {
      return false;
    }
    int c = v.compareTo(range.max());
    return c > 0 || (c == 0 && !range.maxInclusive());
  }

  /** Whether {@code v} lies below the lower bound. */
  static boolean below(Range range, BigDecimal v) {
    if (range.min() == null) {
      return false;
    }
    int c = v.compareTo(range.min());
    return c < 0 || (c == 0 && !range.minInclusive());
  }

  /**
   * The missing data of a list check: the list itself when it is absent, else each item whose field is unknown
   ({@code itemSlot} -1: the check reads no item field, so only the list can be missing).
   */
  static void missingItems(List<?> l, int itemSlot, String list, String item, Collection<String> out) {
    if (l == null) {
      out.add(list);
      return;
    }
    for (int i = 0; i < l.size(); i++) {
      if (itemSlot >= 0 && Fields.item(l.get(i), itemSlot) == null) {
        out.add(list + "[" + i + "]." + item);
      }
    }
  }

  /**
   * Sum of a numeric item field over a list. An item whose field is unknown counts as "0 or more" (item numbers are
   * never negative), so a known part can still decide: six known lesions exceed five whatever the unknown site holds.
   * Integer fields sum as longs, decimal fields exactly.
   */
  static final class Sum extends Check.Leaf {
    private final String list;
    private final String item;
    private final String path;
    private final int listSlot;
    private final int itemSlot;
    private final Range range;
    private final IntRange whole;

    Sum(String list, int listSlot, String item, int itemSlot, Range range) {
      this.list = list;
      this.item = item;
      this.path = list + "." + item;
      this.listSlot = listSlot;
      this.itemSlot = itemSlot;
      this.range = range;
      this.whole = new IntRange(range);
    }

    @Override
    int test(ScreeningRecord r) {
      List<?> l = (List<?>) r.slot(listSlot);
      if (l == null) {
        return UNKNOWN;
      }
      long s = 0;
      BigDecimal exact = null;
      int unknown = 0;
      for (int i = 0, n = l.size(); i < n; i++) {
        Object v = ((ScreeningRecord.Item) l.get(i)).slot(itemSlot);
        if (v == null) {
          unknown++;
        } else if (v instanceof Integer k) {
          s += k;
        } else {
          exact = exact == null ? (BigDecimal) v : exact.add((BigDecimal) v);
        }
      }
      if (exact == null) {
        if (unknown == 0) {
          return whole.contains(s) ? TRUE : FALSE;
        }
        return whole.above(s) ? FALSE : range.max() == null && whole.contains(s) ? TRUE : UNKNOWN;
      }
      BigDecimal sum = exact.add(BigDecimal.valueOf(s));
      if (unknown == 0) {
        return range.contains(sum) ? TRUE : FALSE;
      }
      if (above(range, sum)) {
        return FALSE;
      }
      return range.max() == null && range.contains(sum) ? TRUE : UNKNOWN;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      List<?> l = (List<?>) r.slot(listSlot);
      if (l == null) {
        return list + " unknown";
      }
      BigDecimal s = BigDecimal.ZERO;
      int unknown = 0;
      for (Object x : l) {
        Object v = Fields.item(x, itemSlot);
        if (v == null) {
          unknown++;
        } else {
          s = s.add(Fields.decimal(v));
        }
      }
      String what = unknown == 0 ? "sum of " + path + " = " + LabUnits.plain(s)
          : "sum of " + path + " >= " + LabUnits.plain(s) + " (" + unknown + " unknown)";
      return o == UNKNOWN ? what : what + verdict(o, range.describe());
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      missingItems((List<?>) r.slot(listSlot), itemSlot, list, item, out);
    }
  }

  /**
   * Whether every item's numeric field lies in a range: false when a known value lies outside, else unknown when a
   * value is unknown, else true (an empty list holds).
   */
  static final class Every extends Check.Leaf {
    private final String list;
    private final String item;
    private final int listSlot;
    private final int itemSlot;
    private final Range range;

    Every(String list, int listSlot, String item, int itemSlot, Range range) {
      this.list = list;
      this.item = item;
      this.listSlot = listSlot;
      this.itemSlot = itemSlot;
      this.range = range;
    }

    @Override
    int test(ScreeningRecord r) {
      List<?> l = (List<?>) r.slot(listSlot);
      if (l == null) {
        return UNKNOWN;
      }
      int res = TRUE;
      for (int i = 0, n = l.size(); i < n; i++) {
        Object v = Fields.item(l.get(i), itemSlot);
        if (v == null) {
          res = UNKNOWN;
        } else if (!range.contains(Fields.decimal(v))) {
          return FALSE;
        }
      }
      return res;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      List<?> l = (List<?>) r.slot(listSlot);
      if (l == null) {
        return list + " unknown";
      }
      StringBuilder found = new StringBuilder();
      for (Object x : l) {
        Object v = Fields.item(x, itemSlot);
        found.append(found.length() == 0 ? "" : ", ").append(v == null ? "?" : LabUnits.plain(Fields.decimal(v)));
      }
      String what = list + "." + item + " = [" + found + "]";
      return o == UNKNOWN ? what : what + verdict(o, "each " + range.describe());
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      missingItems((List<?>) r.slot(listSlot), itemSlot, list, item, out);
    }
  }

  /**
   * Number of items of a list (whose text field is one of the values, when given), or whether a text list contains
   * any of the values. An item whose field is unknown may or may not match: the outcome is decided when every
   * possible count gives the same answer, else unknown.
   */
  static final class Count extends Check.Leaf {
    private final String list;
    private final String path;
    private final String item;
    private final int listSlot;
    /** The item field compared; -1 for the element itself (a text list) or for counting every item. */
    private final int itemSlot;
    /** Whether elements are compared with the values (false: every item counts). */
    private final boolean matches;
    private final String[] values;
    private final String listed;
    private final Range range;
    private final IntRange whole;

    /**
     * @param path the rule's path ({@code metastases.site}, {@code allergies}, {@code priorTreatments})
     * @param item the item field's name, or null for a text list or a plain count
     * @param range the count range; null for "contains any" (count >= 1)
     */
    Count(String path, String list, int listSlot, String item, int itemSlot, List<String> values, Range range) {
      this.list = list;
      this.path = path;
      this.item = item;
      this.listSlot = listSlot;
      this.matches = !values.isEmpty();
      this.itemSlot = matches ? itemSlot : -1;
      this.values = values.stream().map(String::intern).toArray(String[]::new);
      this.listed = String.join(", ", values);
      this.range = range == null ? new Range(BigDecimal.ONE, true, null, true) : range;
      this.whole = new IntRange(this.range);
    }

    @Override
    int test(ScreeningRecord r) {
      List<?> l = (List<?>) r.slot(listSlot);
      if (l == null) {
        return UNKNOWN;
      }
      if (!matches) {
        return whole.contains(l.size()) ? TRUE : FALSE;
      }
      int n = 0;
      int unknown = 0;
      for (int i = 0, size = l.size(); i < size; i++) {
        String v = (String) Fields.item(l.get(i), itemSlot);
        if (v == null) {
          unknown++;
        } else if (in(v, values)) {
          n++;
        }
      }
      if (unknown == 0) {
        return whole.contains(n) ? TRUE : FALSE;
      }
      if (whole.contains(n) && whole.contains(n + unknown)) {
        return TRUE;
      }
      return whole.below(n + unknown) || whole.above(n) ? FALSE : UNKNOWN;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      List<?> l = (List<?>) r.slot(listSlot);
      if (l == null) {
        return list + " unknown";
      }
      StringBuilder found = new StringBuilder();
      for (Object x : l) {
        Object v = matches ? Fields.item(x, itemSlot) : x;
        found.append(found.length() == 0 ? "" : ", ").append(v == null ? "?" : v);
      }
      String what = path + " = [" + found + "]";
      if (o == UNKNOWN) {
        return what;
      }
      boolean containsAny = matches && range.min() != null && range.min().compareTo(BigDecimal.ONE) == 0
          && range.minInclusive() && range.max() == null;
      if (containsAny) {
        return what + (o == TRUE ? " (includes one of " : " (none of ") + listed + ")";
      }
      String cond = !matches ? "count " + range.describe() : "count of " + listed + " " + range.describe();
      return what + verdict(o, cond);
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      missingItems((List<?>) r.slot(listSlot), item == null ? -1 : itemSlot, list, item, out);
    }
  }
}
