package org.oligotrial.server.randomization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code randomization} table for {@link RandomizationFacts}: the arm, the UTC date of
 * {@code randomized_at}, the factor levels ({@code factors_json}, protocol factor id to level code) and the regimen
 * category of the treatment plan ({@code plan_json}: {@code regimenCategory}; a plan stored before the protocol file
 * held the regimen rules says {@code targeted: true} for the targeted category and {@code false} for chemotherapy). A
 * database without that table (the randomization migrations not applied) has no randomized participants.
 * Thread-safe.
 */
public final class JdbcRandomizationFacts implements RandomizationFacts {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SELECT =
      "SELECT participant_id, randomized_at, arm, factors_json, plan_json FROM randomization";
  private final JdbcClient jdbc;
  private final String trialId;

  /** The randomization records of one trial. */
  public JdbcRandomizationFacts(JdbcClient jdbc, String trialId) {
    this.jdbc = jdbc;
    this.trialId = trialId;
  }

  @Override
  public Optional<Randomized> find(String participantId) {
    try {
      return jdbc.sql(SELECT + " WHERE participant_id = :id AND trial_id = :t").param("id", participantId)
          .param("t", trialId)
          .query((rs, n) -> read(rs)).optional();
    } catch (BadSqlGrammarException e) {
      return Optional.empty(); // no randomization table in this database
    }
  }

  @Override
  public List<Randomized> all() {
    try {
      return jdbc.sql(SELECT + " WHERE trial_id = :t ORDER BY randomized_at, participant_id").param("t", trialId)
          .query((rs, n) -> read(rs)).list();
    } catch (BadSqlGrammarException e) {
      return List.of();
    }
  }

  private static Randomized read(java.sql.ResultSet rs) throws java.sql.SQLException {
    LocalDate date = rs.getObject("randomized_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
        .toLocalDate();
    Map<String, String> levels = JSON.readValue(rs.getString("factors_json"),
        new TypeReference<LinkedHashMap<String, String>>() {});
    return new Randomized(rs.getString("participant_id"), rs.getString("arm"), date, levels,
        regimenCategory(rs.getString("plan_json")));
  }

  static String regimenCategory(String planJson) {
    if (planJson == null) {
      return null;
    }
    JsonNode plan = JSON.readTree(planJson);
    JsonNode category = plan.get("regimenCategory");
    if (category != null && category.isString()) {
      return category.stringValue();
    }
    JsonNode targeted = plan.get("targeted");
    if (targeted != null && targeted.isBoolean()) {
      // the two categories plans had before the protocol file named them (protocols/nct03119519.yaml)
      return targeted.booleanValue() ? "targeted" : "chemotherapy";
    }
    return null;
  }
}
