package org.oligotrial.cdisc.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a form's values between the JSON object the server stores (field id to value; a structured field holds
 * an array of lesion objects or a lesion-id-to-value object) and the item groups of {@link FormLayout}. The two
 * directions are inverse for every value the server accepts (a test round-trips them). A {@code ctcae-term} object
 * is spread over its items {@code <id>}, {@code <id>.meddraCode}, {@code <id>.soc}, {@code <id>.otherSpecify}
 * ({@link FormLayout}) and gathered back; a term without a MedDRA code is an entry stored before coding and goes
 * back as the string it was. A {@code datetime} ({@code yyyy-MM-ddTHH:mm} as stored) is written with seconds, as
 * the ODM {@code datetime} type requires ({@code 2024-04-03T10:15:00}), and read back without them when they are
 * zero. Stateless, thread-safe.
 */
public final class FormValues {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private FormValues() {}

  /**
   * The groups of one form's JSON values.
   *
   * @param layout the form's layout
   * @param json the stored values, a JSON object
   * @throws IllegalArgumentException if the text is not a JSON object
   */
  public static List<GroupRecord> toGroups(FormLayout layout, String json) {
    JsonNode root = JSON.readTree(json);
    if (!root.isObject()) {
      throw new IllegalArgumentException("form values: a JSON object expected");
    }
    List<GroupRecord> out = new ArrayList<>();
    Map<String, String> main = new LinkedHashMap<>();
    for (FormLayout.Column c : layout.group(FormLayout.MAIN).columns()) {
      int dot = c.id().indexOf('.');
      JsonNode v;
      if (dot > 0) {
        JsonNode whole = root.get(c.id().substring(0, dot));
        v = whole != null && whole.isObject() ? whole.get(c.id().substring(dot + 1)) : null;
      } else {
        v = root.get(c.id());
        if (v != null && v.isObject() && FormLayout.CTCAE.equals(c.dictionary())) {
          v = v.get("term");
        }
      }
      if (v != null && !v.isNull()) {
        String s = v.isValueNode() ? v.asString() : v.toString();
        main.put(c.id(), c.dataType().equals("datetime") && s.length() == 16 ? s + ":00" : s);
      }
    }
    out.add(new GroupRecord(FormLayout.MAIN, 1, main));
    for (FormLayout.Group g : layout.groups()) {
      if (!g.repeating()) {
        continue;
      }
      JsonNode v = root.get(g.id());
      int row = 0;
      if (v != null && v.isArray()) {
        for (JsonNode el : v) {
          Map<String, String> items = new LinkedHashMap<>();
          for (FormLayout.Column c : g.columns()) {
            JsonNode x = el.get(c.id());
            if (x != null && !x.isNull()) {
              items.put(c.id(), x.asString());
            }
          }
          out.add(new GroupRecord(g.id(), ++row, items));
        }
      } else if (v != null && v.isObject()) {
        // lesion id -> measurement or status
        String valueColumn = g.columns().get(1).id();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
          Map<String, String> items = new LinkedHashMap<>();
          items.put(g.columns().get(0).id(), e.getKey());
          items.put(valueColumn, e.getValue().isNull() ? "NE" : e.getValue().asString());
          out.add(new GroupRecord(g.id(), ++row, items));
        }
      }
    }
    return out;
  }

  /** The JSON values of a form's groups (the inverse of {@link #toGroups}). */
  public static String toJson(FormLayout layout, List<GroupRecord> groups) {
    ObjectNode root = JSON.createObjectNode();
    for (GroupRecord r : groups) {
      FormLayout.Group g = layout.group(r.groupId());
      if (g == null) {
        throw new IllegalArgumentException("form " + layout.formId() + ": no item group " + r.groupId());
      }
      if (!g.repeating()) {
        for (Map.Entry<String, String> e : r.items().entrySet()) {
          FormLayout.Column c = column(g, e.getKey());
          int dot = e.getKey().indexOf('.');
          if (dot > 0) {
            String field = e.getKey().substring(0, dot);
            JsonNode term = root.get(field);
            ObjectNode o = term instanceof ObjectNode on ? on : root.putObject(field);
            if (term != null && term.isString()) {
              o.put("term", term.stringValue());
            }
            o.put(e.getKey().substring(dot + 1), e.getValue());
          } else if (FormLayout.CTCAE.equals(c.dictionary()) && root.get(e.getKey()) instanceof ObjectNode o) {
            o.put("term", e.getValue());
          } else {
            root.set(e.getKey(), typed(c, e.getValue()));
          }
        }
        for (FormLayout.Column c : g.columns()) {
          // an entry stored before coding has no MedDRA code: it was, and goes back as, the text alone
          if (FormLayout.CTCAE.equals(c.dictionary()) && root.get(c.id()) instanceof ObjectNode o) {
            if (!o.has("meddraCode") && o.has("term") && o.size() == 1) {
              root.put(c.id(), o.get("term").stringValue());
            } else if (!o.has("term")) {
              throw new IllegalArgumentException("form " + layout.formId() + ": " + c.id() + " has its coding but"
                  + " no term");
            }
          }
        }
      }
    }
    for (FormLayout.Group g : layout.groups()) {
      if (!g.repeating()) {
        continue;
      }
      List<GroupRecord> rows = groups.stream().filter(r -> r.groupId().equals(g.id())).toList();
      if (rows.isEmpty()) {
        continue;
      }
      boolean keyed = g.columns().size() == 2 && g.columns().get(0).id().equals("lesionId");
      if (keyed) {
        ObjectNode o = root.putObject(g.id());
        for (GroupRecord r : rows) {
          String v = r.items().get(g.columns().get(1).id());
          String key = r.items().get("lesionId");
          if (g.columns().get(1).id().equals("mm")) {
            if (v == null || v.equals("NE")) {
              o.putNull(key);
            } else {
              o.put(key, new java.math.BigDecimal(v));
            }
          } else {
            o.put(key, v);
          }
        }
      } else {
        ArrayNode a = root.putArray(g.id());
        for (GroupRecord r : rows) {
          ObjectNode o = a.addObject();
          for (Map.Entry<String, String> e : r.items().entrySet()) {
            o.set(e.getKey(), typed(column(g, e.getKey()), e.getValue()));
          }
        }
      }
    }
    return JSON.writeValueAsString(root);
  }

  private static FormLayout.Column column(FormLayout.Group g, String id) {
    return g.columns().stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("item group " + g.id() + ": no field " + id));
  }

  private static JsonNode typed(FormLayout.Column c, String v) {
    return switch (c.dataType()) {
      case "integer" -> JSON.getNodeFactory().numberNode(Long.parseLong(v));
      case "float" -> JSON.getNodeFactory().numberNode(new java.math.BigDecimal(v));
      case "boolean" -> JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(v));
      case "datetime" -> JSON.getNodeFactory().stringNode(v.length() == 19 && v.endsWith(":00")
          ? v.substring(0, 16) : v);
      default -> JSON.getNodeFactory().stringNode(v);
    };
  }
}
