package org.oligotrial.server.testing;

import java.util.ArrayList;
import java.util.List;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.participant.ScreeningEvaluation;
import org.oligotrial.server.participant.ScreeningEvaluator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test evaluator whose verdict is written in the record: {@code {"testVerdict": "ELIGIBLE"}}; records without it
 * are INCOMPLETE; {@code "testFailures": ["..."]} become the screen-failure reasons. Protocol version "test-1".
 */
public final class ScriptedEvaluator implements ScreeningEvaluator {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A record with that verdict. */
  public static String record(String verdict) {
    return "{\"testVerdict\":\"" + verdict + "\",\"ageYears\":60}";
  }

  /**
   * An eligible record (scripted verdict) with the facts randomization reads of NCT03119519's record: histology,
   * EGFR, T and N stage (M1b), the metastases (a JSON array's items) and the intracranial answer agreeing with them.
   */
  public static String randomizable(String histology, String egfr, String t, String n, String metastases) {
    boolean brain = metastases.contains("\"brain\"") || metastases.contains("\"leptomeninges\"");
    return "{\"testVerdict\":\"ELIGIBLE\",\"diagnosis\":{\"histology\":\"" + histology + "\"},\"egfr\":\"" + egfr
        + "\",\"staging\":{\"t\":\"" + t + "\",\"n\":\"" + n + "\",\"m\":\"M1b\"},\"metastases\":[" + metastases
        + "],\"intracranialMetastasis\":" + brain + "}";
  }

  /** {@link #randomizable} for an adenocarcinoma T2a, stage N {@code n}, with two bone lesions. */
  public static String randomizable(String egfr, String n) {
    return randomizable("adenocarcinoma", egfr, "T2a", n, "{\"site\":\"bone\",\"lesions\":2}");
  }

  @Override
  public ScreeningEvaluation evaluate(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidFieldException("screeningRecord", "is not valid JSON");
    }
    if (n == null || !n.isObject()) {
      throw new InvalidFieldException("screeningRecord", "must be a JSON object");
    }
    String verdict = n.has("testVerdict") ? n.get("testVerdict").asString() : "INCOMPLETE";
    List<String> failures = new ArrayList<>();
    if (n.has("testFailures")) {
      n.get("testFailures").forEach(f -> failures.add(f.asString()));
    }
    return new ScreeningEvaluation(verdict, "{\"verdict\":\"" + verdict + "\"}", "test-1", failures);
  }
}
