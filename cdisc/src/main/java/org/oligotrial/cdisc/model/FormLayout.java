package org.oligotrial.cdisc.model;

import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.List;
import org.oligotrial.ctcae.CodedTerms;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.protocol.Range;

/**
 * How a protocol form is laid out as item groups: its scalar fields in one non-repeating group {@link #MAIN}, and
 * each structured field (RECIST lesions, measurements, statuses, new lesions) as a repeating group named after the
 * field, one row per lesion. The same layout serves ODM ({@code ItemGroupDef}), the import and the SDTM builders.
 *
 * <p>Structured columns (the RECIST engine's JSON, {@link org.oligotrial.recist.TumourJson}):
 * <ul>
 *   <li>{@code recist-lesions}: id, type, site, siteText, nodal, mm, method, sliceThicknessMm, role
 *   <li>{@code recist-measurements}: lesionId, mm ({@code NE} when not evaluable)
 *   <li>{@code recist-statuses}: lesionId, status
 *   <li>{@code recist-new-lesions}: id, site, equivocal
 *   <li>{@code recist-targets}: id, site, mm; {@code recist-non-targets}: id, site, status (the older lists)
 * </ul>
 *
 * <p>A {@code ctcae-term} field (its stored value the object {@code {term, meddraCode, soc[, otherSpecify]}} of
 * {@link org.oligotrial.ctcae.CodedTerm}) is four items of the main group, as a CDASH AE form collects the reported
 * term beside its coding: {@code <id>} the CTCAE v5.0 term (external code list CTCAE 5.0), {@code <id>.meddraCode}
 * its MedDRA v20.1 code (external code list MedDRA 20.1), {@code <id>.soc} the system organ class and
 * {@code <id>.otherSpecify} the event in words of an "Other, specify" term; an entry stored before coding (a JSON
 * string) is the term item alone. A {@code ctcae-grade} is an integer 1 to 5 (the CTCAE grades; which of them exist
 * for the term is checked on entry), a {@code datetime} the ODM {@code datetime} (local time, no zone).
 * Stateless and thread-safe.
 *
 * @param formId the form type
 * @param groups the groups, main first
 */
public record FormLayout(String formId, List<Group> groups) {
  /** The id of the group holding a form's scalar fields. */
  public static final String MAIN = "main";

  /**
   * An item group.
   *
   * @param id {@link #MAIN} or the structured field's id
   * @param label the group in words
   * @param repeating whether it has one row per lesion
   * @param columns the items
   */
  public record Group(String id, String label, boolean repeating, List<Column> columns) {}

  /**
   * One item.
   *
   * @param id the field or column id
   * @param label in words
   * @param dataType the ODM 1.3.2 DataType: {@code text}, {@code integer}, {@code float}, {@code date},
   *     {@code datetime}, {@code boolean}
   * @param length the longest value in characters (text) or digits (numbers), or null
   * @param codes the allowed codes (a code list), empty when free
   * @param unit the unit, or null
   * @param range the allowed range of a number, or null
   * @param required whether a value is required
   * @param dictionary the external dictionary of the values ({@link #CTCAE} or {@link #MEDDRA}), or null
   */
  public record Column(String id, String label, String dataType, Integer length, List<String> codes, String unit,
      Range range, boolean required, String dictionary) {}

  /** The external dictionary of a CTCAE v5.0 term item. */
  public static final String CTCAE = "CTCAE";
  /** The external dictionary of a MedDRA code item (the MedDRA v20.1 code CTCAE v5.0 gives the term). */
  public static final String MEDDRA = "MEDDRA";
  /** The parts of a {@code ctcae-term} field after the term itself, each an item {@code <field id>.<part>}. */
  public static final List<String> CTCAE_PARTS = List.of("meddraCode", "soc", "otherSpecify");
  /** The CTCAE grades (CTCAE v5.0, "Grades": 1 mild to 5 death). */
  static final Range GRADES = new Range(BigDecimal.ONE, true, BigDecimal.valueOf(5), true);

  /** The layout of a protocol form. */
  public static FormLayout of(FormDefinition form) {
    List<Column> main = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    groups.add(null);
    for (FormField f : form.fields()) {
      List<Column> structured = structuredColumns(f.type());
      if (f.type().equals("ctcae-term")) {
        // longest term 84, longest SOC 67 characters in the CTCAE v5.0 file; MedDRA codes have 8 digits; an entry
        // stored before coding is free text of at most 200 characters (the field's former maxLength)
        main.add(new Column(f.id(), f.label(), "text", 200, List.of(), null, null, f.required(), CTCAE));
        main.add(new Column(f.id() + ".meddraCode", f.label() + ": MedDRA code", "text", 8, List.of(), null, null,
            false, MEDDRA));
        main.add(new Column(f.id() + ".soc", f.label() + ": system organ class", "text", 100, List.of(), null, null,
            false, null));
        main.add(new Column(f.id() + ".otherSpecify", f.label() + ": Other, specify", "text", CodedTerms.MAX_OTHER,
            List.of(), null, null, false, null));
      } else if (structured == null) {
        main.add(column(f));
      } else {
        groups.add(new Group(f.id(), f.label(), true, structured));
      }
    }
    groups.set(0, new Group(MAIN, form.name(), false, main));
    return new FormLayout(form.id(), List.copyOf(groups));
  }

  /** The group with that id, or null. */
  public Group group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
  }

  private static Column column(FormField f) {
    String type = switch (f.type()) {
      case "integer", "ctcae-grade" -> "integer";
      case "decimal" -> "float";
      case "date" -> "date";
      case "datetime" -> "datetime";
      case "boolean" -> "boolean";
      default -> "text";
    };
    Integer length = switch (type) {
      case "text" -> f.type().equals("choice")
          ? f.values().stream().mapToInt(String::length).max().orElse(1)
          : (f.maxLength() == null ? 1000 : f.maxLength());
      case "date" -> 10;
      case "datetime" -> 19;
      case "boolean" -> 5;
      case "integer" -> f.type().equals("ctcae-grade") ? 1 : 8;
      default -> 12;
    };
    return new Column(f.id(), f.label(), type, length, f.type().equals("choice") ? f.values() : List.of(), f.unit(),
        f.type().equals("ctcae-grade") ? GRADES : f.range(), f.required(), null);
  }

  private static List<Column> structuredColumns(String type) {
    return switch (type) {
      case "recist-lesions" -> List.of(
          text("id", "lesion id", 32), codes("type", "target or non-target", List.of("target", "non-target")),
          text("site", "anatomical site", 40), text("siteText", "site in words", 200),
          bool("nodal", "lymph node"), number("mm", "longest diameter (short axis for nodes)", "mm"),
          text("method", "imaging method", 20), number("sliceThicknessMm", "slice thickness", "mm"),
          text("role", "lesion role", 20));
      case "recist-measurements" -> List.of(text("lesionId", "lesion id", 32),
          new Column("mm", "diameter (NE = not evaluable)", "text", 12, List.of(), "mm", null, false, null));
      case "recist-statuses" -> List.of(text("lesionId", "lesion id", 32),
          codes("status", "non-target status", List.of("present", "absent", "progression", "not-evaluated")));
      case "recist-new-lesions" -> List.of(text("id", "new lesion id", 32), text("site", "site", 40),
          bool("equivocal", "equivocal"));
      case "recist-targets" -> List.of(text("id", "lesion id", 32), text("site", "site", 40),
          number("mm", "diameter", "mm"));
      case "recist-non-targets" -> List.of(text("id", "lesion id", 32), text("site", "site", 40),
          text("status", "status", 20));
      default -> null;
    };
  }

  private static Column text(String id, String label, int length) {
    return new Column(id, label, "text", length, List.of(), null, null, false, null);
  }

  private static Column codes(String id, String label, List<String> codes) {
    return new Column(id, label, "text", codes.stream().mapToInt(String::length).max().orElse(1), codes, null, null,
        false, null);
  }

  private static Column bool(String id, String label) {
    return new Column(id, label, "boolean", 5, List.of(), null, null, false, null);
  }

  private static Column number(String id, String label, String unit) {
    return new Column(id, label, "float", 12, List.of(), unit, null, false, null);
  }
}
