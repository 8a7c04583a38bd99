package org.oligotrial.randomization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oligotrial.protocol.Arm;
import org.oligotrial.protocol.FactorLevel;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.RandomizationSettings;

/**
 * Maps a protocol file's {@code stratification}, {@code arms} and {@code randomization} sections onto a {@link
 * RandomizationScheme}: factor ids and level codes as written, the arms' ids with {@code ratio}, and the method
 * ({@code minimization}, {@code permuted-blocks} or {@code simple}) with its parameters. A factor without a weight
 * gets weight 1. Stateless and thread-safe.
 */
public final class ProtocolRandomization {
  private ProtocolRandomization() {}

  /**
   * The protocol's primary randomization scheme.
   *
   * @throws IllegalArgumentException naming the field when the section is missing, names an unknown method or
   *     factor, or has invalid parameters
   */
  public static RandomizationScheme scheme(Protocol protocol) {
    RandomizationSettings s = settings(protocol);
    return scheme(protocol, s.method());
  }

  /**
   * The protocol's scheme with the given method instead of the primary one (for example its {@code alternative},
   * {@code permuted-blocks}), keeping factors, ratio and the method's own parameters.
   *
   * @throws IllegalArgumentException as {@link #scheme(Protocol)}
   */
  public static RandomizationScheme scheme(Protocol protocol, String method) {
    RandomizationSettings s = settings(protocol);
    List<StratificationFactor> factors = factors(protocol);
    List<String> arms = protocol.arms().stream().map(Arm::id).toList();
    if (s.ratio() == null) {
      throw new IllegalArgumentException("randomization.ratio: missing (one whole number per arm " + arms + ")");
    }
    AllocationRatio ratio;
    try {
      ratio = new AllocationRatio(arms, s.ratio());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("randomization.ratio: " + e.getMessage(), e);
    }
    String m = method == null ? "" : method.toLowerCase(Locale.ROOT);
    MethodParameters parameters = switch (m) {
      case "minimization" -> minimization(s, factors);
      case "permuted-blocks", "blocks" -> {
        if (s.blockSizes() == null || s.blockSizes().isEmpty()) {
          throw new IllegalArgumentException("randomization.blockSizes: missing for permuted blocks");
        }
        yield new MethodParameters.PermutedBlocks(s.blockSizes());
      }
      case "simple" -> new MethodParameters.Simple();
      default -> throw new IllegalArgumentException(
          "randomization.method: '" + method + "' is not minimization, permuted-blocks or simple");
    };
    return new RandomizationScheme(factors, ratio, parameters);
  }

  /**
   * The protocol's stratification factors, ids and level codes as written, in protocol order (also the analysis
   * dataset's strata columns).
   *
   * @throws IllegalArgumentException when a factor has fewer than two levels or repeats one
   */
  public static List<StratificationFactor> factors(Protocol protocol) {
    List<StratificationFactor> factors = new ArrayList<>();
    for (org.oligotrial.protocol.StratificationFactor f : protocol.stratification()) {
      factors.add(new StratificationFactor(f.id(), f.levels().stream().map(FactorLevel::code).toList()));
    }
    return List.copyOf(factors);
  }

  private static MethodParameters.Minimization minimization(RandomizationSettings s, List<StratificationFactor> factors) {
    Map<String, BigDecimal> given = s.factorWeights() == null ? Map.of() : s.factorWeights();
    for (String id : given.keySet()) {
      if (factors.stream().noneMatch(f -> f.name().equals(id))) {
        throw new IllegalArgumentException("randomization.factorWeights: no stratification factor '" + id + "'");
      }
    }
    List<Double> weights = factors.stream()
        .map(f -> given.getOrDefault(f.name(), BigDecimal.ONE).doubleValue()).toList();
    ImbalanceMeasure measure = switch (s.imbalance() == null ? "range" : s.imbalance().toLowerCase(Locale.ROOT)) {
      case "range" -> ImbalanceMeasure.RANGE;
      case "variance" -> ImbalanceMeasure.VARIANCE;
      default -> throw new IllegalArgumentException(
          "randomization.imbalance: '" + s.imbalance() + "' is not range or variance");
    };
    double p = s.probability() == null ? 0.8 : s.probability().doubleValue();
    return new MethodParameters.Minimization(weights, measure, p);
  }

  private static RandomizationSettings settings(Protocol protocol) {
    if (protocol.randomization() == null) {
      throw new IllegalArgumentException("randomization: the protocol has no randomization section");
    }
    return protocol.randomization();
  }
}
