package org.oligotrial.protocol;

import java.util.List;
import java.util.Map;

/**
 * One field of a protocol's screening record, declared in the protocol file's {@code record:} section. A top-level
 * field has a dotted {@code path} (a dot nests it in an object: {@code diagnosis.histology} is read from
 * {@code {"diagnosis": {"histology": ...}}}); an item field of a list has the path {@code list.name}. Immutable.
 *
 * @param path the full dotted path, as rules name it, e.g. {@code ecog}, {@code diagnosis.histology},
 *     {@code metastases.site}
 * @param type what it holds
 * @param codes the allowed values of a {@link Type#CODE} field, in the order the form shows them; empty otherwise
 * @param label what the form and reports call it
 * @param unit the unit of a number, e.g. {@code months}; null when none
 * @param help a sentence for the person filling in the form; null when none
 * @param section the id of the form section that shows it; null for an item field
 * @param range the allowed range of a number or integer (impossible values are rejected); null when unbounded
 * @param normalize how text is normalised before it is checked: {@code term} (trimmed, lower case, blanks and
 *     underscores as hyphens: "Skin soft tissue" is {@code skin-soft-tissue}), {@code trim} (trimmed, blank is
 *     unknown) or null (as given)
 * @param role a role the engine needs: {@code id} (the candidate's screening id), {@code birth} and {@code screening}
 *     (the two dates of the {@code age} rule); null when none
 * @param items the item fields of a {@link Type#LIST}; empty otherwise
 * @param requiredWhen for an item field, the sibling value that makes it required (e.g. the text of a site coded
 *     {@code other}); null when never required
 * @param codeHint added to the message for an unknown code, e.g. "use other with text for any other site"
 * @param baseline whether the field is a row of the baseline-characteristics table (Table 1)
 * @param unique for an item field, whether two items of one list may not share a value (e.g. one row per organ)
 * @param input the web form's input id for the field (for an item field, the prefix its row number is appended to);
 *     null for the default, the path with dots as underscores
 * @param codeLabels the labels of some of the {@code codes} (protocol attribute {@code valueLabels}); a code without
 *     one reads as its default label (see {@link ValueLabels})
 */
public record RecordField(String path, Type type, List<String> codes, String label, String unit, String help,
    String section, Range range, String normalize, String role, List<RecordField> items,
    FormField.Condition requiredWhen, String codeHint, boolean baseline, boolean unique, String input,
    Map<String, String> codeLabels) {

  public RecordField {
    codes = codes == null ? List.of() : List.copyOf(codes);
    items = items == null ? List.of() : List.copyOf(items);
    codeLabels = codeLabels == null ? Map.of() : Map.copyOf(codeLabels);
  }

  /**
   * A stored value of this field in words: a code its label, a flag "yes" or "no", any other value (and a text that is
   * not one of the codes) as it is.
   */
  public String valueLabel(String value) {
    if (type == Type.FLAG) {
      return ValueLabels.flag(value);
    }
    return type == Type.CODE && codes.contains(value) ? ValueLabels.of(codeLabels, value) : value;
  }

  /** What a field holds; the YAML name is given with each. */
  public enum Type {
    /** {@code number}: a decimal number, read exactly. */
    NUMBER("number"),
    /** {@code integer}: a whole number. */
    INTEGER("integer"),
    /** {@code text}: free text. */
    TEXT("text"),
    /** {@code code}: one of the declared codes. */
    CODE("code"),
    /** {@code flag}: yes/no (JSON true/false). */
    FLAG("flag"),
    /** {@code date}: a calendar date, ISO yyyy-mm-dd. */
    DATE("date"),
    /** {@code list}: a list of objects with the declared item fields. */
    LIST("list"),
    /** {@code text-list}: a list of non-empty texts. */
    TEXT_LIST("text-list");

    private final String yaml;

    Type(String yaml) {
      this.yaml = yaml;
    }

    /** The name in the protocol file. */
    public String yaml() {
      return yaml;
    }

    /** The type named {@code yaml} in the protocol file, or null. */
    public static Type of(String yaml) {
      for (Type t : values()) {
        if (t.yaml.equals(yaml)) {
          return t;
        }
      }
      return null;
    }

    /** Whether it holds a number ({@link #NUMBER} or {@link #INTEGER}). */
    public boolean numeric() {
      return this == NUMBER || this == INTEGER;
    }

    /** Whether it holds one text ({@link #TEXT} or {@link #CODE}). */
    public boolean textual() {
      return this == TEXT || this == CODE;
    }
  }

  /** The web form's input id (for an item field: the prefix of the row's input ids). */
  public String inputId() {
    return input != null ? input : path.replace('.', '_');
  }

  /** The last part of the path: the JSON key the value is read from. */
  public String name() {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
