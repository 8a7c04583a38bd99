package org.oligotrial.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a page shows for a stored code of a record {@code code} field or a form {@code choice} field. A field's
 * {@code values} stay a plain list of codes (they are the stored data); an optional {@code valueLabels} mapping beside
 * them gives a code its label ({@code nsclc-nos: "NSCLC, not otherwise specified"}). A code without a label reads as
 * its default label: the code with its hyphens as spaces ({@code recovered-with-sequelae}: "recovered with
 * sequelae"; {@code T1a} and {@code 2} stay as they are). A yes/no value (a record {@code flag}, a form
 * {@code boolean}) reads "yes" or "no". Stateless.
 */
public final class ValueLabels {
  private ValueLabels() {}

  /** A code's default label: hyphens as spaces; null as empty. */
  public static String defaultLabel(String code) {
    return code == null ? "" : code.replace('-', ' ');
  }

  /** A code's label from {@code labels}, else its {@link #defaultLabel}. */
  public static String of(Map<String, String> labels, String code) {
    String l = code == null ? null : labels.get(code);
    return l != null ? l : defaultLabel(code);
  }

  /** A yes/no value in words: {@code true} "yes", {@code false} "no", anything else as it is. */
  public static String flag(String value) {
    return "true".equals(value) ? "yes" : "false".equals(value) ? "no" : value;
  }

  /**
   * Reads the optional {@code valueLabels} mapping of field {@code x}, named {@code field} in messages: each key must
   * be one of {@code codes} and each label non-empty text.
   */
  static Map<String, String> read(Problems p, YamlNode x, String field, List<String> codes) {
    YamlNode n = p.child(x, "valueLabels", false);
    if (n == null) {
      return Map.of();
    }
    if (!n.isMap()) {
      p.error(n, "field '" + field + "': 'valueLabels' maps codes to labels, found " + n.describeKind());
      return Map.of();
    }
    if (codes.isEmpty()) {
      p.error(n, "field '" + field + "': only a field with 'values' has 'valueLabels'");
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : n.map.entrySet()) {
      YamlNode v = e.getValue();
      if (!codes.contains(e.getKey())) {
        p.error(v, "field '" + field + "': valueLabels gives a label for '" + e.getKey() + "', which is not one of its "
            + "values (" + String.join(", ", codes) + ")");
      } else if (!v.isScalar() || v.text.isBlank()) {
        p.error(v, "field '" + field + "': the label of '" + e.getKey() + "' must be non-empty text");
      } else {
        out.put(e.getKey(), v.text.strip());
      }
    }
    return Map.copyOf(out);
  }
}
