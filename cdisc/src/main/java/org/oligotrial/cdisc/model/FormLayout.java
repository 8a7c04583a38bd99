package org.oligotrial.cdisc.model;

import java.util.ArrayList;
import java.util.List;
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
   *     {@code boolean}
   * @param length the longest value in characters (text) or digits (numbers), or null
   * @param codes the allowed codes (a code list), empty when free
   * @param unit the unit, or null
   * @param range the allowed range of a number, or null
   * @param required whether a value is required
   */
  public record Column(String id, String label, String dataType, Integer length, List<String> codes, String unit,
      Range range, boolean required) {}

  /** The layout of a protocol form. */
  public static FormLayout of(FormDefinition form) {
    List<Column> main = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    groups.add(null);
    for (FormField f : form.fields()) {
      List<Column> structured = structuredColumns(f.type());
      if (structured == null) {
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
      case "integer" -> "integer";
      case "decimal" -> "float";
      case "date" -> "date";
      case "boolean" -> "boolean";
      default -> "text";
    };
    Integer length = switch (type) {
      case "text" -> f.type().equals("choice")
          ? f.values().stream().mapToInt(String::length).max().orElse(1)
          : (f.maxLength() == null ? 1000 : f.maxLength());
      case "date" -> 10;
      case "boolean" -> 5;
      case "integer" -> 8;
      default -> 12;
    };
    return new Column(f.id(), f.label(), type, length, f.type().equals("choice") ? f.values() : List.of(), f.unit(),
        f.range(), f.required());
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
          new Column("mm", "diameter (NE = not evaluable)", "text", 12, List.of(), "mm", null, false));
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
    return new Column(id, label, "text", length, List.of(), null, null, false);
  }

  private static Column codes(String id, String label, List<String> codes) {
    return new Column(id, label, "text", codes.stream().mapToInt(String::length).max().orElse(1), codes, null, null,
        false);
  }

  private static Column bool(String id, String label) {
    return new Column(id, label, "boolean", 5, List.of(), null, null, false);
  }

  private static Column number(String id, String label, String unit) {
    return new Column(id, label, "float", 12, List.of(), unit, null, false);
  }
}
