package org.oligotrial.server.web.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.protocol.RecordField;
import org.oligotrial.protocol.RecordField.Type;
import org.oligotrial.protocol.RecordSection;
import org.oligotrial.units.LabUnits;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The screening form generated from the protocol's declared record ({@link RecordDeclaration}): its sections, inputs
 * (by field type: text, date, number, a choice of codes, yes/no, a small integer range as a choice, a text list as
 * comma-separated text, a list of one code as check boxes, any other list as rows) and the laboratory table, and the
 * translation of the posted form into the screening record JSON read by {@link
 * org.oligotrial.eligibility.ScreeningRecordParser}. An input's id is the field's declared {@code input} or its path
 * with dots as underscores; a list row's inputs append the row number. An empty input is left out of the record
 * (unknown); numbers that do not look like numbers are passed on as text so that the parser names the field in its
 * message; yes/no selects become booleans. Stateless.
 */
public final class ScreeningForm {
  /** Number of rows shown for a list with several item fields. */
  public static final int ROWS = 5;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern ROW = Pattern.compile("^([A-Za-z0-9]+)\\[(\\d+)]\\.([A-Za-z0-9]+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ScreeningForm() {}

  /**
   * One input of the form.
   *
   * @param id the HTML id and name
   * @param label the label
   * @param kind {@code text}, {@code date}, {@code number}, {@code choice} or {@code yesNo}
   * @param options the choices of a {@code choice}
   * @param hint a hint shown under the input, or null
   * @param path the record path of the field it enters (its options are that field's codes, shown by their labels),
   *     or null
   */
  public record Input(String id, String label, String kind, List<String> options, String hint, String path) {}

  /**
   * One field of a section: a single input, rows of inputs (a list), or check boxes (a list of one code).
   *
   * @param kind {@code input}, {@code rows} or {@code checks}
   * @param input the input of an {@code input} field; for {@code checks}, its id, label and the codes
   * @param rows the rows of a {@code rows} field
   */
  public record Field(String kind, Input input, List<List<Input>> rows) {}

  /** A section: its title and fields. */
  public record Section(String title, List<Field> fields) {}

  /** The form's sections, in the declaration's order; fields without a section come last, under "Other". */
  public static List<Section> sections(RecordDeclaration d) {
    List<Section> out = new ArrayList<>();
    for (RecordSection s : d.sections()) {
      List<Field> fs = new ArrayList<>();
      for (RecordField f : d.fields()) {
        if (s.id().equals(f.section())) {
          fs.add(field(f));
        }
      }
      out.add(new Section(s.title(), fs));
    }
    List<Field> rest = new ArrayList<>();
    for (RecordField f : d.fields()) {
      if (f.section() == null) {
        rest.add(field(f));
      }
    }
    if (!rest.isEmpty()) {
      out.add(new Section("Other", rest));
    }
    return out;
  }

  private static Field field(RecordField f) {
    if (f.type() == Type.LIST) {
      if (checks(f)) {
        return new Field("checks", new Input(f.inputId(), label(f), "checks", f.items().get(0).codes(), f.help(),
            f.items().get(0).path()), List.of());
      }
      List<List<Input>> rows = new ArrayList<>();
      for (int i = 0; i < ROWS; i++) {
        List<Input> row = new ArrayList<>();
        for (RecordField item : f.items()) {
          row.add(input(item, itemInput(item, i), capitalized(label(item)) + " (" + (i + 1) + ")"));
        }
        rows.add(row);
      }
      return new Field("rows", new Input(f.inputId(), label(f), "rows", List.of(), f.help(), f.path()), rows);
    }
    return new Field("input", input(f, f.inputId(), capitalized(label(f))), List.of());
  }

  /** A list shown as check boxes: its items have one code field. */
  private static boolean checks(RecordField f) {
    return f.items().size() == 1 && f.items().get(0).type() == Type.CODE;
  }

  private static String itemInput(RecordField item, int row) {
    return item.inputId().replace('.', '_') + (item.input() == null ? "_" : "") + row;
  }

  private static Input input(RecordField f, String id, String label) {
    return switch (f.type()) {
      case CODE -> new Input(id, label, "choice", f.codes(), f.help(), f.path());
      case FLAG -> new Input(id, label, "yesNo", List.of(), f.help(), f.path());
      case DATE -> new Input(id, label, "date", List.of(), f.help(), f.path());
      case INTEGER -> smallRange(f) == null ? new Input(id, label, "number", List.of(), f.help(), f.path())
          : new Input(id, label, "choice", smallRange(f), f.help(), f.path());
      case NUMBER -> new Input(id, label, "number", List.of(), f.help(), f.path());
      case TEXT_LIST -> new Input(id, label, "text", List.of(), (f.help() == null ? "" : f.help() + "; ")
          + "comma-separated; write none if none", f.path());
      default -> new Input(id, label, "text", List.of(), f.help(), f.path());
    };
  }

  /** The values of an integer field with a range of at most 11 values (e.g. ECOG 0-5), else null. */
  private static List<String> smallRange(RecordField f) {
    if (f.range() == null || f.range().min() == null || f.range().max() == null) {
      return null;
    }
    long lo = f.range().min().longValue();
    long hi = f.range().max().longValue();
    if (hi - lo > 10) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (long v = lo; v <= hi; v++) {
      out.add(Long.toString(v));
    }
    return out;
  }

  private static String label(RecordField f) {
    String l = f.label() == null ? f.name() : f.label();
    return f.unit() == null ? l : l + " (" + f.unit() + ")";
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The single values of the form, for re-displaying it (missing fields are absent). */
  public static Map<String, String> values(MultiValueMap<String, String> params) {
    Map<String, String> v = new LinkedHashMap<>();
    params.forEach((k, list) -> {
      if (!list.isEmpty() && list.get(0) != null) {
        v.put(k, list.get(0));
      }
    });
    return v;
  }

  /** The screening record as JSON, in the shape the declaration gives. */
  public static String toJson(RecordDeclaration d, MultiValueMap<String, String> p) {
    ObjectNode root = JSON.createObjectNode();
    for (RecordField f : d.fields()) {
      switch (f.type()) {
        case LIST -> list(f, p, root);
        case TEXT_LIST -> {
          String v = first(p, f.inputId());
          if (v != null) {
            ArrayNode a = object(root, f.path()).putArray(f.name());
            if (!v.equalsIgnoreCase("none")) {
              for (String x : v.split("[,;]")) {
                if (!x.isBlank()) {
                  a.add(x.strip());
                }
              }
            }
          }
        }
        default -> scalar(f, first(p, f.inputId()), object(root, f.path()), f.name());
      }
    }
    ObjectNode labs = null;
    for (String a : d.labs()) {
      String value = first(p, a + "_value");
      if (value == null) {
        continue;
      }
      labs = labs == null ? root.putObject("labs") : labs;
      ObjectNode lab = labs.putObject(a);
      number(lab, "value", value);
      String unit = first(p, a + "_unit");
      lab.put("unit", unit == null ? LabUnits.canonicalUnit(a) : unit);
      String uln = first(p, a + "_uln");
      if (uln != null) {
        number(lab, "uln", uln);
      }
    }
    // an object every field of which was left empty is left out too (unknown)
    return JSON.writeValueAsString(pruned(root));
  }

  private static void list(RecordField f, MultiValueMap<String, String> p, ObjectNode root) {
    if (checks(f)) {
      List<String> ticked = all(p, f.inputId());
      if (!ticked.isEmpty()) {
        ArrayNode a = root.putArray(f.name());
        for (String code : ticked) {
          if (!code.equals("none")) {
            a.addObject().put(f.items().get(0).name(), code);
          }
        }
      }
      return;
    }
    ArrayNode a = null;
    for (int i = 0; i < ROWS; i++) {
      ObjectNode item = JSON.createObjectNode();
      for (RecordField x : f.items()) {
        scalar(x, first(p, itemInput(x, i)), item, x.name());
      }
      if (!item.isEmpty()) {
        a = a == null ? root.putArray(f.name()) : a;
        a.add(item);
      }
    }
  }

  private static void scalar(RecordField f, String v, ObjectNode into, String key) {
    if (v == null) {
      return;
    }
    switch (f.type()) {
      case NUMBER, INTEGER -> number(into, key, v);
      case FLAG -> {
        if (v.equals("yes") || v.equals("no")) {
          into.put(key, v.equals("yes"));
        } else {
          into.put(key, v);
        }
      }
      default -> into.put(key, v);
    }
  }

  private static void number(ObjectNode into, String key, String v) {
    if (NUMBER.matcher(v).matches()) {
      into.put(key, new java.math.BigDecimal(v));
    } else {
      into.put(key, v);
    }
  }

  /** The object holding a dotted path's last part, made on the way. */
  private static ObjectNode object(ObjectNode root, String path) {
    String[] parts = path.split("\\.");
    ObjectNode o = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode c = o.get(parts[i]);
      o = c instanceof ObjectNode n ? n : o.putObject(parts[i]);
    }
    return o;
  }

  private static ObjectNode pruned(ObjectNode o) {
    List<String> empty = new ArrayList<>();
    for (var e : o.properties()) {
      if (e.getValue() instanceof ObjectNode n && !e.getKey().equals("labs") && pruned(n).isEmpty()) {
        empty.add(e.getKey());
      }
    }
    empty.forEach(o::remove);
    return o;
  }

  /**
   * The form's inputs filled from a stored screening record (the reverse of {@link #toJson}), to start a re-screening
   * from the latest version. Fields the form does not show are left out.
   */
  public static MultiValueMap<String, String> fromJson(RecordDeclaration d, String recordJson) {
    MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
    JsonNode r = JSON.readTree(recordJson);
    for (RecordField f : d.fields()) {
      JsonNode v = at(r, f.path());
      switch (f.type()) {
        case LIST -> {
          if (checks(f)) {
            if (v == null || !v.isArray()) {
              p.add(f.inputId(), "");
            } else if (v.isEmpty()) {
              p.add(f.inputId(), "none");
            } else {
              v.forEach(t -> put(p, f.inputId(), t.get(f.items().get(0).name())));
            }
          } else if (v != null && v.isArray()) {
            for (int i = 0; i < Math.min(v.size(), ROWS); i++) {
              for (RecordField x : f.items()) {
                put(p, itemInput(x, i), v.get(i).get(x.name()));
              }
            }
          }
        }
        case TEXT_LIST -> {
          if (v != null && v.isArray()) {
            List<String> list = new ArrayList<>();
            v.forEach(n -> list.add(n.asString()));
            p.add(f.inputId(), list.isEmpty() ? "none" : String.join(", ", list));
          }
        }
        case FLAG -> {
          if (v != null && v.isBoolean()) {
            p.add(f.inputId(), v.booleanValue() ? "yes" : "no");
          } else {
            put(p, f.inputId(), v);
          }
        }
        default -> put(p, f.inputId(), v);
      }
    }
    for (String a : d.labs()) {
      JsonNode lab = r.path("labs").get(a);
      if (lab != null) {
        put(p, a + "_value", lab.get("value"));
        put(p, a + "_unit", lab.get("unit"));
        put(p, a + "_uln", lab.get("uln"));
      }
    }
    return p;
  }

  private static JsonNode at(JsonNode r, String path) {
    JsonNode n = r;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n;
  }

  private static void put(MultiValueMap<String, String> p, String name, JsonNode v) {
    if (v != null && !v.isNull() && !v.isObject() && !v.isArray()) {
      p.add(name, v.asString());
    }
  }

  /**
   * The form input that holds a record field path, e.g. {@code labs.HGB.unit} -> {@code HGB_unit},
   * {@code metastases[1].lesions} -> the lesions input of row 1, so that messages can point at the input.
   */
  public static String fieldId(RecordDeclaration d, String path) {
    RecordField id = d.role("id");
    String fallback = id == null ? "screening" : id.inputId();
    if (path == null || path.isEmpty()) {
      return fallback;
    }
    String p = path.startsWith("screeningRecord.") ? path.substring("screeningRecord.".length()) : path;
    if (p.startsWith("labs.")) {
      String[] parts = p.split("\\.");
      if (parts.length >= 2 && d.labSlot(parts[1]) >= 0) {
        String part = parts.length >= 3 && (parts[2].equals("unit") || parts[2].equals("uln")) ? parts[2] : "value";
        return parts[1] + "_" + part;
      }
      return d.labs().isEmpty() ? fallback : d.labs().get(0) + "_value";
    }
    Matcher m = ROW.matcher(p);
    if (m.find()) {
      RecordField list = d.field(m.group(1));
      RecordField item = d.field(m.group(1) + "." + m.group(3));
      if (list != null && checks(list)) {
        return list.inputId();
      }
      if (item != null) {
        return itemInput(item, Math.min(Integer.parseInt(m.group(2)), ROWS - 1));
      }
    }
    String base = p.replaceAll("\\[\\d+]", "");
    RecordField f = d.field(base);
    if (f != null && d.listOf(base) != null) {
      RecordField list = d.listOf(base);
      return checks(list) ? list.inputId() : itemInput(f, 0);
    }
    if (f != null) {
      return f.type() == Type.LIST && !checks(f) ? itemInput(f.items().get(0), 0) : f.inputId();
    }
    return p;
  }

  static String first(MultiValueMap<String, String> p, String name) {
    String v = p.getFirst(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static List<String> all(MultiValueMap<String, String> p, String name) {
    List<String> v = p.get(name);
    return v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank()).toList();
  }
}
