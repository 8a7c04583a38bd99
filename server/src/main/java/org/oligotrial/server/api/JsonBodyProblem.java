package org.oligotrial.server.api;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import org.oligotrial.server.input.RefusedValueException;
import org.oligotrial.server.kernel.TextRules;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a request body that could not be read, for a 400 problem document: the field (a dotted path,
 * {@code withdrawal.date}, {@code screeningRecord.labs[2].value}) and a sentence naming it. Nothing the caller sent is
 * repeated back except property names that are themselves acceptable text (at most {@value #MAX_NAME} characters).
 *
 * @param field the offending field, or null when the body as a whole is unreadable
 * @param detail the sentence for the problem document
 */
record JsonBodyProblem(String field, String detail) {
  static final int MAX_NAME = 100;

  static JsonBodyProblem of(HttpMessageNotReadableException ex) {
    JacksonException j = null;
    for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof JacksonException found) {
        j = found;
        break;
      }
    }
    if (j == null) {
      return new JsonBodyProblem(null, "the request body is missing or is not JSON");
    }
    if (j instanceof RefusedValueException r) {
      String field = join(path(j), r.subPath());
      return new JsonBodyProblem(field, (field == null ? "a value" : field) + ": " + r.reason());
    }
    if (j instanceof UnrecognizedPropertyException u) {
      String field = path(j);
      return new JsonBodyProblem(field, field + ": is not a field of this request");
    }
    if (j instanceof StreamConstraintsException) {
      String field = pointerOf(j);
      return new JsonBodyProblem(field, (field == null ? "the request body" : field)
          + ": exceeds a limit of the API (nesting depth, number length, string length or name length)");
    }
    if (j instanceof StreamReadException) {
      String field = pointerOf(j);
      String msg = String.valueOf(j.getOriginalMessage());
      if (msg.startsWith("Duplicate")) {
        return new JsonBodyProblem(field, (field == null ? "a property" : field) + ": appears twice");
      }
      var loc = j.getLocation();
      return new JsonBodyProblem(field, "the request body is not valid JSON"
          + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"));
    }
    String field = path(j);
    if (field == null) {
      return new JsonBodyProblem(null, "the request body is not JSON of the expected shape (an object)");
    }
    Class<?> target = j instanceof MismatchedInputException m ? m.getTargetType() : null;
    return new JsonBodyProblem(field, field + ": " + expected(target));
  }

  /** What a value of that Java type looks like in JSON. */
  static String expected(Class<?> t) {
    if (t == null) {
      return "has the wrong type or format";
    }
    if (t == String.class) {
      return "must be text (a JSON string)";
    }
    if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(t) || t == double.class || t == float.class) {
      return "must be a number";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "must be true or false";
    }
    if (Temporal.class.isAssignableFrom(t)) {
      return "must be a date (YYYY-MM-DD) or time (ISO 8601) that exists";
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "must be a JSON array";
    }
    if (Map.class.isAssignableFrom(t) || JsonNode.class.isAssignableFrom(t) || t.isRecord()) {
      return "must be a JSON object";
    }
    return "has the wrong type or format";
  }

  /** The databind path as {@code a.b[2].c}, names refused by the text rules or too long shown as {@code ?}. */
  static String path(JacksonException j) {
    if (j.getPath() == null || j.getPath().isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (JacksonException.Reference r : j.getPath()) {
      if (r.getPropertyName() != null) {
        b.append(b.isEmpty() ? "" : ".").append(safe(r.getPropertyName()));
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.isEmpty() ? null : b.toString();
  }

  /** The parser's position as a dotted path, for errors found while parsing (before any binding). */
  static String pointerOf(JacksonException j) {
    if (!(j.processor() instanceof JsonParser p) || p.streamReadContext() == null) {
      return null;
    }
    String ptr = p.streamReadContext().pathAsPointer().toString();
    if (ptr.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (String seg : ptr.substring(1).split("/", -1)) {
      String name = seg.replace("~1", "/").replace("~0", "~");
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit) && !b.isEmpty()) {
        b.append('[').append(name).append(']');
      } else {
        b.append(b.isEmpty() ? "" : ".").append(safe(name));
      }
    }
    return b.toString();
  }

  private static String join(String a, String sub) {
    if (sub == null || sub.isEmpty()) {
      return a;
    }
    return a == null ? sub.substring(1) : a + sub;
  }

  private static String safe(String name) {
    return name.length() > MAX_NAME || TextRules.problem(name, false) != null ? "?" : name;
  }
}
