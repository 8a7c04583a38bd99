package org.oligotrial.endpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oligotrial.randomization.StratificationFactor;

/** The protocol's stratification factors as dataset columns: one column per factor, named by its id, in order. */
final class StrataColumns {
  private StrataColumns() {}

  static List<String> names(List<StratificationFactor> factors) {
    return factors.stream().map(StratificationFactor::name).toList();
  }

  /** Levels in factor order, null where not recorded. @throws InvalidHistoryException for unknown names or levels */
  static List<String> levels(Map<String, String> strata, List<StratificationFactor> factors) {
    for (String name : strata.keySet()) {
      if (factors.stream().noneMatch(f -> f.name().equals(name))) {
        throw new InvalidHistoryException(
            "strata: unknown stratification factor '" + name + "'; expected " + names(factors));
      }
    }
    List<String> out = new ArrayList<>();
    for (StratificationFactor f : factors) {
      String level = strata.get(f.name());
      if (level != null && f.indexOf(level) < 0) {
        throw new InvalidHistoryException(
            "strata." + f.name() + ": '" + level + "' is not one of " + f.levels());
      }
      out.add(level);
    }
    return out;
  }
}
