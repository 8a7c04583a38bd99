package org.oligotrial.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.oligotrial.protocol.Range;
import org.oligotrial.protocol.RecordDeclaration;
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

  /** Whole years between the dates with roles {@code birth} and {@code screening}. */
  static final class Age extends Check.Leaf {
    private final Range range;
    private final IntRange whole;
    private final String birth;
    private final String screening;

    Age(Range range, RecordDeclaration d) {
      this.range = range;
      this.whole = new IntRange(range);
      int b = d.roleSlot(RecordDeclaration.Role.BIRTH);
      int s = d.roleSlot(RecordDeclaration.Role.SCREENING);
      if (b < 0 || s < 0) {
        throw new IllegalArgumentException("an age rule needs date fields with roles birth and screening");
      }
      this.birth = d.fields().get(b).path();
      this.screening = d.fields().get(s).path();
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
        return "age unknown (" + (r.birthDate() == null ? birth : screening) + " missing)";
      }
      return "age " + age(r.birthDate(), r.screeningDate()) + " years at screening on " + r.screeningDate()
          + " (born " + r.birthDate() + ")" + verdict(o, range.describe() + " years");
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      if (r.birthDate() == null) {
        out.add(birth);
      }
      if (r.screeningDate() == null) {
        out.add(screening);
      }
    }
  }

  /** A number or integer field in a range; an integer compares as a long. */
  static final class NumberIn extends Check.Leaf {
    private final String path;
    private final int slot;
    private final Range range;
    private final IntRange whole;

    NumberIn(String path, int slot, Range range) {
      this.path = path;
      this.slot = slot;
      this.range = range;
      this.whole = new IntRange(range);
    }

    @Override
    int test(ScreeningRecord r) {
      Object v = r.slot(slot);
      if (v == null) {
        return UNKNOWN;
      }
      if (v instanceof Integer i) {
        return whole.contains(i) ? TRUE : FALSE;
      }
      return range.contains((BigDecimal) v) ? TRUE : FALSE;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      Object v = r.slot(slot);
      return v == null ? path + " unknown"
          : path + " = " + LabUnits.plain(Fields.decimal(v)) + verdict(o, range.describe());
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      out.add(path);
    }
  }

  static final class OneOf extends Check.Leaf {
    private final String path;
    private final int slot;
    private final String[] values;
    private final String listed;

    OneOf(String path, int slot, List<String> values) {
      this.path = path;
      this.slot = slot;
      this.values = values.stream().map(String::intern).toArray(String[]::new);
      this.listed = String.join(", ", values);
    }

    @Override
    int test(ScreeningRecord r) {
      String v = (String) r.slot(slot);
      return v == null ? UNKNOWN : in(v, values) ? TRUE : FALSE;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      String v = (String) r.slot(slot);
      return v == null ? path + " unknown" : path + " = " + v + verdict(o, "one of " + listed);
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      out.add(path);
    }
  }

  static final class Flag extends Check.Leaf {
    private final String path;
    private final int slot;
    private final boolean expected;

    Flag(String path, int slot, boolean expected) {
      this.path = path;
      this.slot = slot;
      this.expected = expected;
    }

    @Override
    int test(ScreeningRecord r) {
      Boolean v = (Boolean) r.slot(slot);
      return v == null ? UNKNOWN : v == expected ? TRUE : FALSE;
    }

    @Override
    String describe(ScreeningRecord r, int o) {
      Boolean v = (Boolean) r.slot(slot);
      return v == null ? path + " unknown" : path + " = " + v;
    }

    @Override
    void missing(ScreeningRecord r, Collection<String> out) {
      out.add(path);
    }
  }
}
