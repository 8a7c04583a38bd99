package org.oligotrial.server.register;

import java.util.List;
import org.oligotrial.server.participant.ScreeningEvaluation;
import org.oligotrial.server.participant.ScreeningEvaluator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in until the eligibility engine is wired: accepts any JSON object and leaves the participant in screening
 * (verdict {@code INCOMPLETE}). Thread-safe.
 */
public final class ProvisionalScreeningEvaluator implements ScreeningEvaluator {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public ScreeningEvaluation evaluate(String screeningRecordJson) {
    JsonNode node;
    try {
      node = JSON.readTree(screeningRecordJson);
    } catch (JacksonException e) {
      throw new InvalidFieldException("screeningRecord", "is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidFieldException("screeningRecord", "must be a JSON object");
    }
    return new ScreeningEvaluation("INCOMPLETE", "{\"verdict\":\"INCOMPLETE\",\"note\":\"eligibility engine not"
        + " available\"}", "unavailable", List.of());
  }
}
