package org.oligotrial.protocol;

import java.util.List;
import java.util.Map;

/**
 * One field of a case report form, as the protocol file defines it; values entered for it are checked against the
 * type, the range, the allowed values and the required flags.
 *
 * @param id the field id, e.g. {@code grade}, as it appears in the form's JSON values
 * @param label the field in words
 * @param type {@code text}, {@code integer}, {@code decimal}, {@code date}, {@code datetime} (a local date and time
 *     written {@code yyyy-MM-ddTHH:mm}), {@code boolean}, {@code choice}, {@code ctcae-term} (an adverse event coded to
 *     a CTCAE v5.0 term: term, MedDRA code, system organ class, and the text of an "Other, specify" term; see
 *     {@link org.oligotrial.ctcae.CodedTerms}), {@code ctcae-grade} (a CTCAE grade that exists for the term in the
 *     form's one {@code ctcae-term} field), or one of
 *     the RECIST lesion types {@code recist-lesions} (the baseline lesions), {@code recist-measurements},
 *     {@code recist-statuses}, {@code recist-new-lesions} (a follow-up's new lesions), and the older
 *     {@code recist-targets}, {@code recist-non-targets} (checked by the RECIST engine's input reader)
 * @param required whether a value must be given
 * @param range allowed interval for {@code integer} and {@code decimal} fields, or null for any
 * @param values allowed codes of a {@code choice} field (empty for other types)
 * @param maxLength the longest {@code text} accepted (characters), or null for the system default
 * @param requiredWhen the field becomes required when another field of the form holds one of some codes, or null
 * @param unit the unit shown with a number (e.g. {@code Gy}), or null
 * @param missing the missing-data codes the field accepts instead of a value, a subset of {@link #MISSING_CODES}
 *     (protocol attribute {@code missing: [ND, NA, UNK]}); empty when a value must be a value
 * @param valueLabels the labels of some of the {@code values} (protocol attribute {@code valueLabels}); a code
 *     without one reads as its default label (see {@link ValueLabels})
 */
public record FormField(String id, String label, String type, boolean required, Range range, List<String> values,
    Integer maxLength, Condition requiredWhen, String unit, List<String> missing, Map<String, String> valueLabels) {

  /**
   * The missing-data codes: {@code ND} not done, {@code NA} not applicable, {@code UNK} unknown. A field coded so holds
   * no value, yet counts as answered for its {@code required} flag and for signing; edit checks skip it.
   */
  public static final List<String> MISSING_CODES = List.of("ND", "NA", "UNK");

  /** The field types a protocol file may use. */
  public static final List<String> TYPES = List.of("text", "integer", "decimal", "date", "datetime", "boolean",
      "choice", "ctcae-term", "ctcae-grade", "recist-lesions", "recist-measurements", "recist-statuses",
      "recist-new-lesions", "recist-targets", "recist-non-targets");

  public FormField {
    values = List.copyOf(values);
    missing = missing == null ? List.of() : List.copyOf(missing);
    valueLabels = valueLabels == null ? Map.of() : Map.copyOf(valueLabels);
  }

  /** A field whose codes read as their default labels. */
  public FormField(String id, String label, String type, boolean required, Range range, List<String> values,
      Integer maxLength, Condition requiredWhen, String unit, List<String> missing) {
    this(id, label, type, required, range, values, maxLength, requiredWhen, unit, missing, Map.of());
  }

  /**
   * A stored value of this field in words: a choice code its label, a boolean "yes" or "no", any other value (and a
   * text that is not one of the codes) as it is.
   */
  public String valueLabel(String value) {
    if ("boolean".equals(type)) {
      return ValueLabels.flag(value);
    }
    return "choice".equals(type) && values.contains(value) ? ValueLabels.of(valueLabels, value) : value;
  }

  /** A field that accepts no missing-data code. */
  public FormField(String id, String label, String type, boolean required, Range range, List<String> values,
      Integer maxLength, Condition requiredWhen, String unit) {
    this(id, label, type, required, range, values, maxLength, requiredWhen, unit, List.of(), Map.of());
  }

  /** What a missing-data code means, e.g. {@code not done} for {@code ND}. */
  public static String missingLabel(String code) {
    return switch (code) {
      case "ND" -> "not done";
      case "NA" -> "not applicable";
      case "UNK" -> "unknown";
      default -> code;
    };
  }

  /**
   * "Field {@code field} holds one of {@code values}".
   *
   * @param field another field of the same form
   * @param values the codes that trigger the condition
   */
  public record Condition(String field, List<String> values) {
    public Condition {
      values = List.copyOf(values);
    }
  }
}
