package org.oligotrial.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The screening record a protocol declares (its {@code record:} section): the fields with their types, codes, labels
 * and form sections, the laboratory analytes it records, and the cross-field record checks. The record parser
 * accepts exactly these fields and codes, and the protocol loader resolves every rule's field path against them.
 *
 * <p>Each top-level field has a slot, its index in {@link #fields()}; each item field a slot, its index in its list's
 * {@link RecordField#items()}; each analyte a slot, its index in {@link #labs()}. Compiled rules read values by slot,
 * so evaluating a record does no lookup by name. Immutable and thread-safe.
 */
public final class RecordDeclaration {
  private final List<RecordSection> sections;
  private final List<RecordField> fields;
  private final List<String> labs;
  private final List<RecordCheck> checks;
  private final Map<String, RecordField> byPath = new HashMap<>();
  private final Map<String, Integer> slots = new HashMap<>();
  private final Map<String, Integer> labSlots = new HashMap<>();
  private final int idSlot;
  private final int birthSlot;
  private final int screeningSlot;

  /**
   * @param sections the form sections, in order
   * @param fields the top-level fields (lists carry their item fields), in the order of the record format
   * @param labs the analyte codes recorded (see {@link org.oligotrial.units.LabUnits}), in the form's order
   * @param checks the cross-field record checks
   */
  public RecordDeclaration(List<RecordSection> sections, List<RecordField> fields, List<String> labs,
      List<RecordCheck> checks) {
    this.sections = List.copyOf(sections);
    this.fields = List.copyOf(fields);
    this.labs = List.copyOf(labs);
    this.checks = List.copyOf(checks);
    for (int i = 0; i < this.fields.size(); i++) {
      RecordField f = this.fields.get(i);
      byPath.put(f.path(), f);
      slots.put(f.path(), i);
      for (int k = 0; k < f.items().size(); k++) {
        RecordField item = f.items().get(k);
        byPath.put(item.path(), item);
        slots.put(item.path(), k);
      }
    }
    for (int i = 0; i < this.labs.size(); i++) {
      labSlots.put(this.labs.get(i), i);
    }
    idSlot = roleSlot("id");
    birthSlot = roleSlot("birth");
    screeningSlot = roleSlot("screening");
  }

  private int roleSlot(String role) {
    RecordField f = role(role);
    return f == null ? -1 : slots.get(f.path());
  }

  /** The slot of the field with role {@code id}, {@code birth} or {@code screening}; -1 when none has it. */
  public int roleSlot(Role role) {
    return switch (role) {
      case ID -> idSlot;
      case BIRTH -> birthSlot;
      case SCREENING -> screeningSlot;
    };
  }

  /** The roles a field can have for the engine. */
  public enum Role {
    /** The candidate's screening id. */
    ID,
    /** The birth date (the {@code age} rule counts from it). */
    BIRTH,
    /** The screening date (the {@code age} rule counts to it). */
    SCREENING
  }

  /** The form sections, in order. */
  public List<RecordSection> sections() {
    return sections;
  }

  /** The top-level fields, in slot order. */
  public List<RecordField> fields() {
    return fields;
  }

  /** The analyte codes recorded, in slot order. */
  public List<String> labs() {
    return labs;
  }

  /** The cross-field record checks. */
  public List<RecordCheck> checks() {
    return checks;
  }

  /** The field (top-level or item) at {@code path}, or null when there is none. */
  public RecordField field(String path) {
    return path == null ? null : byPath.get(path);
  }

  /** The slot of the field at {@code path} (in the record, or in its list's items), or -1. */
  public int slot(String path) {
    Integer s = path == null ? null : slots.get(path);
    return s == null ? -1 : s;
  }

  /** The list holding the item field at {@code itemPath} ({@code metastases.site}: {@code metastases}), or null. */
  public RecordField listOf(String itemPath) {
    int dot = itemPath == null ? -1 : itemPath.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    RecordField list = byPath.get(itemPath.substring(0, dot));
    return list != null && list.type() == RecordField.Type.LIST && byPath.containsKey(itemPath) ? list : null;
  }

  /** The slot of an analyte, or -1 when the record does not record it. */
  public int labSlot(String analyte) {
    Integer s = analyte == null ? null : labSlots.get(analyte);
    return s == null ? -1 : s;
  }

  /** The top-level field with that role ({@code id}, {@code birth}, {@code screening}), or null. */
  public RecordField role(String role) {
    for (RecordField f : fields) {
      if (role.equals(f.role())) {
        return f;
      }
    }
    return null;
  }

  /** The fields flagged for the baseline-characteristics table, in record order. */
  public List<RecordField> baselineFields() {
    return fields.stream().filter(RecordField::baseline).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof RecordDeclaration d && sections.equals(d.sections) && fields.equals(d.fields)
        && labs.equals(d.labs) && checks.equals(d.checks));
  }

  @Override
  public int hashCode() {
    return Objects.hash(sections, fields, labs, checks);
  }

  @Override
  public String toString() {
    return "RecordDeclaration" + fields.stream().map(RecordField::path).toList();
  }
}
