package org.oligotrial.server.web.tumour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A follow-up tumour assessment as typed: the scan date, per baseline target a measure or "not evaluable", per
 * baseline non-target a status, and the new lesions (rows). Turns into the values of the {@code tumour-assessment}
 * form (docs/recist.md) and back; nothing is checked here.
 *
 * @param date the scan date as typed
 * @param targets target id to {@link Measure}, in baseline order
 * @param nonTargets non-target id to its status code, in baseline order
 * @param newLesions new-lesion rows in page order
 */
public record AssessmentForm(String date, Map<String, Measure> targets, Map<String, String> nonTargets,
    List<NewRow> newLesions) {

  /** A target's measure as typed, or not evaluable. */
  public record Measure(String mm, boolean notEvaluable) {}

  /** A new lesion; {@code finding} is {@code equivocal} or {@code unequivocal}. */
  public record NewRow(String id, String site, String siteText, String finding) {}

  /** Non-target statuses in the order offered. */
  static final List<String> STATUSES = List.of("present", "absent", "progression", "not-evaluated");

  static NewRow blank(String id) {
    return new NewRow(id, "", "", "unequivocal");
  }

  /**
   * Reads the request: {@code date}, {@code t.<id>} and {@code ne.<id>} per target, {@code nt.<id>} per non-target,
   * and the parallel lists {@code newId}, {@code newSite}, {@code newSiteText}, {@code newFinding}.
   *
   * @param targetIds the baseline target ids, in order
   * @param nonTargetIds the baseline non-target ids, in order
   */
  static AssessmentForm of(MultiValueMap<String, String> p, List<String> targetIds, List<String> nonTargetIds) {
    Map<String, Measure> t = new LinkedHashMap<>();
    for (String id : targetIds) {
      t.put(id, new Measure(first(p, "t." + id), "true".equals(p.getFirst("ne." + id))));
    }
    Map<String, String> nt = new LinkedHashMap<>();
    for (String id : nonTargetIds) {
      nt.put(id, first(p, "nt." + id));
    }
    List<NewRow> rows = new ArrayList<>();
    List<String> ids = p.getOrDefault("newId", List.of());
    for (int i = 0; i < ids.size(); i++) {
      rows.add(new NewRow(at(p, "newId", i), at(p, "newSite", i), at(p, "newSiteText", i), at(p, "newFinding", i)));
    }
    return new AssessmentForm(first(p, "date"), t, nt, rows);
  }

  private static String first(MultiValueMap<String, String> p, String name) {
    String s = p.getFirst(name);
    return s == null ? "" : s.strip();
  }

  private static String at(MultiValueMap<String, String> p, String name, int i) {
    List<String> l = p.get(name);
    return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i).strip();
  }

  /**
   * The form values: {@code {"date", "targets": {id: mm or null}, "nonTargets": {id: status}, "newLesions": [{"id",
   * "site", "siteText", "equivocal"}]}}. A target left empty and not marked "not evaluable" is left out of the map
   * (not evaluated); a non-target without a status is left out.
   */
  ObjectNode values() {
    ObjectNode o = BaselineForm.JSON.createObjectNode();
    BaselineForm.text(o, "date", date);
    ObjectNode t = o.putObject("targets");
    targets.forEach((id, m) -> {
      if (m.notEvaluable()) {
        t.putNull(id);
      } else if (!m.mm().isEmpty()) {
        BaselineForm.number(t, id, m.mm());
      }
    });
    ObjectNode nt = o.putObject("nonTargets");
    nonTargets.forEach((id, s) -> BaselineForm.text(nt, id, s));
    ArrayNode list = o.putArray("newLesions");
    for (NewRow r : newLesions) {
      ObjectNode l = list.addObject();
      l.put("id", r.id());
      BaselineForm.text(l, "site", r.site());
      BaselineForm.text(l, "siteText", r.siteText());
      l.put("equivocal", "equivocal".equals(r.finding()));
    }
    return o;
  }

  /**
   * The page filled from stored values.
   *
   * @param targetIds the baseline target ids, in order
   * @param nonTargetIds the baseline non-target ids, in order
   */
  static AssessmentForm fromValues(JsonNode v, List<String> targetIds, List<String> nonTargetIds) {
    Map<String, Measure> t = new LinkedHashMap<>();
    for (String id : targetIds) {
      JsonNode m = v.path("targets").get(id);
      t.put(id, new Measure(m == null || m.isNull() ? "" : BaselineForm.plain(m), m != null && m.isNull()));
    }
    Map<String, String> nt = new LinkedHashMap<>();
    for (String id : nonTargetIds) {
      nt.put(id, v.path("nonTargets").path(id).asString(""));
    }
    return new AssessmentForm(v.path("date").asString(""), t, nt, newRows(v));
  }

  /** The new lesions recorded in stored assessment values. */
  static List<NewRow> newRows(JsonNode v) {
    List<NewRow> rows = new ArrayList<>();
    for (JsonNode l : v.path("newLesions")) {
      rows.add(new NewRow(l.path("id").asString(""), l.path("site").asString(""), l.path("siteText").asString(""),
          l.path("equivocal").asBoolean(false) ? "equivocal" : "unequivocal"));
    }
    return rows;
  }

  /** The new-lesion ids, in page order. */
  List<String> newIds() {
    return newLesions.stream().map(NewRow::id).toList();
  }
}
