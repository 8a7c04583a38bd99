package org.oligotrial.server.web.tumour;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline lesion editor as typed: the scan date and one row per lesion, each input a string as the browser sent
 * it. Turns into the values of the {@code tumour-baseline} form (the lesion structure of docs/recist.md) and back.
 * Nothing is checked here: the form service and the core's baseline rules check, and name the field.
 *
 * @param date the scan date as typed
 * @param lesions the rows, in page order
 */
public record BaselineForm(String date, List<Row> lesions) {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One lesion row; {@code target} and {@code nodal} are {@code yes} or {@code no}. */
  public record Row(String id, String site, String siteText, String nodal, String target, String mm, String method,
      String sliceThicknessMm, String role) {}

  /** An empty row for the add-row template (its id is filled in by the page). */
  static Row blank(String id) {
    return new Row(id, "", "", "no", "yes", "", "CT", "", "other");
  }

  /** Reads the parallel lists of the request (one entry per row, in page order). */
  static BaselineForm of(MultiValueMap<String, String> p) {
    List<String> ids = p.getOrDefault("lesionId", List.of());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      rows.add(new Row(at(p, "lesionId", i), at(p, "site", i), at(p, "siteText", i), at(p, "nodal", i),
          at(p, "target", i), at(p, "mm", i), at(p, "method", i), at(p, "sliceThicknessMm", i), at(p, "role", i)));
    }
    return new BaselineForm(p.getFirst("date") == null ? "" : p.getFirst("date").strip(), rows);
  }

  private static String at(MultiValueMap<String, String> p, String name, int i) {
    List<String> l = p.get(name);
    return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i).strip();
  }

  /**
   * The form values: {@code {"date", "lesions": [{"id", "type", "site", "siteText", "nodal", "mm", "method",
   * "sliceThicknessMm", "role"}]}}. Empty inputs are left out; a number that does not read as one is passed on as
   * text so that the checks name the field.
   */
  ObjectNode values() {
    ObjectNode o = JSON.createObjectNode();
    if (!date.isEmpty()) {
      o.put("date", date);
    }
    ArrayNode list = o.putArray("lesions");
    for (Row r : lesions) {
      ObjectNode l = list.addObject();
      l.put("id", r.id());
      l.put("type", "no".equals(r.target()) ? "non-target" : "target");
      text(l, "site", r.site());
      text(l, "siteText", r.siteText());
      l.put("nodal", "yes".equals(r.nodal()));
      number(l, "mm", r.mm());
      text(l, "method", r.method());
      number(l, "sliceThicknessMm", r.sliceThicknessMm());
      text(l, "role", r.role());
    }
    return o;
  }

  /** The editor filled from stored values. */
  static BaselineForm fromValues(JsonNode v) {
    List<Row> rows = new ArrayList<>();
    for (JsonNode l : v.path("lesions")) {
      rows.add(new Row(l.path("id").asString(""), l.path("site").asString(""), l.path("siteText").asString(""),
          l.path("nodal").asBoolean(false) ? "yes" : "no", "non-target".equals(l.path("type").asString("")) ? "no" : "yes",
          plain(l.path("mm")), l.path("method").asString(""), plain(l.path("sliceThicknessMm")),
          l.path("role").asString("")));
    }
    return new BaselineForm(v.path("date").asString(""), rows);
  }

  static String plain(JsonNode n) {
    return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asString("");
  }

  static void text(ObjectNode o, String name, String s) {
    if (s != null && !s.isEmpty()) {
      o.put(name, s);
    }
  }

  static void number(ObjectNode o, String name, String s) {
    if (s == null || s.isEmpty()) {
      return;
    }
    try {
      o.put(name, new BigDecimal(s));
    } catch (NumberFormatException e) {
      o.put(name, s);
    }
  }

  /** The ids of the rows, in page order. */
  List<String> ids() {
    return lesions.stream().map(Row::id).toList();
  }
}
