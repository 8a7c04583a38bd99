package org.oligotrial.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.protocol.RecordField;

/**
 * A candidate's screening data, in the shape the protocol declares ({@link RecordDeclaration}; the record format is
 * documented in docs/eligibility.md). Values are held by slot, in the declaration's field order: a number as
 * {@link BigDecimal}, an integer as {@link Integer}, text and codes as {@link String} (a code is the declaration's
 * shared instance), a flag as {@link Boolean}, a date as {@link LocalDate}, a list as a list of {@link Item}, a text
 * list as a list of {@link String}. A null value means "unknown"; an empty list means "none". Build one with
 * {@link ScreeningRecordParser} (which validates); the engine trusts what it is given. Immutable.
 */
public final class ScreeningRecord {
  private final RecordDeclaration declaration;
  private final Object[] values;
  private final LabValue[] labs;

  /**
   * @param declaration the record's declaration
   * @param values one value per declared field, in slot order (kept, not copied: the parser hands over a fresh array)
   * @param labs one value per declared analyte, in slot order (kept, not copied: the parser hands over a fresh array); null when no laboratory values were given
   */
  ScreeningRecord(RecordDeclaration declaration, Object[] values, LabValue[] labs) {
    this.declaration = Objects.requireNonNull(declaration, "declaration");
    this.values = values;
    this.labs = labs;
  }

  /** The declaration the record was read with. */
  public RecordDeclaration declaration() {
    return declaration;
  }

  /** The value in a slot (the engine's fast path). */
  Object slot(int slot) {
    return values[slot];
  }

  /** The laboratory value in an analyte slot, or null (the engine's fast path). */
  LabValue labSlot(int slot) {
    return labs == null ? null : labs[slot];
  }

  /** Whether any laboratory value was given ({@code labs} present). */
  boolean hasLabs() {
    return labs != null;
  }

  /** The candidate's screening id (the field with role {@code id}), or null. */
  public String id() {
    int slot = declaration.roleSlot(RecordDeclaration.Role.ID);
    return slot < 0 ? null : (String) values[slot];
  }

  /** The birth date (the field with role {@code birth}), or null when unknown or not declared. */
  public LocalDate birthDate() {
    return roleDate(RecordDeclaration.Role.BIRTH);
  }

  /** The screening date (the field with role {@code screening}), or null when unknown or not declared. */
  public LocalDate screeningDate() {
    return roleDate(RecordDeclaration.Role.SCREENING);
  }

  private LocalDate roleDate(RecordDeclaration.Role role) {
    int slot = declaration.roleSlot(role);
    return slot < 0 ? null : (LocalDate) values[slot];
  }

  /**
   * The value of a top-level field, or null when unknown.
   *
   * @throws IllegalArgumentException when the declaration has no such top-level field
   */
  public Object value(String path) {
    int slot = declaration.slot(path);
    if (slot < 0 || declaration.listOf(path) != null) {
      throw new IllegalArgumentException("no screening-record field " + path);
    }
    return values[slot];
  }

  /** A text or code field's value, or null. */
  public String text(String path) {
    return (String) value(path);
  }

  /** A number or integer field's value as a decimal, or null. */
  public BigDecimal number(String path) {
    Object v = value(path);
    return v instanceof Integer i ? BigDecimal.valueOf(i) : (BigDecimal) v;
  }

  /** An integer field's value, or null. */
  public Integer integer(String path) {
    return (Integer) value(path);
  }

  /** A flag field's value, or null. */
  public Boolean flag(String path) {
    return (Boolean) value(path);
  }

  /** A date field's value, or null. */
  public LocalDate date(String path) {
    return (LocalDate) value(path);
  }

  /** A list field's items, or null when unknown. */
  @SuppressWarnings("unchecked")
  public List<Item> items(String path) {
    return (List<Item>) value(path);
  }

  /** A text-list field's texts, or null when unknown. */
  @SuppressWarnings("unchecked")
  public List<String> texts(String path) {
    return (List<String>) value(path);
  }

  /** The laboratory value of an analyte, or null when not given. */
  public LabValue lab(String analyte) {
    int slot = declaration.labSlot(analyte);
    return slot < 0 || labs == null ? null : labs[slot];
  }

  /** The laboratory values given, by analyte code in declaration order; null when no {@code labs} were given. */
  public Map<String, LabValue> labs() {
    if (labs == null) {
      return null;
    }
    Map<String, LabValue> out = new LinkedHashMap<>();
    for (int i = 0; i < labs.length; i++) {
      if (labs[i] != null) {
        out.put(declaration.labs().get(i), labs[i]);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof ScreeningRecord r && declaration.equals(r.declaration)
        && Arrays.equals(values, r.values) && Arrays.equals(labs, r.labs));
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(labs);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ScreeningRecord{");
    List<RecordField> fs = declaration.fields();
    for (int i = 0; i < fs.size(); i++) {
      if (values[i] != null) {
        sb.append(sb.length() > 16 ? ", " : "").append(fs.get(i).path()).append('=').append(values[i]);
      }
    }
    if (labs != null) {
      sb.append(sb.length() > 16 ? ", " : "").append("labs=").append(labs());
    }
    return sb.append('}').toString();
  }

  /**
   * One item of a list field, its values by item slot (the order of the list's declared item fields). Immutable.
   */
  public static final class Item {
    private final RecordField list;
    private final Object[] values;

    Item(RecordField list, Object[] values) {
      this.list = list;
      this.values = values;
    }

    Object slot(int slot) {
      return values[slot];
    }

    /**
     * The value of an item field by name ({@code site}), or null when unknown.
     *
     * @throws IllegalArgumentException when the list declares no such item field
     */
    public Object value(String name) {
      for (int i = 0; i < list.items().size(); i++) {
        if (list.items().get(i).name().equals(name)) {
          return values[i];
        }
      }
      throw new IllegalArgumentException("no item field " + list.path() + "." + name);
    }

    /** A text or code item field's value, or null. */
    public String text(String name) {
      return (String) value(name);
    }

    /** A number or integer item field's value as a decimal, or null. */
    public BigDecimal number(String name) {
      Object v = value(name);
      return v instanceof Integer i ? BigDecimal.valueOf(i) : (BigDecimal) v;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Item i && list.path().equals(i.list.path()) && Arrays.equals(values, i.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          sb.append(sb.length() > 1 ? ", " : "").append(list.items().get(i).name()).append('=').append(values[i]);
        }
      }
      return sb.append('}').toString();
    }
  }

  /**
   * A laboratory value.
   *
   * @param value the value, not negative
   * @param unit its unit, one of those accepted for the analyte ({@link org.oligotrial.units.LabUnits})
   * @param uln the upper limit of normal of the site's laboratory, or null when not given
   * @param ulnUnit the unit of {@code uln}, or null when it is the value's unit
   */
  public record LabValue(BigDecimal value, String unit, BigDecimal uln, String ulnUnit) {
    /** A value without ULN. */
    public LabValue(BigDecimal value, String unit) {
      this(value, unit, null, null);
    }
  }
}
