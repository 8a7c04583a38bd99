package org.oligotrial.eligibility;

import static org.oligotrial.eligibility.ScreeningRecordParser.describe;
import static org.oligotrial.eligibility.ScreeningRecordParser.error;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.oligotrial.protocol.Range;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.protocol.RecordField;
import org.oligotrial.units.LabUnits;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one record in the shape its protocol declares ({@link RecordFormat}); holds per-record state (values, the
 * place of each top-level field for messages). Rejects an unknown or duplicate field, a wrong type, an unknown code,
 * analyte or unit, a value outside the declared range, an item missing a field its sibling requires, and then a record
 * that fails a declared record check or the one built-in check: the date with role {@code birth} is not after the date
 * with role {@code screening}.
 */
final class RecordReader {
  private final JsonParser p;
  private final RecordFormat format;
  private final RecordDeclaration decl;
  private final Object[] values;
  private final int[] lines;
  private final int[] columns;
  private ScreeningRecord.LabValue[] labs;
  /** The item and item field being read, for the path in a message ({@link #where}). */
  private String itemAt;
  private String itemName;

  RecordReader(JsonParser p, RecordFormat format) {
    this.p = p;
    this.format = format;
    this.decl = format.declaration;
    int n = decl.fields().size();
    this.values = new Object[n];
    this.lines = new int[n];
    this.columns = new int[n];
    // lines and columns are kept only for the slots format.located marks
  }

  ScreeningRecord readRecord() {
    readObject(format.root);
    ScreeningRecord r = new ScreeningRecord(decl, values, labs);
    birthNotAfterScreening(r);
    for (RecordFormat.CompiledCheck c : format.checks) {
      if (c.holds().eval(r, null, false) == Check.FALSE) {
        Trace t = new Trace();
        c.holds().eval(r, t, false);
        String why = t.decisive(r, Check.FALSE);
        throw new ScreeningRecordException(c.check().message() + (why.isEmpty() ? "" : " (" + why + ")")
            + " [record check " + c.check().id() + "]", lines[c.slot()], columns[c.slot()], c.check().field());
      }
    }
    return r;
  }

  /** The built-in check, the same for every protocol: nobody is born after being screened. */
  private void birthNotAfterScreening(ScreeningRecord r) {
    LocalDate birth = r.birthDate();
    LocalDate screening = r.screeningDate();
    if (birth != null && screening != null && birth.isAfter(screening)) {
      int slot = decl.roleSlot(RecordDeclaration.Role.BIRTH);
      throw new ScreeningRecordException("birth date " + birth + " is after the screening date " + screening,
          lines[slot], columns[slot], decl.fields().get(slot).path());
    }
  }

  /** Reads the members of an object whose start has been read, into the slots of its group. */
  private void readObject(RecordFormat.Group g) {
    // members seen so far: one bit each in a long while the group has at most 64, else an array
    long seenBits = 0;
    boolean[] seen = g.names.size() > 64 ? new boolean[g.names.size()] : null;
    String name;
    while ((name = p.nextName()) != null) {
      RecordFormat.Member m = g.children.get(name);
      // the path of a declared leaf is its field's path: no text is built for it unless a message needs it
      String at = m != null && m.node() instanceof RecordFormat.Leaf l ? l.field().path()
          : g.path.isEmpty() ? name : g.path + "." + name;
      if (m == null) {
        throw error(p, where(at), g.path.isEmpty() ? "unknown field (see docs/eligibility.md for the record format)"
            : "unknown field (expected " + String.join(", ", g.names) + ")");
      }
      Object node = m.node();
      int k = m.index();
      if (seen == null ? (seenBits & (1L << k)) != 0 : seen[k]) {
        throw error(p, where(at), "duplicate field");
      }
      if (seen == null) {
        seenBits |= 1L << k;
      } else {
        seen[k] = true;
      }
      JsonToken t = p.nextToken();
      if (node instanceof RecordFormat.Leaf leaf) {
        if (format.located[leaf.slot()]) {
          var here = p.currentTokenLocation();
          lines[leaf.slot()] = here.getLineNr();
          columns[leaf.slot()] = here.getColumnNr();
        }
        values[leaf.slot()] = value(leaf.field(), t, at);
      } else if (node == RecordFormat.LABS) {
        labs(t);
      } else if (startObject(t, at)) {
        readObject((RecordFormat.Group) node);
      }
    }
  }

  /** The path a message names: {@code at}, or (null) the item field being read, e.g. {@code metastases[1].site}. */
  private String where(String at) {
    return at != null ? at : itemAt + "." + itemName;
  }

  private Object value(RecordField f, JsonToken t, String at) {
    return switch (f.type()) {
      case TEXT -> normalized(f, text(t, at));
      case CODE -> code(f, t, at);
      case NUMBER -> number(f, t, at);
      case INTEGER -> integer(f, t, at);
      case FLAG -> flag(t, at);
      case DATE -> date(t, at);
      case LIST -> list(f, t, at);
      case TEXT_LIST -> texts(f, t, at);
    };
  }

  /**
   * A free-text term in its normal form: trimmed, lower case, blanks and underscores as hyphens ("Contrast agent" is
   * {@code contrast-agent}, "Brain" is {@code brain}).
   */
  static String term(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ' ' || c == '_' || Character.isUpperCase(c)) {
        return t.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_]+", "-");
      }
    }
    return t;
  }

  private static String normalized(RecordField f, String s) {
    if (s == null || f.normalize() == null) {
      return s;
    }
    if (f.normalize().equals("term")) {
      return term(s);
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private String text(JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw error(p, where(field), "expected text, found " + describe(t));
    }
    return p.getText();
  }

  private String code(RecordField f, JsonToken t, String at) {
    String s = normalized(f, text(t, at));
    if (s == null) {
      return null;
    }
    if (s.isBlank()) {
      throw error(p, where(at), "empty code (expected one of: " + String.join(", ", f.codes()) + ")");
    }
    List<String> codes = f.codes();
    for (int i = 0, n = codes.size(); i < n; i++) {
      if (codes.get(i).equals(s)) {
        return codes.get(i); // the shared instance: later comparisons hit on identity
      }
    }
    throw error(p, where(at), "unknown code '" + s + "' (expected one of: " + String.join(", ", codes)
        + (f.codeHint() == null ? "" : "; " + f.codeHint()) + ")");
  }

  private Boolean flag(JsonToken t, String field) {
    return switch (t) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> throw error(p, where(field), "expected true or false, found " + describe(t));
    };
  }

  private LocalDate date(JsonToken t, String field) {
    String s = text(t, field);
    if (s == null) {
      return null;
    }
    try {
      LocalDate d = isoDate(s);
      if (d.getYear() < 1900 || d.getYear() > 2200) {
        throw error(p, where(field), "impossible date " + s);
      }
      return d;
    } catch (DateTimeException e) {
      throw error(p, where(field), "expected a date as yyyy-mm-dd, found '" + s + "'");
    }
  }

  /** yyyy-mm-dd without the formatter machinery (the batch path parses two dates per record). */
  private static LocalDate isoDate(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 7);
      int d = digits(s, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        return LocalDate.of(y, m, d);
      }
    }
    return LocalDate.parse(s);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private BigDecimal decimal(JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw error(p, where(field), "expected a number, found " + describe(t));
    }
    return p.getDecimalValue();
  }

  private BigDecimal number(RecordField f, JsonToken t, String at) {
    BigDecimal d = decimal(t, at);
    if (d != null && f.range() != null && !f.range().contains(d)) {
      throw error(p, where(at), impossible(f.range(), d));
    }
    return d;
  }

  private static String impossible(Range r, BigDecimal d) {
    if (d.signum() < 0 && r.min() != null && r.min().signum() == 0) {
      return "impossible negative value " + d.toPlainString();
    }
    if (r.min() != null && r.max() != null && r.minInclusive() && r.maxInclusive()) {
      return "impossible value " + d.toPlainString() + " (expected " + r.min().toPlainString() + "-"
          + r.max().toPlainString() + ")";
    }
    return "impossible value " + d.toPlainString() + " (expected " + r.describe() + ")";
  }

  private Integer integer(RecordField f, JsonToken t, String at) {
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      int v = p.getIntValue();
      if (f.range() != null && !f.range().contains(v)) {
        throw error(p, where(at), impossible(f.range(), BigDecimal.valueOf(v)));
      }
      return v;
    }
    BigDecimal d = decimal(t, at);
    if (d == null) {
      return null;
    }
    int v;
    try {
      v = d.intValueExact();
    } catch (ArithmeticException e) {
      throw error(p, where(at), "expected a whole number, found " + d.toPlainString());
    }
    if (f.range() != null && !f.range().contains(v)) {
      throw error(p, where(at), impossible(f.range(), d));
    }
    return v;
  }

  private boolean startObject(JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw error(p, where(field), "expected an object, found " + describe(t));
    }
    return true;
  }

  private boolean startArray(JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_ARRAY) {
      throw error(p, where(field), "expected a list, found " + describe(t));
    }
    return true;
  }

  private List<ScreeningRecord.Item> list(RecordField f, JsonToken t, String path) {
    if (!startArray(t, path)) {
      return null;
    }
    List<RecordField> fields = f.items();
    List<ScreeningRecord.Item> out = new ArrayList<>(4);
    int i = 0;
    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken(), i++) {
      String at = path + "[" + i + "]";
      if (v != JsonToken.START_OBJECT) {
        throw error(p, where(at), "expected an object {" + String.join(", ", fields.stream().map(RecordField::name)
            .toList()) + "}, found " + describe(v));
      }
      Object[] item = new Object[fields.size()];
      String name;
      while ((name = p.nextName()) != null) {
        JsonToken x = p.nextToken();
        int k = itemSlot(fields, name);
        if (k < 0) {
          throw error(p, at + "." + name, "unknown field (expected " + String.join(", ", fields.stream()
              .map(RecordField::name).toList()) + ")");
        }
        if (item[k] != null) {
          throw error(p, at + "." + name, "duplicate field");
        }
        itemAt = at;
        itemName = name;
        item[k] = value(fields.get(k), x, null);
      }
      for (int k = 0; k < fields.size(); k++) {
        RecordField rf = fields.get(k);
        if (item[k] == null && rf.requiredWhen() != null) {
          int s = itemSlot(fields, rf.requiredWhen().field());
          Object sibling = s < 0 ? null : item[s];
          if (sibling != null && rf.requiredWhen().values().contains(String.valueOf(sibling))) {
            throw error(p, at + "." + rf.name(), rf.requiredWhen().field() + " " + sibling + " needs "
                + (rf.label() == null ? rf.name() : rf.label() + " (" + rf.name() + ")"));
          }
        }
      }
      for (int k = 0; k < fields.size(); k++) {
        if (fields.get(k).unique() && item[k] != null) {
          for (int j = 0; j < out.size(); j++) {
            if (item[k].equals(out.get(j).slot(k))) {
              throw error(p, at + "." + fields.get(k).name(), "the same " + fields.get(k).name() + " as " + path
                  + "[" + j + "] (" + item[k] + "); give one item per " + fields.get(k).name());
            }
          }
        }
      }
      out.add(new ScreeningRecord.Item(f, item));
    }
    return List.copyOf(out);
  }

  private static int itemSlot(List<RecordField> fields, String name) {
    for (int k = 0, n = fields.size(); k < n; k++) {
      if (fields.get(k).name().equals(name)) {
        return k;
      }
    }
    return -1;
  }

  private List<String> texts(RecordField f, JsonToken t, String field) {
    if (!startArray(t, field)) {
      return null;
    }
    List<String> out = new ArrayList<>(2);
    int i = 0;
    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken(), i++) {
      String s = normalized(f, text(v, field + "[" + i + "]"));
      if (s == null || s.isBlank()) {
        throw error(p, field + "[" + i + "]", "expected a non-empty text");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private void labs(JsonToken t) {
    if (!startObject(t, "labs")) {
      return;
    }
    ScreeningRecord.LabValue[] out = new ScreeningRecord.LabValue[decl.labs().size()];
    boolean[] seen = new boolean[out.length];
    String analyte;
    while ((analyte = p.nextName()) != null) {
      String at = "labs." + analyte;
      int slot = decl.labSlot(analyte);
      if (slot < 0) {
        throw error(p, where(at), "unknown analyte '" + analyte + "' (this protocol records: "
            + String.join(", ", decl.labs()) + ")");
      }
      if (seen[slot]) {
        throw error(p, where(at), "duplicate field");
      }
      seen[slot] = true;
      JsonToken v = p.nextToken();
      if (startObject(v, at)) {
        out[slot] = lab(analyte, at);
      }
    }
    labs = out;
  }

  private ScreeningRecord.LabValue lab(String analyte, String at) {
    BigDecimal value = null;
    String unit = null;
    BigDecimal uln = null;
    String ulnUnit = null;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "value" -> {
          value = decimal(v, at + ".value");
          if (value != null && value.signum() < 0) {
            throw error(p, at + ".value", "impossible negative value " + value.toPlainString());
          }
        }
        case "unit" -> {
          unit = text(v, at + ".unit");
          if (unit != null) {
            if (!LabUnits.isUnit(analyte, unit)) {
              throw error(p, at + ".unit", "unknown unit '" + unit + "' for " + analyte + " (accepted: "
                  + String.join(", ", LabUnits.units(analyte)) + ")");
            }
            unit = unit.intern();
          }
        }
        case "uln" -> {
          uln = decimal(v, at + ".uln");
          if (uln != null && uln.signum() <= 0) {
            throw error(p, at + ".uln", "the upper limit of normal must be positive, found " + uln.toPlainString());
          }
        }
        case "ulnUnit" -> {
          ulnUnit = text(v, at + ".ulnUnit");
          if (ulnUnit != null && !LabUnits.isUnit(analyte, ulnUnit)) {
            throw error(p, at + ".ulnUnit", "unknown unit '" + ulnUnit + "' for " + analyte + " (accepted: "
                + String.join(", ", LabUnits.units(analyte)) + ")");
          }
        }
        default -> throw error(p, at + "." + name, "unknown field (expected value, unit, uln, ulnUnit)");
      }
    }
    if (value != null && unit == null) {
      throw error(p, at + ".unit", "a value needs its unit");
    }
    if (uln != null && unit == null && ulnUnit == null) {
      throw error(p, at + ".ulnUnit", "the upper limit of normal needs a unit");
    }
    return new ScreeningRecord.LabValue(value, unit, uln, ulnUnit);
  }
}
