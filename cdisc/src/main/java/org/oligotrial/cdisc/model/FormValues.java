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
 * directions are inverse for every value the server accepts (a test round-trips them). Stateless, thread-safe.
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
      JsonNode v = root.get(c.id());
      if (v != null && !v.isNull()) {
        main.put(c.id(), v.isValueNode() ? v.asString() : v.toString());
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
          root.set(e.getKey(), typed(c, e.getValue()));
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
      default -> JSON.getNodeFactory().stringNode(v);
    };
  }
}
