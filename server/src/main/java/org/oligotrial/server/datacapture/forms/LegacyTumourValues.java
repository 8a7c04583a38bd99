package org.oligotrial.server.datacapture.forms;

import java.util.List;
import java.util.Locale;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.recist.LesionIds;
import org.oligotrial.recist.LesionRole;
import org.oligotrial.recist.LesionSite;
import org.oligotrial.server.kernel.InvalidFieldException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tumour forms in the shape used before lesions were structured, read as structured lesions. Forms stored in that
 * shape stay as they were stored (their audit trail, versions and endpoints are as before: the endpoints of a
 * participant whose baseline is in the older shape come from the progression forms); their RECIST responses and the
 * web's lesion pages read them through this class, and a change in the web saves them structured (audited as a change
 * of values). API callers may still send the older shape ({@link #olderDefinition}); it is stored as sent.
 *
 * <ul>
 *   <li>baseline {@code {"date", "targets": [{"id", "organ", "node", "mm"}], "nonTargets": [{"id", "organ"}]}}
 *       becomes {@code {"date", "lesions": [...]}}: the organ is the coded site when it is one (ignoring case,
 *       spaces for hyphens), otherwise site {@code other} with the organ as its text; {@code node} is
 *       {@code nodal}; targets were measured on CT (the trial's staging method, which the old shape did not record);
 *       the role is {@code other}, since the old shape did not say which lesion was the primary tumour;
 *   <li>assessment {@code "newLesions": "no" | "yes" | "equivocal"} (or true/false) becomes a list: none, or one new
 *       lesion {@code NL1} at site {@code other} "not recorded", unequivocal or equivocal. One id for every old
 *       record keeps the old back-dating: an equivocal finding confirmed at the next scan dates progression back to
 *       the first equivocal scan.
 * </ul>
 *
 * Values already structured, and values of other forms, are returned unchanged. Stateless and thread-safe.
 */
public final class LegacyTumourValues {
  /** The text of the site of a new lesion recorded before sites were. */
  public static final String UNRECORDED_SITE = "not recorded";

  private LegacyTumourValues() {}

  /** The values of a form of this type in the structured shape. */
  public static JsonNode structured(String formType, JsonNode values) {
    if (values == null || !values.isObject()) {
      return values;
    }
    if (formType.equals("tumour-baseline") && !values.has("lesions")
        && (values.path("targets").isArray() || values.path("nonTargets").isArray())) {
      return baseline(values);
    }
    if (formType.equals("tumour-assessment") && values.path("newLesions").isString()) {
      ObjectNode o = (ObjectNode) values.deepCopy();
      ArrayNode list = FormValidator.JSON.createArrayNode();
      String word = values.path("newLesions").stringValue().strip().toLowerCase(Locale.ROOT);
      if (word.equals("yes") || word.equals("equivocal")) {
        ObjectNode n = list.addObject();
        n.put("id", LesionIds.NEW + "1");
        n.put("site", LesionSite.OTHER.code());
        n.put("siteText", UNRECORDED_SITE);
        n.put("equivocal", word.equals("equivocal"));
      } else if (!word.equals("no")) {
        return values;
      }
      o.set("newLesions", list);
      return o;
    }
    return values;
  }

  /**
   * The definition of the older shape when the values are in it (then they are checked against it and stored as
   * sent), or null for structured values.
   *
   * @param def the protocol's definition of the form
   */
  public static FormDefinition olderDefinition(FormDefinition def, JsonNode values) {
    if (def.id().equals("tumour-baseline") && !values.has("lesions")
        && (values.has("targets") || values.has("nonTargets"))) {
      return new FormDefinition(def.id(), def.name(), def.visits(), def.dateField(), List.of(
          def.field("date").orElseThrow(),
          field("targets", "target lesions (id, organ, node, mm), the older shape", "recist-targets", true),
          field("nonTargets", "non-target lesions (id, organ), the older shape", "recist-non-targets", false)));
    }
    if (def.id().equals("tumour-assessment") && values.path("newLesions").isString()) {
      List<FormField> fields = new java.util.ArrayList<>(def.fields().stream()
          .filter(f -> !f.id().equals("newLesions")).toList());
      fields.add(new FormField("newLesions", "new lesions, the older shape", "choice", true, null,
          List.of("no", "yes", "equivocal"), null, null, null));
      return new FormDefinition(def.id(), def.name(), def.visits(), def.dateField(), fields);
    }
    return null;
  }

  private static FormField field(String id, String label, String type, boolean required) {
    return new FormField(id, label, type, required, null, List.of(), null, null, null);
  }

  /**
   * The values as stored: baseline lesions without an id get the next one of their kind ({@code T..} targets,
   * {@code N..} non-targets, as the core's reader would generate them), so that follow-ups can name them; a
   * follow-up's new lesion must carry its id (the same id when it is seen again).
   *
   * @throws InvalidFieldException naming the new lesion without an id
   */
  public static JsonNode withIds(String formType, JsonNode values) {
    if (formType.equals("tumour-baseline") && values.path("lesions").isArray()) {
      java.util.List<String> used = new java.util.ArrayList<>();
      for (JsonNode l : values.path("lesions")) {
        if (l.path("id").isString() && !l.path("id").stringValue().isBlank()) {
          used.add(l.path("id").stringValue().strip());
        }
      }
      ObjectNode o = (ObjectNode) values.deepCopy();
      for (JsonNode l : o.path("lesions")) {
        if (l.isObject() && (l.get("id") == null || l.get("id").isNull()
            || l.get("id").isString() && l.get("id").stringValue().isBlank())) {
          String prefix = "non-target".equalsIgnoreCase(l.path("type").asString("").strip())
              ? LesionIds.NON_TARGET : LesionIds.TARGET;
          String id = LesionIds.next(prefix, used);
          used.add(id);
          ((ObjectNode) l).put("id", id);
        }
      }
      return o;
    }
    if (formType.equals("tumour-assessment") && values.path("newLesions").isArray()) {
      JsonNode list = values.path("newLesions");
      for (int i = 0; i < list.size(); i++) {
        JsonNode id = list.get(i).path("id");
        if (!id.isString() || id.stringValue().isBlank()) {
          throw new InvalidFieldException("values.newLesions[" + i + "].id", "is required: the new lesion's id ("
              + LesionIds.NEW + "1, " + LesionIds.NEW + "2, ..), the same id when the lesion is seen again");
        }
      }
    }
    return values;
  }

  private static ObjectNode baseline(JsonNode v) {
    ObjectNode o = FormValidator.JSON.createObjectNode();
    if (v.has("date")) {
      o.set("date", v.get("date"));
    }
    ArrayNode lesions = o.putArray("lesions");
    for (JsonNode t : v.path("targets")) {
      lesion(lesions.addObject(), t, true);
    }
    for (JsonNode n : v.path("nonTargets")) {
      lesion(lesions.addObject(), n, false);
    }
    return o;
  }

  private static void lesion(ObjectNode l, JsonNode old, boolean target) {
    l.set("id", old.get("id"));
    l.put("type", target ? "target" : "non-target");
    String organ = old.path("organ").isString() ? old.path("organ").stringValue().strip() : "";
    LesionSite site = LesionSite.fromCode(organ);
    if (site == null || site == LesionSite.OTHER) {
      l.put("site", LesionSite.OTHER.code());
      l.put("siteText", organ);
    } else {
      l.put("site", site.code());
    }
    l.put("nodal", old.path("node").asBoolean(site != null && site.node()));
    if (old.has("mm")) {
      l.set("mm", old.get("mm"));
    }
    if (target) {
      l.put("method", "CT");
    }
    l.put("role", LesionRole.OTHER.code());
  }
}
