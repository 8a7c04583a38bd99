package org.oligotrial.server.web.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.oligotrial.units.LabUnits;
import org.springframework.util.MultiValueMap;

/**
 * The screening form's fields (flat HTML names) and their translation into the screening record JSON read by {@link
 * org.oligotrial.eligibility.ScreeningRecordParser}. An empty field is left out of the record (unknown); numbers that
 * do not look like numbers are passed on as text so that the parser names the field in its message; yes/no selects
 * become booleans. Stateless.
 */
public final class ScreeningForm {
  /** Lab analytes in the order the form shows them. */
  public static final List<String> LABS = List.of("WBC", "NEU", "PLT", "HGB", "TBIL", "AST", "ALT", "CREAT");
  /** Labs judged against the site's upper limit of normal. */
  public static final List<String> ULN_LABS = List.of("TBIL", "AST", "ALT", "CREAT");
  /** Number of metastasis rows on the form. */
  public static final int MET_ROWS = 5;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("pregnant", "pregnant");
    FLAGS.put("breastfeeding", "breastfeeding");
    FLAGS.put("intracranial", "intracranialMetastasis");
    FLAGS.put("canTolerate", "canTolerateSystemicTherapy");
    FLAGS.put("otherMalignancy", "otherMalignancy");
    FLAGS.put("uncontrolled", "uncontrolledSeriousDisease");
    FLAGS.put("expectedToComplete", "expectedToComplete");
    FLAGS.put("consentSigned", "consentSigned");
  }

  private ScreeningForm() {}

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

  /** The screening record as JSON. */
  public static String toJson(MultiValueMap<String, String> p) {
    Json j = new Json();
    j.text("id", first(p, "screeningNumber"));
    j.text("screeningDate", first(p, "screeningDate"));
    j.text("birthDate", first(p, "birthDate"));
    j.text("sex", first(p, "sex"));
    flag(j, p, "pregnant");
    flag(j, p, "breastfeeding");
    String histology = first(p, "histology");
    String confirmation = first(p, "confirmation");
    if (histology != null || confirmation != null) {
      j.open("diagnosis").text("histology", histology).text("confirmation", confirmation).close();
    }
    String t = first(p, "t");
    String n = first(p, "n");
    String m = first(p, "m");
    if (t != null || n != null || m != null) {
      j.open("staging").text("t", t).text("n", n).text("m", m).close();
    }
    String diameter = first(p, "primaryDiameter");
    if (diameter != null) {
      j.open("primaryTumor").number("longestDiameterMm", diameter).close();
    }
    List<String[]> mets = new ArrayList<>();
    for (int i = 0; i < MET_ROWS; i++) {
      String site = first(p, "metSite" + i);
      String lesions = first(p, "metLesions" + i);
      String text = first(p, "metText" + i);
      if (site != null || lesions != null || text != null) {
        mets.add(new String[] {site, lesions, text});
      }
    }
    if (!mets.isEmpty()) {
      j.openArray("metastases");
      for (String[] met : mets) {
        j.openElement().text("site", met[0]).number("lesions", met[1]).text("text", met[2]).close();
      }
      j.closeArray();
    }
    flag(j, p, "intracranial");
    j.number("ecog", first(p, "ecog"));
    List<String> prior = all(p, "prior");
    if (!prior.isEmpty()) {
      j.openArray("priorTreatments");
      for (String type : prior) {
        if (!type.equals("none")) {
          j.openElement().text("type", type).close();
        }
      }
      j.closeArray();
    }
    j.number("lifeExpectancyMonths", first(p, "lifeExpectancy"));
    boolean anyLab = LABS.stream().anyMatch(a -> first(p, a + "_value") != null);
    if (anyLab) {
      j.open("labs");
      for (String a : LABS) {
        String value = first(p, a + "_value");
        if (value == null) {
          continue;
        }
        String unit = first(p, a + "_unit");
        j.open(a).number("value", value).text("unit", unit == null ? LabUnits.canonicalUnit(a) : unit);
        if (ULN_LABS.contains(a)) {
          j.number("uln", first(p, a + "_uln"));
        }
        j.close();
      }
      j.close();
    }
    j.text("egfr", first(p, "egfr"));
    for (String f : List.of("canTolerate", "otherMalignancy", "uncontrolled")) {
      flag(j, p, f);
    }
    String allergies = first(p, "allergies");
    if (allergies != null) {
      j.openArray("allergies");
      if (!allergies.equalsIgnoreCase("none")) {
        for (String a : allergies.split("[,;]")) {
          if (!a.isBlank()) {
            j.element(a.strip());
          }
        }
      }
      j.closeArray();
    }
    flag(j, p, "expectedToComplete");
    flag(j, p, "consentSigned");
    return j.done();
  }

  /**
   * The form's fields filled from a stored screening record (the reverse of {@link #toJson}), to start a re-screening
   * from the latest version. Fields the form does not show are left out.
   */
  public static MultiValueMap<String, String> fromJson(String recordJson) {
    MultiValueMap<String, String> p = new org.springframework.util.LinkedMultiValueMap<>();
    tools.jackson.databind.JsonNode r = tools.jackson.databind.json.JsonMapper.builder().build().readTree(recordJson);
    put(p, "screeningNumber", r.get("id"));
    put(p, "screeningDate", r.get("screeningDate"));
    put(p, "birthDate", r.get("birthDate"));
    put(p, "sex", r.get("sex"));
    put(p, "histology", r.path("diagnosis").get("histology"));
    put(p, "confirmation", r.path("diagnosis").get("confirmation"));
    put(p, "t", r.path("staging").get("t"));
    put(p, "n", r.path("staging").get("n"));
    put(p, "m", r.path("staging").get("m"));
    put(p, "primaryDiameter", r.path("primaryTumor").get("longestDiameterMm"));
    tools.jackson.databind.JsonNode mets = r.path("metastases");
    for (int i = 0; i < Math.min(mets.size(), MET_ROWS); i++) {
      put(p, "metSite" + i, mets.get(i).get("site"));
      put(p, "metLesions" + i, mets.get(i).get("lesions"));
      put(p, "metText" + i, mets.get(i).get("text"));
    }
    put(p, "ecog", r.get("ecog"));
    if (r.has("priorTreatments")) {
      if (r.get("priorTreatments").isEmpty()) {
        p.add("prior", "none");
      }
      for (tools.jackson.databind.JsonNode t : r.get("priorTreatments")) {
        put(p, "prior", t.get("type"));
      }
    } else {
      p.add("prior", "");
    }
    put(p, "lifeExpectancy", r.get("lifeExpectancyMonths"));
    for (String a : LABS) {
      tools.jackson.databind.JsonNode lab = r.path("labs").get(a);
      if (lab != null) {
        put(p, a + "_value", lab.get("value"));
        put(p, a + "_unit", lab.get("unit"));
        put(p, a + "_uln", lab.get("uln"));
      }
    }
    put(p, "egfr", r.get("egfr"));
    if (r.has("allergies")) {
      List<String> list = new ArrayList<>();
      r.get("allergies").forEach(n -> list.add(n.asString()));
      p.add("allergies", list.isEmpty() ? "none" : String.join(", ", list));
    }
    for (Map.Entry<String, String> e : FLAGS.entrySet()) {
      tools.jackson.databind.JsonNode v = r.get(e.getValue());
      if (v != null && v.isBoolean()) {
        p.add(e.getKey(), v.booleanValue() ? "yes" : "no");
      } else {
        put(p, e.getKey(), v);
      }
    }
    return p;
  }

  private static void put(MultiValueMap<String, String> p, String name, tools.jackson.databind.JsonNode v) {
    if (v != null && !v.isNull() && !v.isObject() && !v.isArray()) {
      p.add(name, v.asString());
    }
  }

  /**
   * The form field (HTML id) that holds a record field path, e.g. {@code labs.HGB.value} -> {@code HGB_value},
   * {@code metastases[1].lesions} -> {@code metLesions1}, so that messages can point at the input.
   */
  public static String fieldId(String path) {
    if (path == null || path.isEmpty()) {
      return "screeningNumber";
    }
    String p = path.startsWith("screeningRecord.") ? path.substring("screeningRecord.".length()) : path;
    if (p.startsWith("labs.")) {
      String[] parts = p.split("\\.");
      if (parts.length >= 2 && LABS.contains(parts[1])) {
        String part = parts.length >= 3 && (parts[2].equals("unit") || parts[2].equals("uln")) ? parts[2] : "value";
        return parts[1] + "_" + part;
      }
      return "WBC_value";
    }
    if (p.startsWith("metastases")) {
      int i = 0;
      java.util.regex.Matcher mt = Pattern.compile("\\[(\\d+)]").matcher(p);
      if (mt.find()) {
        i = Math.min(Integer.parseInt(mt.group(1)), MET_ROWS - 1);
      }
      return (p.endsWith("lesions") ? "metLesions" : p.endsWith("text") ? "metText" : "metSite") + i;
    }
    if (p.startsWith("diagnosis.")) {
      return p.substring("diagnosis.".length());
    }
    if (p.startsWith("staging.")) {
      return p.substring("staging.".length());
    }
    if (p.startsWith("primaryTumor")) {
      return "primaryDiameter";
    }
    if (p.startsWith("priorTreatments")) {
      return "prior";
    }
    if (p.startsWith("allergies")) {
      return "allergies";
    }
    return switch (p) {
      case "id" -> "screeningNumber";
      case "lifeExpectancyMonths" -> "lifeExpectancy";
      default -> {
        for (Map.Entry<String, String> e : FLAGS.entrySet()) {
          if (e.getValue().equals(p)) {
            yield e.getKey();
          }
        }
        yield p;
      }
    };
  }

  private static void flag(Json j, MultiValueMap<String, String> p, String name) {
    String v = first(p, name);
    if (v != null) {
      j.raw(FLAGS.get(name), v.equals("yes") ? "true" : v.equals("no") ? "false" : Json.quote(v));
    }
  }

  static String first(MultiValueMap<String, String> p, String name) {
    String v = p.getFirst(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static List<String> all(MultiValueMap<String, String> p, String name) {
    List<String> v = p.get(name);
    return v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank()).toList();
  }

  /** A minimal JSON writer for the record (objects, arrays, strings, numbers). */
  private static final class Json {
    private final StringBuilder out = new StringBuilder("{");
    private final List<Boolean> first = new ArrayList<>(List.of(true));

    Json text(String key, String value) {
      return value == null ? this : raw(key, quote(value));
    }

    Json number(String key, String value) {
      if (value == null) {
        return this;
      }
      return raw(key, NUMBER.matcher(value).matches() ? value : quote(value));
    }

    Json raw(String key, String json) {
      comma();
      out.append(quote(key)).append(':').append(json);
      return this;
    }

    Json open(String key) {
      comma();
      out.append(quote(key)).append(":{");
      first.add(true);
      return this;
    }

    Json openElement() {
      comma();
      out.append('{');
      first.add(true);
      return this;
    }

    Json element(String text) {
      comma();
      out.append(quote(text));
      return this;
    }

    Json close() {
      out.append('}');
      first.remove(first.size() - 1);
      return this;
    }

    Json openArray(String key) {
      comma();
      out.append(quote(key)).append(":[");
      first.add(true);
      return this;
    }

    Json closeArray() {
      out.append(']');
      first.remove(first.size() - 1);
      return this;
    }

    String done() {
      return out.append('}').toString();
    }

    private void comma() {
      int last = first.size() - 1;
      if (!first.get(last)) {
        out.append(',');
      }
      first.set(last, false);
    }

    static String quote(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          default -> {
            if (c < 0x20) {
              b.append(String.format("\\u%04x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      return b.append('"').toString();
    }
  }
}
