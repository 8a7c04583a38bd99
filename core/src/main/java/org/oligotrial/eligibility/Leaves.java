package org.oligotrial.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
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

  /** Whether {@code v} is one of {@code values}; a short linear scan, identity first (codes are shared instances). */
  static boolean in(String v, String[] values) {
    for (String x : values) {
      if (x == v) {
        return true;
      }
    }
    for (String x : values) {
      if (x.equals(v)) {
        return true;
      }
    }
    return false;
  }

  static final class Age extends Check.Leaf {
    private final Range range;
    private final IntRange whole;

    Age(Range range) {
      this.range = range;
      this.whole = new IntRange(range);
    }

    @Override
    int test(ScreeningRecord r) {
      if (r.birthDate() == null || r.screeningDate() == null) {
        return UNKNOWN;
      }
      return whole.contains(age(r.birthDate(), r.screeningDate())) ? TRUE : FALSE;
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

    private final IntRange whole;

    NumberIn(String path, Range range) {
      this.path = path;
      this.get = Fields.number(path);
      this.range = range;
      this.whole = new IntRange(range);
    }

    @Override
    int test(ScreeningRecord r) {
      if (path.equals("ecog")) {
        Integer e = r.ecog();
        return e == null ? UNKNOWN : whole.contains(e) ? TRUE : FALSE;
      }
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
    private final String[] values;
    private final String listed;

    OneOf(String path, List<String> values) {
      this.path = path;
      this.get = Fields.text(path);
      this.values = values.stream().map(String::intern).toArray(String[]::new);
      this.listed = String.join(", ", values);
    }

    @Override
    int test(ScreeningRecord r) {
      String v = get.apply(r);
      return v == null ? UNKNOWN : in(v, values) ? TRUE : FALSE;
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
      return v == null ? path + " unknown" : path + " = " + v;
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      out.add(path);
    }
  }
}
