package org.oligotrial.server.fhir;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oligotrial.fhir.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which mapped fields still hold what the bundle gave once the coordinator has completed the form: a field keeps its
 * source when its value in the saved record equals its value in the record as filled from the bundle (both read the
 * same way, through the form), and loses it when it was changed or cleared. Paths are the mapping's ({@code
 * birthDate}, {@code labs.WBC}, {@code metastases[0]}).
 */
final class FormProvenance {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private FormProvenance() {}

  static Map<String, FieldSource> unchanged(Map<String, FieldSource> provenance, String asFilled, String saved) {
    JsonNode before = JSON.readTree(asFilled);
    JsonNode after = JSON.readTree(saved);
    Map<String, FieldSource> kept = new LinkedHashMap<>();
    provenance.forEach((field, source) -> {
      JsonNode b = at(before, field);
      if (!b.isMissingNode() && !b.isNull() && b.equals(at(after, field))) {
        kept.put(field, source);
      }
    });
    return kept;
  }

  /** The node at a path such as {@code labs.WBC} or {@code metastases[0].site}; missing when absent. */
  static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    Matcher m = STEP.matcher(path);
    while (m.find() && !n.isMissingNode()) {
      n = m.group(1) != null ? n.path(m.group(1)) : n.path(Integer.parseInt(m.group(2)));
    }
    return n;
  }
}
