package org.oligotrial.endpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oligotrial.randomization.StratificationFactor;
import org.oligotrial.randomization.TrialFactors;

/** The five stratification factors as dataset columns, named and ordered as {@link TrialFactors#ALL}. */
final class StrataColumns {
  private StrataColumns() {}

  static List<String> names() {
    return TrialFactors.ALL.stream().map(StratificationFactor::name).toList();
  }

  /** Levels in factor order, null where not recorded. @throws InvalidHistoryException for unknown names or levels */
  static List<String> levels(Map<String, String> strata) {
    for (String name : strata.keySet()) {
      if (TrialFactors.ALL.stream().noneMatch(f -> f.name().equals(name))) {
        throw new InvalidHistoryException("strata: unknown stratification factor '" + name + "'; expected " + names());
      }
    }
    List<String> out = new ArrayList<>();
    for (StratificationFactor f : TrialFactors.ALL) {
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
