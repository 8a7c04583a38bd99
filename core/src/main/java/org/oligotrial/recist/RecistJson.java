package org.oligotrial.recist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the RECIST input JSON (schema: docs/schema/recist-input.schema.json) and writes an evaluation as JSON.
 *
 * <p>Reading checks the format only (types, required fields, ISO dates, known words, no duplicate keys, no unknown
 * fields apart from {@code $schema}, {@code participantId} and {@code comment}); the RECIST rules are checked by
 * {@link RecistEvaluator}. Numbers are read as exact decimals, rounded to 0.001 mm (half-even), and must lie between
 * 0 and 1000 mm. Every problem throws
 * {@link InvalidRecistDataException} whose message starts with the JSON path of the field, e.g.
 * {@code baseline.targets[1].mm}.
 *
 * <p>Writing: lengths in mm as exact decimals, percentages as full-precision doubles (rounded only for display by
 * callers), dates ISO, responses as their abbreviations (CR, PR, SD, PD, NE, non-CR/non-PD, NN), absent values as
 * JSON null. Stateless and thread-safe.
 */
public final class RecistJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final int MM_DECIMALS = 3;
  private static final BigDecimal HALF_MICROMETRE = new BigDecimal("0.0005");
  private static final Set<String> META = Set.of("$schema", "participantId", "comment");

  private RecistJson() {}

  /**
   * Parses the input format.
   *
   * @param json the document text
   * @throws InvalidRecistDataException naming the field when the document does not follow the format
   */
  public static RecistInput read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidRecistDataException("not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidRecistDataException("the document must be a JSON object with 'baseline' and 'assessments'");
    }
    onlyKnown(root, "", Set.of("baseline", "assessments"));
    JsonNode b = object(root, "baseline", "baseline");
    onlyKnown(b, "baseline.", Set.of("date", "targets", "nonTargets"));
    LocalDate baselineDate = date(b, "date", "baseline.date");
    List<TargetLesion> targets = new ArrayList<>();
    int i = 0;
    for (JsonNode t : array(b, "targets", "baseline.targets")) {
      String p = "baseline.targets[" + i++ + "]";
      requireObject(t, p);
      onlyKnown(t, p + ".", Set.of("id", "organ", "node", "mm"));
      JsonNode node = t.get("node");
      if (node != null && !node.isBoolean()) {
        throw new InvalidRecistDataException(p + ".node: must be true or false");
      }
      targets.add(new TargetLesion(text(t, "id", p + ".id"), text(t, "organ", p + ".organ"),
          node != null && node.booleanValue(), millimetres(t.get("mm"), p + ".mm", false)));
    }
    List<NonTargetLesion> nonTargets = new ArrayList<>();
    i = 0;
    for (JsonNode n : array(b, "nonTargets", "baseline.nonTargets")) {
      String p = "baseline.nonTargets[" + i++ + "]";
      requireObject(n, p);
      onlyKnown(n, p + ".", Set.of("id", "organ", "node"));
      nonTargets.add(new NonTargetLesion(text(n, "id", p + ".id"), text(n, "organ", p + ".organ")));
    }
    List<Assessment> assessments = new ArrayList<>();
    i = 0;
    for (JsonNode a : array(root, "assessments", "assessments")) {
      String p = "assessments[" + i++ + "]";
      requireObject(a, p);
      onlyKnown(a, p + ".", Set.of("date", "targets", "nonTargets", "newLesions"));
      assessments.add(assessment(a, p));
    }
    return new RecistInput(new Baseline(baselineDate, targets, nonTargets), assessments);
  }

  private static Assessment assessment(JsonNode a, String p) {
    LocalDate date = date(a, "date", p + ".date");
    Map<String, BigDecimal> targets = new LinkedHashMap<>();
    JsonNode t = a.get("targets");
    if (t != null && !t.isNull()) {
      requireObject(t, p + ".targets");
      for (Map.Entry<String, JsonNode> e : t.properties()) {
        targets.put(e.getKey(), millimetres(e.getValue(), p + ".targets." + e.getKey(), true));
      }
    }
    Map<String, NonTargetStatus> nonTargets = new LinkedHashMap<>();
    JsonNode n = a.get("nonTargets");
    if (n != null && !n.isNull()) {
      requireObject(n, p + ".nonTargets");
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String field = p + ".nonTargets." + e.getKey();
        NonTargetStatus s = e.getValue().isString() ? NonTargetStatus.fromLabel(e.getValue().stringValue()) : null;
        if (s == null) {
          throw new InvalidRecistDataException(
              field + ": " + shown(e.getValue()) + " is not one of present, absent, progression, not-evaluated");
        }
        nonTargets.put(e.getKey(), s);
      }
    }
    JsonNode nl = a.get("newLesions");
    NewLesions newLesions;
    if (nl == null || nl.isNull()) {
      throw new InvalidRecistDataException(p + ".newLesions: missing; one of no, yes, equivocal");
    } else if (nl.isBoolean()) {
      newLesions = nl.booleanValue() ? NewLesions.YES : NewLesions.NO;
    } else {
      newLesions = nl.isString() ? NewLesions.fromLabel(nl.stringValue()) : null;
      if (newLesions == null) {
        throw new InvalidRecistDataException(p + ".newLesions: " + shown(nl) + " is not one of no, yes, equivocal");
      }
    }
    return new Assessment(date, targets, nonTargets, newLesions);
  }

  /**
   * Writes an evaluation as pretty-printed JSON.
   *
   * @throws NullPointerException if {@code evaluation} is null
   */
  public static String write(RecistEvaluation evaluation) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(evaluation));
  }

  /** The evaluation as a JSON object (the fields {@link #write} prints). @throws NullPointerException if null */
  public static ObjectNode toJson(RecistEvaluation evaluation) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("baselineSum", evaluation.baselineSum());
    root.put("minSdDays", evaluation.minSdDays());
    ArrayNode list = root.putArray("assessments");
    for (AssessmentResult r : evaluation.assessments()) {
      ObjectNode o = list.addObject();
      o.put("date", r.date().toString());
      o.put("sum", r.sum());
      o.put("changeFromBaselinePct", r.changeFromBaselinePct());
      o.put("nadir", r.nadir());
      o.put("changeFromNadirPct", r.changeFromNadirPct());
      o.put("target", r.target() == null ? null : r.target().label());
      o.put("nonTarget", r.nonTarget().label());
      o.put("newLesions", r.newLesions().label());
      o.put("overall", r.overall().label());
      ArrayNode missing = o.putArray("targetsNotEvaluated");
      r.targetsNotEvaluated().forEach(missing::add);
      o.put("reappearedAfterCr", r.reappearedAfterCr());
    }
    root.put("bestOverallResponse", evaluation.bestOverallResponse().label());
    root.put("progressionDate", evaluation.progressionDate() == null ? null : evaluation.progressionDate().toString());
    return root;
  }

  /** The shared reader: exact decimals, duplicate keys refused. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  static void onlyKnown(JsonNode o, String prefix, Set<String> known) {
    for (String name : o.propertyNames()) {
      if (!known.contains(name) && !META.contains(name)) {
        throw new InvalidRecistDataException(prefix + name + ": unknown field; expected one of " + known);
      }
    }
  }

  static void requireObject(JsonNode n, String field) {
    if (!n.isObject()) {
      throw new InvalidRecistDataException(field + ": must be a JSON object");
    }
  }

  static JsonNode object(JsonNode parent, String name, String field) {
    JsonNode n = parent.get(name);
    if (n == null || n.isNull()) {
      throw new InvalidRecistDataException(field + ": missing");
    }
    requireObject(n, field);
    return n;
  }

  static List<JsonNode> array(JsonNode parent, String name, String field) {
    JsonNode n = parent.get(name);
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out; // an absent list is empty
    }
    if (!n.isArray()) {
      throw new InvalidRecistDataException(field + ": must be a JSON array");
    }
    n.forEach(out::add);
    return out;
  }

  static String text(JsonNode parent, String name, String field) {
    JsonNode n = parent.get(name);
    if (n == null || n.isNull()) {
      throw new InvalidRecistDataException(field + ": missing");
    }
    if (!n.isString() || n.stringValue().isBlank()) {
      throw new InvalidRecistDataException(field + ": must be a non-empty string");
    }
    return n.stringValue().trim();
  }

  static LocalDate date(JsonNode parent, String name, String field) {
    String s = text(parent, name, field);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new InvalidRecistDataException(field + ": '" + s + "' is not an ISO date (YYYY-MM-DD)");
    }
  }

  static BigDecimal millimetres(JsonNode n, String field, boolean nullAllowed) {
    if (n == null || n.isNull()) {
      if (nullAllowed) {
        return null;
      }
      throw new InvalidRecistDataException(field + ": missing; the measure in mm");
    }
    if (!n.isNumber()) {
      throw new InvalidRecistDataException(field + ": " + shown(n) + " is not a number of millimetres");
    }
    BigDecimal mm = n.decimalValue();
    if (mm.signum() < 0) {
      throw new InvalidRecistDataException(field + ": " + shown(n) + " mm must not be negative");
    }
    if (mm.compareTo(RecistRules.MAX_MM) > 0) {
      throw new InvalidRecistDataException(field + ": " + shown(n) + " mm is more than "
          + RecistRules.MAX_MM.toPlainString() + " mm; check the unit (millimetres)");
    }
    // measures are kept to a micrometre: absorbs binary floating-point noise such as 12.300000000000001
    if (mm.compareTo(HALF_MICROMETRE) <= 0) {
      return BigDecimal.ZERO; // also keeps setScale away from exponents such as 1e-999999999
    }
    BigDecimal rounded = mm.setScale(MM_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded; // 20, not 2E+1
  }

  static String shown(JsonNode n) {
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
