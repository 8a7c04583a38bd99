package org.oligotrial.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.oligotrial.protocol.Range;
import org.oligotrial.units.LabUnits;

/** The leaf rules other than laboratory values (see {@link LabCheck}). */
final class Leaves {
  private Leaves() {}

  /** Whole years from birth to screening; a birthday on the screening date counts. */
  static int age(LocalDate birth, LocalDate at) {
    int years = at.getYear() - birth.getYear();
    if (at.getMonthValue() < birth.getMonthValue()
        || (at.getMonthValue() == birth.getMonthValue() && at.getDayOfMonth() < birth.getDayOfMonth())) {
      years--;
    }
    return years;
  }

  static final class Age extends Check.Leaf {
    private final Range range;

    Age(Range range) {
      this.range = range;
    }

    @Override
    int test(ScreeningRecord r) {
      if (r.birthDate() == null || r.screeningDate() == null) {
        return UNKNOWN;
      }
      return range.contains(age(r.birthDate(), r.screeningDate())) ? TRUE : FALSE;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      if (o == UNKNOWN) {
        return "age unknown (" + (r.birthDate() == null ? "birthDate" : "screeningDate") + " missing)";
      }
      return "age " + age(r.birthDate(), r.screeningDate()) + " years at screening on " + r.screeningDate()
          + " (born " + r.birthDate() + ")" + verdict(o, range.describe() + " years");
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      if (r.birthDate() == null) {
        out.add("birthDate");
      }
      if (r.screeningDate() == null) {
        out.add("screeningDate");
      }
    }
  }

  static final class NumberIn extends Check.Leaf {
    private final String path;
    private final Function<ScreeningRecord, BigDecimal> get;
    private final Range range;

    NumberIn(String path, Range range) {
      this.path = path;
      this.get = Fields.number(path);
      this.range = range;
    }

    @Override
    int test(ScreeningRecord r) {
      BigDecimal v = get.apply(r);
      return v == null ? UNKNOWN : range.contains(v) ? TRUE : FALSE;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      BigDecimal v = get.apply(r);
      return v == null ? path + " unknown" : path + " = " + LabUnits.plain(v) + verdict(o, range.describe());
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      out.add(path);
    }
  }

  static final class OneOf extends Check.Leaf {
    private final String path;
    private final Function<ScreeningRecord, String> get;
    private final Set<String> values;

    OneOf(String path, List<String> values) {
      this.path = path;
      this.get = Fields.text(path);
      this.values = Set.copyOf(values);
      this.listed = String.join(", ", values);
    }

    private final String listed;

    @Override
    int test(ScreeningRecord r) {
      String v = get.apply(r);
      return v == null ? UNKNOWN : values.contains(v) ? TRUE : FALSE;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      String v = get.apply(r);
      return v == null ? path + " unknown" : path + " = " + v + verdict(o, "one of " + listed);
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      out.add(path);
    }
  }

  static final class Flag extends Check.Leaf {
    private final String path;
    private final Function<ScreeningRecord, Boolean> get;
    private final boolean expected;

    Flag(String path, boolean expected) {
      this.path = path;
      this.get = Fields.flag(path);
      this.expected = expected;
    }

    @Override
    int test(ScreeningRecord r) {
      Boolean v = get.apply(r);
      return v == null ? UNKNOWN : v == expected ? TRUE : FALSE;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      Boolean v = get.apply(r);
      return v == null ? path + " unknown" : path + " = " + v + verdict(o, path + " = " + expected);
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      out.add(path);
    }
  }

  /** Sum of a numeric item field over a list; unknown when the list or an item's field is. */
  static final class Sum extends Check.Leaf {
    private final String list;
    private final String path;
    private final Function<ScreeningRecord, List<?>> items;
    private final Function<Object, BigDecimal> item;
    private final Range range;

    Sum(String list, String field, Range range) {
      this.list = list;
      this.path = list + "." + field;
      this.items = Fields.items(list);
      this.item = Fields.itemNumber(path);
      this.range = range;
    }

    private BigDecimal sum(ScreeningRecord r) {
      List<?> l = items.apply(r);
      if (l == null) {
        return null;
      }
      BigDecimal s = BigDecimal.ZERO;
      for (Object o : l) {
        BigDecimal v = item.apply(o);
        if (v == null) {
          return null;
        }
        s = s.add(v);
      }
      return s;
    }

    @Override
    int test(ScreeningRecord r) {
      BigDecimal s = sum(r);
      return s == null ? UNKNOWN : range.contains(s) ? TRUE : FALSE;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      BigDecimal s = sum(r);
      return s == null ? "sum of " + path + " unknown"
          : "sum of " + path + " = " + LabUnits.plain(s) + verdict(o, range.describe());
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      List<?> l = items.apply(r);
      if (l == null) {
        out.add(list);
        return;
      }
      for (int i = 0; i < l.size(); i++) {
        if (item.apply(l.get(i)) == null) {
          out.add(list + "[" + i + "]." + Fields.itemField(path));
        }
      }
    }
  }

  /**
   * Number of items of a list (whose text field is one of the values, when given), or whether a text list contains
   * any of the values. Unknown when the list is unknown, or when an item's field is unknown and could decide.
   */
  static final class Count extends Check.Leaf {
    private final String list;
    private final String path;
    private final Function<ScreeningRecord, List<?>> items;
    private final Function<Object, String> item;
    private final Set<String> values;
    private final String listed;
    private final Range range;

    /** @param range the count range; null for "contains any" (count >= 1) */
    Count(String path, List<String> values, Range range) {
      this.list = Fields.listOf(path);
      this.path = path;
      this.items = Fields.items(list);
      this.item = values.isEmpty() ? null : Fields.itemText(path);
      this.values = Set.copyOf(values);
      this.listed = String.join(", ", values);
      this.range = range == null ? new Range(BigDecimal.ONE, true, null, true) : range;
    }

    /** The count, or -1 when unknown. */
    private int count(ScreeningRecord r) {
      List<?> l = items.apply(r);
      if (l == null) {
        return -1;
      }
      if (item == null) {
        return l.size();
      }
      int n = 0;
      for (int i = 0, size = l.size(); i < size; i++) {
        String v = item.apply(l.get(i));
        if (v == null) {
          return -1;
        }
        if (values.contains(v)) {
          n++;
        }
      }
      return n;
    }

    @Override
    int test(ScreeningRecord r) {
      int n = count(r);
      return n < 0 ? UNKNOWN : range.contains(n) ? TRUE : FALSE;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      List<?> l = items.apply(r);
      if (count(r) < 0) {
        return path + " unknown";
      }
      StringBuilder found = new StringBuilder();
      for (Object x : l) {
        found.append(found.length() == 0 ? "" : ", ").append(item == null ? x : item.apply(x));
      }
      String what = path + " = [" + found + "]";
      String cond = item == null ? "count " + range.describe()
          : range.min() != null && range.min().compareTo(BigDecimal.ONE) == 0 && range.max() == null
              ? "contains any of " + listed
              : "count of " + listed + " " + range.describe();
      return what + verdict(o, cond);
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      List<?> l = items.apply(r);
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
  }
}
