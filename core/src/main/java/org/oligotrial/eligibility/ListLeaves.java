package org.oligotrial.eligibility;

import static org.oligotrial.eligibility.Leaves.in;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
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
   * The missing data of a list check: the list itself when it is absent, else each item whose field {@code path} is
   * unknown ({@code item} null: the check reads no item field, so only the list can be missing).
   */
  static void missingItems(List<?> l, Function<Object, ?> item, String list, String path, Collection<String> out) {
    if (l == null) {
      out.add(list);
      return;
    }
    for (int i = 0; i < l.size(); i++) {
      if (item != null && item.apply(l.get(i)) == null) {
        out.add(list + "[" + i + "]." + Fields.itemField(path));
      }
    }
  }

  /**
   * Sum of a numeric item field over a list. An item whose field is unknown counts as "0 or more" (item numbers are
   * never negative), so a known part can still decide: six known lesions exceed five whatever the unknown site holds.
   */
  static final class Sum extends Check.Leaf {
    private final String list;
    private final String path;
    private final Function<ScreeningRecord, List<?>> items;
    private final Function<Object, BigDecimal> item;
    private final Range range;

    /** Whole-number sums (lesion counts) compare as longs. */
    private final IntRange whole;

    Sum(String list, String field, Range range) {
      this.list = list;
      this.path = list + "." + field;
      this.items = Fields.items(list);
      this.item = Fields.itemNumber(path);
      this.range = range;
      this.whole = path.equals("metastases.lesions") ? new IntRange(range) : null;
    }

    @Override
    int test(ScreeningRecord r) {
      List<?> l = items.apply(r);
      if (l == null) {
        return UNKNOWN;
      }
      if (whole != null) {
        long s = 0;
        int unknown = 0;
        for (int i = 0, n = l.size(); i < n; i++) {
          Integer v = ((ScreeningRecord.Metastasis) l.get(i)).lesions();
          if (v == null) {
            unknown++;
          } else {
            s += v;
          }
        }
        if (unknown == 0) {
          return whole.contains(s) ? TRUE : FALSE;
        }
        return whole.above(s) ? FALSE : range.max() == null && whole.contains(s) ? TRUE : UNKNOWN;
      }
      BigDecimal s = BigDecimal.ZERO;
      int unknown = 0;
      for (int i = 0, n = l.size(); i < n; i++) {
        BigDecimal v = item.apply(l.get(i));
        if (v == null) {
          unknown++;
        } else {
          s = s.add(v);
        }
      }
      if (unknown == 0) {
        return range.contains(s) ? TRUE : FALSE;
      }
      if (above(range, s)) {
        return FALSE;
      }
      return range.max() == null && range.contains(s) ? TRUE : UNKNOWN;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      List<?> l = items.apply(r);
      if (l == null) {
        return list + " unknown";
      }
      BigDecimal s = BigDecimal.ZERO;
      int unknown = 0;
      for (Object x : l) {
        BigDecimal v = item.apply(x);
        if (v == null) {
          unknown++;
        } else {
          s = s.add(v);
        }
      }
      String what = unknown == 0 ? "sum of " + path + " = " + LabUnits.plain(s)
          : "sum of " + path + " >= " + LabUnits.plain(s) + " (" + unknown + " unknown)";
      return o == UNKNOWN ? what : what + verdict(o, range.describe());
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      missingItems(items.apply(r), item, list, path, out);
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
    private final Function<ScreeningRecord, List<?>> items;
    private final Function<Object, String> item;
    private final String[] values;
    private final String listed;
    private final Range range;

    /** @param range the count range; null for "contains any" (count >= 1) */
    Count(String path, List<String> values, Range range) {
      this.list = Fields.listOf(path);
      this.path = path;
      this.items = Fields.items(list);
      this.item = values.isEmpty() ? null : Fields.itemText(path);
      this.values = values.stream().map(String::intern).toArray(String[]::new);
      this.listed = String.join(", ", values);
      this.range = range == null ? new Range(BigDecimal.ONE, true, null, true) : range;
      this.whole = new IntRange(this.range);
    }

    private final IntRange whole;

    @Override
    int test(ScreeningRecord r) {
      List<?> l = items.apply(r);
      if (l == null) {
        return UNKNOWN;
      }
      if (item == null) {
        return whole.contains(l.size()) ? TRUE : FALSE;
      }
      int n = 0;
      int unknown = 0;
      for (int i = 0, size = l.size(); i < size; i++) {
        String v = item.apply(l.get(i));
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
      List<?> l = items.apply(r);
      if (l == null) {
        return list + " unknown";
      }
      StringBuilder found = new StringBuilder();
      for (Object x : l) {
        String v = item == null ? String.valueOf(x) : item.apply(x);
        found.append(found.length() == 0 ? "" : ", ").append(v == null ? "?" : v);
      }
      String what = path + " = [" + found + "]";
      if (o == UNKNOWN) {
        return what;
      }
      boolean containsAny = item != null && range.min() != null && range.min().compareTo(BigDecimal.ONE) == 0
          && range.minInclusive() && range.max() == null;
      if (containsAny) {
        return what + (o == TRUE ? " (includes one of " : " (none of ") + listed + ")";
      }
      String cond = item == null ? "count " + range.describe() : "count of " + listed + " " + range.describe();
      return what + verdict(o, cond);
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      missingItems(items.apply(r), item, list, path, out);
    }
  }
}
