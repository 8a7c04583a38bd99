package org.oligotrial.eligibility;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.oligotrial.protocol.FactorLevel;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.Regimen;
import org.oligotrial.protocol.StratificationFactor;

/**
 * What the protocol derives from a screening record besides eligibility, using the same compiled rules: the level of
 * each stratification factor and the first-line systemic regimen. Immutable and thread-safe.
 */
public final class ProtocolDerivations {
  private record Level(String code, Check rule) {}

  private record Factor(String id, Level[] levels) {}

  private final Factor[] factors;
  private final Regimen[] regimens;
  private final Check[] regimenRules;

  /** Compiles the protocol's stratification and regimen rules. Throws NullPointerException for null. */
  public ProtocolDerivations(Protocol protocol) {
    Objects.requireNonNull(protocol, "protocol");
    List<StratificationFactor> fs = protocol.stratification();
    factors = new Factor[fs.size()];
    for (int i = 0; i < factors.length; i++) {
      List<FactorLevel> ls = fs.get(i).levels();
      Level[] levels = new Level[ls.size()];
      for (int k = 0; k < levels.length; k++) {
        levels[k] = new Level(ls.get(k).code(), RuleCompiler.compile(ls.get(k).when(), protocol.record()));
      }
      factors[i] = new Factor(fs.get(i).id(), levels);
    }
    List<Regimen> rs = protocol.systemicTherapy().regimens();
    regimens = rs.toArray(Regimen[]::new);
    regimenRules = rs.stream().map(r -> RuleCompiler.compile(r.when(), protocol.record())).toArray(Check[]::new);
  }

  /**
   * The level code of every stratification factor, in protocol order; null for a factor whose level cannot be told
   * (a field is unknown, or no level or more than one level holds, e.g. 7 lesions for levels 1 and 2-5).
   *
   * @return an unmodifiable map from factor id to level code or null
   */
  public Map<String, String> stratumLevels(ScreeningRecord record) {
    Objects.requireNonNull(record, "record");
    Map<String, String> out = new LinkedHashMap<>();
    for (Factor f : factors) {
      String found = null;
      int holding = 0;
      for (Level l : f.levels()) {
        if (l.rule().eval(record, null, false) == Check.TRUE) {
          found = l.code();
          holding++;
        }
      }
      out.put(f.id(), holding == 1 ? found : null);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The first regimen whose condition holds, or empty when none can be chosen yet (e.g. EGFR status unknown). */
  public Optional<Regimen> regimen(ScreeningRecord record) {
    Objects.requireNonNull(record, "record");
    for (int i = 0; i < regimens.length; i++) {
      if (regimenRules[i].eval(record, null, false) == Check.TRUE) {
        return Optional.of(regimens[i]);
      }
    }
    return Optional.empty();
  }
}
