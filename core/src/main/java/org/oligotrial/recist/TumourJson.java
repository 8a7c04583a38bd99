package org.oligotrial.recist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads structured tumour assessments (lesions with their site, method and role) from JSON and writes their
 * evaluation. Schema: docs/schema/recist-input.schema.json (the {@code lesions} form of the baseline); worked
 * examples in examples/recist/.
 *
 * <pre>
 * {"baseline": {"date": "2024-03-01", "lesions": [
 *    {"id": "T1", "type": "target", "site": "lung", "nodal": false, "mm": 42, "method": "CT",
 *     "sliceThicknessMm": 1.25, "role": "primary"},
 *    {"id": "N1", "type": "non-target", "site": "bone", "role": "oligometastatic"}]},
 *  "assessments": [
 *    {"date": "2024-04-12", "targets": {"T1": 30}, "nonTargets": {"N1": "present"},
 *     "newLesions": [{"id": "NL1", "site": "liver", "equivocal": true}]}]}
 * </pre>
 *
 * <p>Lesion ids may be left out: they are generated in order ({@link LesionIds}). {@code nodal} defaults to whether
 * the site is a node station, {@code role} to {@code other}. A target measure is a number of mm, or {@code null} or
 * {@code "NE"} for "not evaluable"; a non-target status is {@code present}, {@code absent}, {@code progression}
 * (unequivocal progression) or {@code not-evaluated}. Reading checks the format only; the RECIST rules are checked
 * by {@link BaselineRules} and {@link TumourEvaluator}. Every problem throws {@link InvalidRecistDataException}
 * whose message starts with the JSON path of the field. Stateless and thread-safe.
 */
public final class TumourJson {
  private static final Set<String> LESION_FIELDS =
      Set.of("id", "type", "site", "siteText", "nodal", "mm", "method", "sliceThicknessMm", "role");

  private TumourJson() {}

  /** Whether a parsed document is in the structured form (its baseline has {@code lesions}). */
  public static boolean isStructured(JsonNode root) {
    return root != null && root.isObject() && root.path("baseline").isObject() && root.path("baseline").has("lesions");
  }

  /** Parses a document's text. @throws InvalidRecistDataException if it is not JSON or not the structured form */
  public static TumourAssessments read(String json) {
    return read(parse(json));
  }

  /** Parses text into a tree, with exact decimals and duplicate keys refused. @throws InvalidRecistDataException */
  public static JsonNode parse(String json) {
    try {
      return RecistJson.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new InvalidRecistDataException("not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
  }

  /**
   * Reads a parsed document.
   *
   * @throws InvalidRecistDataException naming the field when the document does not follow the format
   */
  public static TumourAssessments read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidRecistDataException("the document must be a JSON object with 'baseline' and 'assessments'");
    }
    RecistJson.onlyKnown(root, "", Set.of("baseline", "assessments"));
    JsonNode b = RecistJson.object(root, "baseline", "baseline");
    RecistJson.onlyKnown(b, "baseline.", Set.of("date", "lesions"));
    LocalDate date = RecistJson.date(b, "date", "baseline.date");
    List<BaselineLesion> lesions = baselineLesions(b);
    List<String> used = new ArrayList<>(lesions.stream().map(BaselineLesion::id).toList());
    // ids given anywhere are reserved before any is generated, so a generated id never collides with a later one
    root.path("assessments").forEach(a -> a.path("newLesions").forEach(n -> {
      if (n.path("id").isString()) {
        used.add(n.path("id").stringValue().trim());
      }
    }));
    List<FollowUpAssessment> followUps = new ArrayList<>();
    int i = 0;
    for (JsonNode a : RecistJson.array(root, "assessments", "assessments")) {
      String p = "assessments[" + i++ + "]";
      RecistJson.requireObject(a, p);
      RecistJson.onlyKnown(a, p + ".", Set.of("date", "targets", "nonTargets", "newLesions"));
      followUps.add(followUp(a, p, used));
    }
    return new TumourAssessments(date, lesions, followUps);
  }

  /**
   * Reads only the lesions of a baseline object ({@code {"date": .., "lesions": [..]}} or the lesions array itself),
   * for checking a baseline as it is typed.
   *
   * @throws InvalidRecistDataException naming the field
   */
  public static List<BaselineLesion> readLesions(JsonNode baselineOrLesions) {
    if (baselineOrLesions != null && baselineOrLesions.isArray()) {
      ObjectNode wrapper = RecistJson.mapper().createObjectNode();
      wrapper.set("lesions", baselineOrLesions);
      return baselineLesions(wrapper);
    }
    if (baselineOrLesions == null || !baselineOrLesions.isObject()) {
      throw new InvalidRecistDataException("baseline: must be a JSON object with 'lesions'");
    }
    return baselineLesions(baselineOrLesions);
  }

  private static List<BaselineLesion> baselineLesions(JsonNode b) {
    List<BaselineLesion> out = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (JsonNode l : RecistJson.array(b, "lesions", "baseline.lesions")) {
      if (l.isObject() && l.get("id") != null && l.get("id").isString()) {
        used.add(l.get("id").stringValue().trim());
      }
    }
    int i = 0;
    for (JsonNode l : RecistJson.array(b, "lesions", "baseline.lesions")) {
      String p = "baseline.lesions[" + i++ + "]";
      RecistJson.requireObject(l, p);
      RecistJson.onlyKnown(l, p + ".", LESION_FIELDS);
      String type = RecistJson.text(l, "type", p + ".type");
      boolean target;
      if (type.equalsIgnoreCase("target")) {
        target = true;
      } else if (type.equalsIgnoreCase("non-target") || type.equalsIgnoreCase("nontarget")) {
        target = false;
      } else {
        throw new InvalidRecistDataException(p + ".type: '" + type + "' is not one of target, non-target");
      }
      String id = optionalText(l, "id", p + ".id");
      if (id == null) {
        id = LesionIds.next(target ? LesionIds.TARGET : LesionIds.NON_TARGET, used);
        used.add(id);
      }
      LesionSite site = site(l, p);
      JsonNode nodal = l.get("nodal");
      if (nodal != null && !nodal.isNull() && !nodal.isBoolean()) {
        throw new InvalidRecistDataException(p + ".nodal: must be true or false");
      }
      String methodText = optionalText(l, "method", p + ".method");
      ImagingMethod method = null;
      if (methodText != null) {
        method = ImagingMethod.fromCode(methodText);
        if (method == null) {
          throw new InvalidRecistDataException(p + ".method: '" + methodText + "' is not one of "
              + ImagingMethod.codes());
        }
      }
      String roleText = optionalText(l, "role", p + ".role");
      LesionRole role = roleText == null ? LesionRole.OTHER : LesionRole.fromCode(roleText);
      if (role == null) {
        throw new InvalidRecistDataException(p + ".role: '" + roleText + "' is not one of primary, oligometastatic, other");
      }
      out.add(new BaselineLesion(id, target, site, optionalText(l, "siteText", p + ".siteText"),
          nodal == null || nodal.isNull() ? site.node() : nodal.booleanValue(),
          RecistJson.millimetres(l.get("mm"), p + ".mm", true), method,
          RecistJson.millimetres(l.get("sliceThicknessMm"), p + ".sliceThicknessMm", true), role));
    }
    return out;
  }

  private static FollowUpAssessment followUp(JsonNode a, String p, List<String> used) {
    LocalDate date = RecistJson.date(a, "date", p + ".date");
    Map<String, BigDecimal> targets = new LinkedHashMap<>();
    JsonNode t = a.get("targets");
    if (t != null && !t.isNull()) {
      RecistJson.requireObject(t, p + ".targets");
      for (Map.Entry<String, JsonNode> e : t.properties()) {
        JsonNode v = e.getValue();
        String field = p + ".targets." + e.getKey();
        if (v.isString()) {
          String s = v.stringValue().trim().toLowerCase(java.util.Locale.ROOT);
          if (!s.equals("ne") && !s.equals("not-evaluable") && !s.equals("not evaluable")) {
            throw new InvalidRecistDataException(field + ": '" + v.stringValue()
                + "' is neither a number of millimetres nor \"NE\" (not evaluable)");
          }
          targets.put(e.getKey(), null);
        } else {
          targets.put(e.getKey(), RecistJson.millimetres(v, field, true));
        }
      }
    }
    Map<String, NonTargetStatus> nonTargets = new LinkedHashMap<>();
    JsonNode n = a.get("nonTargets");
    if (n != null && !n.isNull()) {
      RecistJson.requireObject(n, p + ".nonTargets");
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String field = p + ".nonTargets." + e.getKey();
        String word = e.getValue().isString() ? e.getValue().stringValue().trim() : null;
        NonTargetStatus s = "unequivocal-progression".equalsIgnoreCase(word)
            ? NonTargetStatus.PROGRESSION
            : NonTargetStatus.fromLabel(word);
        if (s == null) {
          throw new InvalidRecistDataException(field + ": " + RecistJson.shown(e.getValue())
              + " is not one of present, absent, progression, not-evaluated");
        }
        nonTargets.put(e.getKey(), s);
      }
    }
    List<NewLesion> newLesions = new ArrayList<>();
    JsonNode nl = a.get("newLesions");
    if (nl != null && !nl.isNull() && !nl.isArray()) {
      throw new InvalidRecistDataException(p + ".newLesions: must be a JSON array of new lesions (empty when none)");
    }
    int i = 0;
    for (JsonNode l : RecistJson.array(a, "newLesions", p + ".newLesions")) {
      String q = p + ".newLesions[" + i++ + "]";
      RecistJson.requireObject(l, q);
      RecistJson.onlyKnown(l, q + ".", Set.of("id", "site", "siteText", "equivocal"));
      String id = optionalText(l, "id", q + ".id");
      if (id == null) {
        id = LesionIds.next(LesionIds.NEW, used);
      }
      used.add(id);
      JsonNode eq = l.get("equivocal");
      if (eq != null && !eq.isNull() && !eq.isBoolean()) {
        throw new InvalidRecistDataException(q + ".equivocal: must be true or false");
      }
      newLesions.add(new NewLesion(id, site(l, q), optionalText(l, "siteText", q + ".siteText"),
          eq != null && eq.isBoolean() && eq.booleanValue()));
    }
    return new FollowUpAssessment(date, targets, nonTargets, newLesions);
  }

  private static LesionSite site(JsonNode l, String p) {
    String code = RecistJson.text(l, "site", p + ".site");
    LesionSite site = LesionSite.fromCode(code);
    if (site == null) {
      throw new InvalidRecistDataException(p + ".site: '" + code + "' is not one of " + LesionSite.codes()
          + " (use \"other\" with siteText)");
    }
    return site;
  }

  private static String optionalText(JsonNode l, String name, String field) {
    JsonNode n = l.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isString()) {
      throw new InvalidRecistDataException(field + ": must be a string");
    }
    return n.stringValue().isBlank() ? null : n.stringValue().trim();
  }

  /** The evaluation as pretty-printed JSON ({@link #toJson}). @throws NullPointerException if null */
  public static String write(TumourEvaluation evaluation) {
    return RecistJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(evaluation));
  }

  /**
   * The evaluation as JSON: the fields of {@link RecistJson#toJson} plus {@code warnings} (baseline findings that do
   * not block), {@code lesionProgressions} (each lesion's first progression), {@code progressionSites} (the lesion
   * ids of the first progression) and {@code scopeProgression} (first progression date per scope code, null when
   * none).
   */
  public static ObjectNode toJson(TumourEvaluation e) {
    ObjectNode root = RecistJson.toJson(e.recist());
    ArrayNode w = root.putArray("warnings");
    e.warnings().forEach(f -> w.add(finding(f)));
    ArrayNode lp = root.putArray("lesionProgressions");
    for (LesionProgression p : e.lesionProgressions()) {
      ObjectNode o = lp.addObject();
      o.put("lesionId", p.lesionId());
      o.put("newLesion", p.newLesion());
      o.put("role", p.role() == null ? null : p.role().code());
      o.put("site", p.site().code());
      o.put("siteName", p.siteName());
      o.put("date", p.date().toString());
      o.put("reason", p.reason());
    }
    ArrayNode sites = root.putArray("progressionSites");
    e.progressionSites().forEach(p -> sites.add(p.lesionId()));
    ObjectNode scopes = root.putObject("scopeProgression");
    for (LesionScope s : LesionScope.values()) {
      LocalDate d = e.progressionDate(s);
      scopes.put(s.code(), d == null ? null : d.toString());
    }
    return root;
  }

  /** One baseline finding as JSON: lesionId, rule, severity (error or warning), message. */
  public static ObjectNode finding(BaselineFinding f) {
    ObjectNode o = RecistJson.mapper().createObjectNode();
    o.put("lesionId", f.lesionId());
    o.put("rule", f.rule());
    o.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
    o.put("message", f.message());
    return o;
  }
}
