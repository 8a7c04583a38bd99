package org.oligotrial.server.datacapture.forms;

import org.oligotrial.protocol.FormField;
import org.oligotrial.server.kernel.InvalidFieldException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Missing-data codes in form values: a field whose protocol definition lists {@code missing: [ND, NA, UNK]} may hold
 * {@code {"missing": "ND"}} (not done), {@code {"missing": "NA"}} (not applicable) or {@code {"missing": "UNK"}}
 * (unknown) instead of a value. The code is stored as that object in the form's values, so it stays distinct from an
 * empty field (absent) in the database, the audit trail and the API. A coded field counts as answered: it satisfies
 * {@code required} when the form is saved and when it is signed or locked. Edit checks and the conditions of
 * {@code requiredWhen} see it as absent ({@link #withoutCodes}), so no arithmetic or comparison runs on it. Stateless.
 */
public final class MissingData {
  /** The property of the object that holds a missing-data code. */
  public static final String KEY = "missing";

  private MissingData() {}

  /** Whether the value is a missing-data object ({@code {"missing": ...}}, nothing else). */
  public static boolean coded(JsonNode v) {
    return v != null && v.isObject() && v.size() == 1 && v.has(KEY);
  }

  /** The code of a missing-data object, or null for any other value. */
  public static String code(JsonNode v) {
    return coded(v) && v.get(KEY).isString() ? v.get(KEY).stringValue() : null;
  }

  /**
   * Checks a missing-data object against the field's allowed codes and returns it normalised.
   *
   * @throws InvalidFieldException naming the field when the field accepts no code or the code is not one it accepts
   */
  static JsonNode check(FormField f, JsonNode v, String field) {
    String c = code(v);
    if (f.missing().isEmpty()) {
      throw new InvalidFieldException(field, "accepts no missing-data code; enter a value");
    }
    if (c == null || !f.missing().contains(c)) {
      throw new InvalidFieldException(field, "missing-data code must be one of " + f.missing() + " (written {\""
          + KEY + "\": \"ND\"})");
    }
    ObjectNode o = FormValidator.JSON.createObjectNode();
    o.put(KEY, c);
    return o;
  }

  /** The values without the coded fields: what edit checks and conditions see. */
  public static ObjectNode withoutCodes(JsonNode values) {
    ObjectNode out = FormValidator.JSON.createObjectNode();
    for (var e : values.properties()) {
      if (!coded(e.getValue())) {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
