package org.oligotrial.server.datacapture.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oligotrial.ctcae.CodedTerm;
import org.oligotrial.ctcae.CodedTerms;
import org.oligotrial.ctcae.CodingException;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.TextRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks entered values against a form definition of the protocol file: known fields only, required and
 * conditionally required fields, the type, the range of numbers, the allowed codes of choices, ISO dates and local
 * date-times between 1900 and 2100, text lengths, adverse-event terms coded to CTCAE v5.0 and their grades
 * ({@link CodedTerms}: a grade must exist for the term), and the missing-data codes a field allows ({@link MissingData},
 * which satisfy {@code required}). The first problem throws {@link InvalidFieldException} whose
 * field is {@code values.<field id>}. Returns the values normalised (definition order, no nulls, decimals exact).
 * Stateless and thread-safe.
 */
public final class FormValidator {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final BigDecimal HUGE = new BigDecimal("1000000000");
  /** Largest form accepted, in characters of normalised JSON. */
  public static final int MAX_JSON = 200_000;
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private FormValidator() {}

  /**
   * The normalised values.
   *
   * @throws InvalidFieldException naming the field ({@code values.grade}) on the first problem
   */
  public static ObjectNode validate(FormDefinition def, JsonNode values) {
    if (values == null || values.isNull() || values.isMissingNode()) {
      throw new InvalidFieldException("values", "is required: a JSON object of field values");
    }
    if (!values.isObject()) {
      throw new InvalidFieldException("values", "must be a JSON object of field values");
    }
    FormDefinition older = LegacyTumourValues.olderDefinition(def, values);
    if (older != null) {
      def = older;
    } else {
      values = LegacyTumourValues.withIds(def.id(), values);
    }
    Set<String> known = def.fields().stream().map(FormField::id).collect(Collectors.toSet());
    for (String name : values.propertyNames()) {
      if (!known.contains(name)) {
        throw new InvalidFieldException("values." + shorten(name), "unknown field of form " + def.id()
            + "; expected one of " + def.fields().stream().map(FormField::id).toList());
      }
    }
    ObjectNode out = JSON.createObjectNode();
    for (FormField f : def.fields()) {
      JsonNode v = values.get(f.id());
      String field = "values." + f.id();
      if (MissingData.coded(v)) {
        out.set(f.id(), MissingData.check(f, v, field));
        continue;
      }
      if (v == null || v.isNull()) {
        if (f.required()) {
          throw new InvalidFieldException(field, "is required");
        }
        if (f.requiredWhen() != null) {
          JsonNode other = values.get(f.requiredWhen().field());
          if (other != null && !MissingData.coded(other) && other.isString() && f.requiredWhen().values().contains(other.stringValue())) {
            throw new InvalidFieldException(field, "is required when " + f.requiredWhen().field() + " is "
                + other.stringValue());
          }
        }
        continue;
      }
      out.set(f.id(), value(f, v, field));
    }
    gradesExistForTheirTerm(def, out);
    if (out.toString().length() > MAX_JSON) {
      throw new InvalidFieldException("values", "is larger than " + MAX_JSON + " characters of JSON");
    }
    return out;
  }

  private static JsonNode value(FormField f, JsonNode v, String field) {
    switch (f.type()) {
      case "text" -> {
        if (!v.isString()) {
          throw new InvalidFieldException(field, "must be text");
        }
        String s = v.stringValue();
        if (f.required() && !TextRules.hasVisible(s)) {
          throw new InvalidFieldException(field, "is required (at least one visible character)");
        }
        Checks.optional(field, s, f.maxLength() == null ? Checks.MAX_TEXT : f.maxLength());
        return v;
      }
      case "integer", "ctcae-grade" -> {
        BigDecimal d = number(v, field);
        if (d.stripTrailingZeros().scale() > 0) {
          throw new InvalidFieldException(field, "must be a whole number, was " + d.toPlainString());
        }
        inRange(f, d, field);
        return JSON.getNodeFactory().numberNode(d.longValueExact());
      }
      case "decimal" -> {
        BigDecimal d = number(v, field);
        if (d.scale() > 6) {
          throw new InvalidFieldException(field, "has more than 6 decimals");
        }
        inRange(f, d, field);
        return JSON.getNodeFactory().numberNode(d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d);
      }
      case "date" -> {
        date(v, field);
        return v;
      }
      case "datetime" -> {
        return JSON.getNodeFactory().stringNode(dateTime(v, field).toString());
      }
      case "ctcae-term" -> {
        try {
          return CodedTerms.code(v);
        } catch (CodingException e) {
          throw new InvalidFieldException(e.part() == null ? field : field + "." + e.part(), e.getMessage());
        }
      }
      case "boolean" -> {
        if (!v.isBoolean()) {
          throw new InvalidFieldException(field, "must be true or false");
        }
        return v;
      }
      case "choice" -> {
        if (!v.isString() || !f.values().contains(v.stringValue())) {
          throw new InvalidFieldException(field, "must be one of " + f.values());
        }
        return v;
      }
      case "recist-lesions", "recist-new-lesions", "recist-targets", "recist-non-targets" -> {
        if (!v.isArray()) {
          throw new InvalidFieldException(field, "must be a JSON array of lesions");
        }
        return v;
      }
      case "recist-measurements", "recist-statuses" -> {
        if (!v.isObject()) {
          throw new InvalidFieldException(field, "must be a JSON object from lesion id to value");
        }
        return v;
      }
      default -> throw new IllegalStateException("field type " + f.type());
    }
  }

  /** A {@code ctcae-grade} must exist for the term of the form's {@code ctcae-term} field (CTCAE v5.0). */
  private static void gradesExistForTheirTerm(FormDefinition def, ObjectNode out) {
    for (FormField f : def.fields()) {
      if (f.type().equals("ctcae-grade") && out.has(f.id()) && !MissingData.coded(out.get(f.id()))) {
        CodedTerm term = def.fields().stream().filter(t -> t.type().equals("ctcae-term"))
            .map(t -> MissingData.coded(out.get(t.id())) ? null : CodedTerms.read(out.get(t.id()))).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        try {
          CodedTerms.checkGrade(term, out.get(f.id()).longValue());
        } catch (CodingException e) {
          throw new InvalidFieldException("values." + f.id(), e.getMessage());
        }
      }
    }
  }

  /** Parses a local date-time (yyyy-MM-ddTHH:mm, seconds optional) between 1900 and 2100, to the minute. */
  public static LocalDateTime dateTime(JsonNode v, String field) {
    if (!v.isString()) {
      throw new InvalidFieldException(field, "must be a date and time written yyyy-mm-ddThh:mm");
    }
    try {
      LocalDateTime d = LocalDateTime.parse(v.stringValue()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
      if (d.toLocalDate().isBefore(EARLIEST) || d.toLocalDate().isAfter(LATEST)) {
        throw new InvalidFieldException(field, "must lie between 1900 and 2100");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, "must be a date and time written yyyy-mm-ddThh:mm, was '"
          + shorten(v.stringValue()) + "'");
    }
  }

  /** Parses an ISO date (yyyy-MM-dd) between 1900 and 2100. @throws InvalidFieldException naming the field */
  public static LocalDate date(JsonNode v, String field) {
    if (!v.isString()) {
      throw new InvalidFieldException(field, "must be a date written yyyy-mm-dd");
    }
    try {
      LocalDate d = LocalDate.parse(v.stringValue());
      if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
        throw new InvalidFieldException(field, "must lie between 1900 and 2100");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, "must be a date written yyyy-mm-dd, was '" + shorten(v.stringValue())
          + "'");
    }
  }

  private static BigDecimal number(JsonNode v, String field) {
    if (!v.isNumber()) {
      throw new InvalidFieldException(field, "must be a number");
    }
    BigDecimal d;
    try {
      d = v.isFloatingPointNumber() && !v.isBigDecimal()
          ? new BigDecimal(Double.toString(v.doubleValue())) : v.decimalValue();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidFieldException(field, "is out of range");
    }
    if (d.abs().compareTo(HUGE) > 0) {
      throw new InvalidFieldException(field, "is out of range");
    }
    return d;
  }

  private static void inRange(FormField f, BigDecimal d, String field) {
    if (f.range() != null && !f.range().contains(d)) {
      throw new InvalidFieldException(field, "must be " + f.range().describe()
          + (f.unit() == null ? "" : " " + f.unit()) + ", was " + d.toPlainString());
    }
  }

  static String shorten(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }

  /** The list of required field ids, for documentation. */
  static List<String> required(FormDefinition def) {
    return def.fields().stream().filter(FormField::required).map(FormField::id).toList();
  }
}
