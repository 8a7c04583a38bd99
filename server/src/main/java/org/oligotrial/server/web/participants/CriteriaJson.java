package org.oligotrial.server.web.participants;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the criterion rows back from a stored eligibility result (see {@code EligibilityJson}). */
final class CriteriaJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CriteriaJson() {}

  /**
   * One stored criterion.
   *
   * @param id criterion id
   * @param kind inclusion or exclusion
   * @param status PASS, FAIL or UNKNOWN
   * @param reason the reason as stored
   */
  record Row(String id, String kind, String status, String reason) {}

  /** The rows; empty when the JSON has none or is unreadable (e.g. results produced by a test evaluator). */
  static List<Row> rows(String json) {
    List<Row> rows = new ArrayList<>();
    try {
      JsonNode criteria = JSON.readTree(json).path("criteria");
      for (JsonNode c : criteria) {
        rows.add(new Row(c.path("id").asString(""), c.path("kind").asString(""), c.path("status").asString(""),
            c.path("reason").asString("")));
      }
    } catch (RuntimeException e) {
      return List.of();
    }
    return rows;
  }
}
