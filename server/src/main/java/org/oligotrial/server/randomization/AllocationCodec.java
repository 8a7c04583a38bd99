package org.oligotrial.server.randomization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.randomization.AllocationBasis;
import org.oligotrial.randomization.ParticipantFactors;
import org.oligotrial.randomization.RandomizationState;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON stored for factor levels, allocation bases, the randomization state and treatment plans. Doubles are
 * written in their shortest round-trip form, so a stored draw reads back as the same {@code double} and a replay
 * compares exactly. Stateless and thread-safe.
 */
final class AllocationCodec {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private AllocationCodec() {}

  static String factors(ParticipantFactors f) {
    return JSON.writeValueAsString(f.levels());
  }

  static ParticipantFactors factors(String json) {
    return new ParticipantFactors(JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {}));
  }

  static String state(RandomizationState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("allocated", s.allocated());
    m.put("armTotals", s.armTotals());
    m.put("byStratum", s.byStratum());
    m.put("byLevel", s.byLevel());
    return JSON.writeValueAsString(m);
  }

  static RandomizationState state(String json) {
    JsonNode n = JSON.readTree(json);
    TypeReference<LinkedHashMap<String, List<Integer>>> counts = new TypeReference<>() {};
    return new RandomizationState(n.get("allocated").asInt(),
        JSON.treeToValue(n.get("armTotals"), new TypeReference<List<Integer>>() {}),
        JSON.treeToValue(n.get("byStratum"), counts), JSON.treeToValue(n.get("byLevel"), counts));
  }

  static String basis(AllocationBasis b) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (b instanceof AllocationBasis.ListPosition p) {
      m.put("type", "list-position");
      m.put("blockNumber", p.blockNumber());
      m.put("positionInBlock", p.positionInBlock());
      m.put("blockSize", p.blockSize());
      m.put("stratumSequence", p.stratumSequence());
    } else if (b instanceof AllocationBasis.MinimizationScores s) {
      m.put("type", "minimization");
      m.put("scores", s.scores());
      m.put("minimizingArms", s.minimizingArms());
      m.put("preferredArmProbability", s.preferredArmProbability());
      m.put("draw", s.draw());
    } else if (b instanceof AllocationBasis.SimpleDraw d) {
      m.put("type", "simple");
      m.put("draw", d.draw());
    } else if (b instanceof AllocationBasis.Imported i) {
      m.put("type", "imported");
      m.put("source", i.source());
    }
    return JSON.writeValueAsString(m);
  }

  static AllocationBasis basis(String json) {
    JsonNode n = JSON.readTree(json);
    return switch (n.get("type").asString()) {
      case "list-position" -> new AllocationBasis.ListPosition(n.get("blockNumber").asInt(),
          n.get("positionInBlock").asInt(), n.get("blockSize").asInt(), n.get("stratumSequence").asInt());
      case "minimization" -> {
        List<Double> scores = new ArrayList<>();
        n.get("scores").forEach(x -> scores.add(x.asDouble()));
        List<String> arms = new ArrayList<>();
        n.get("minimizingArms").forEach(x -> arms.add(x.asString()));
        yield new AllocationBasis.MinimizationScores(scores, arms, n.get("preferredArmProbability").asDouble(),
            n.get("draw").asDouble());
      }
      case "simple" -> new AllocationBasis.SimpleDraw(n.get("draw").asDouble());
      case "imported" -> new AllocationBasis.Imported(n.has("source") ? n.get("source").asString() : "");
      default -> throw new IllegalStateException("unknown allocation basis " + n.get("type"));
    };
  }

  /** The draw of a basis, or null for a list position. */
  static Double draw(AllocationBasis b) {
    if (b instanceof AllocationBasis.MinimizationScores s) {
      return s.draw();
    }
    if (b instanceof AllocationBasis.SimpleDraw d) {
      return d.draw();
    }
    return null;
  }

  static String plan(PlanView p) {
    return JSON.writeValueAsString(p);
  }

  static PlanView plan(String json) {
    return JSON.readValue(json, PlanView.class);
  }
}
