package org.oligotrial.eligibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * each stratification factor and the systemic regimen.
 *
 * <p>A factor's level is the level whose {@code when} rule is true for the record (three-valued, as eligibility: a
 * rule on an unrecorded field is unknown). {@link #stratify} refuses, naming the factor, when no level holds (with
 * the fields whose absence left the rules unknown, or the values that match none) and when more than one holds (a
 * protocol error that {@code protocol check} finds where it is decidable, see {@code LevelOverlap}). The regimen is
 * the first of {@code systemicTherapy.regimens} whose rule holds; a protocol without regimens derives none.
 * Immutable and thread-safe.
 */
public final class ProtocolDerivations {
  /**
   * Why a factor's level cannot be told.
   *
   * @param factor the factor id
   * @param fields the screening-record fields whose absence left the level unknown; when the record matches no
   *     level, the fields the level rules read; empty when several levels hold
   * @param message for the investigator, naming the factor and the fields or levels
   */
  public record FactorProblem(String factor, List<String> fields, String message) {
    public FactorProblem {
      fields = List.copyOf(fields);
    }
  }

  /**
   * The outcome of {@link #stratify}.
   *
   * @param levels factor id to level code for every factor whose level is told, in protocol order
   * @param problems one per factor whose level cannot be told, in protocol order; empty when every factor has a level
   */
  public record Stratification(Map<String, String> levels, List<FactorProblem> problems) {
    public Stratification {
      levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
      problems = List.copyOf(problems);
    }

    /** Whether every factor has exactly one level. */
    public boolean complete() {
      return problems.isEmpty();
    }
  }

  private record Level(String code, Check rule) {}

  private record Factor(String id, Level[] levels, List<String> fields) {}

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
      LinkedHashSet<String> read = new LinkedHashSet<>();
      ls.forEach(l -> fieldsOf(l.when(), read));
      factors[i] = new Factor(fs.get(i).id(), levels, List.copyOf(read));
    }
    List<Regimen> rs = protocol.systemicTherapy() == null ? List.of() : protocol.systemicTherapy().regimens();
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

  /**
   * The level of every factor, or why it cannot be told. Throws NullPointerException for a null record.
   */
  public Stratification stratify(ScreeningRecord record) {
    Objects.requireNonNull(record, "record");
    Map<String, String> levels = new LinkedHashMap<>();
    List<FactorProblem> problems = new ArrayList<>();
    Trace trace = new Trace();
    for (Factor f : factors) {
      List<String> holding = new ArrayList<>();
      LinkedHashSet<String> missing = new LinkedHashSet<>();
      List<String> why = new ArrayList<>();
      for (Level l : f.levels()) {
        trace.reset();
        int o = l.rule().eval(record, trace, false);
        if (o == Check.TRUE) {
          holding.add(l.code());
        } else if (o == Check.UNKNOWN) {
          trace.missing(record, missing);
        } else {
          why.add(l.code() + ": " + trace.decisive(record, Check.FALSE));
        }
      }
      if (holding.size() == 1) {
        levels.put(f.id(), holding.get(0));
      } else if (holding.size() > 1) {
        problems.add(new FactorProblem(f.id(), List.of(), "factor " + f.id() + ": levels " + String.join(" and ",
            holding) + " both hold for this record; the protocol's level rules overlap (a protocol error)"));
      } else if (!missing.isEmpty()) {
        problems.add(new FactorProblem(f.id(), List.copyOf(missing), "factor " + f.id()
            + ": the level cannot be told until " + String.join(", ", missing) + " is recorded"));
      } else {
        problems.add(new FactorProblem(f.id(), f.fields(), "factor " + f.id() + ": the record matches none of the"
            + " levels (" + String.join("; ", why) + ")"));
      }
    }
    return new Stratification(levels, problems);
  }

  /** Adds the screening-record fields a rule reads, in the order met. */
  static void fieldsOf(org.oligotrial.protocol.Rule rule, java.util.Collection<String> out) {
    if (rule instanceof org.oligotrial.protocol.Rule.AllOf a) {
      a.rules().forEach(r -> fieldsOf(r, out));
    } else if (rule instanceof org.oligotrial.protocol.Rule.AnyOf a) {
      a.rules().forEach(r -> fieldsOf(r, out));
    } else if (rule instanceof org.oligotrial.protocol.Rule.Not n) {
      fieldsOf(n.rule(), out);
    } else if (rule instanceof org.oligotrial.protocol.Rule.Age) {
      out.add("birthDate");
    } else if (rule instanceof org.oligotrial.protocol.Rule.NumberIn n) {
      out.add(n.field());
    } else if (rule instanceof org.oligotrial.protocol.Rule.OneOf o) {
      out.add(o.field());
    } else if (rule instanceof org.oligotrial.protocol.Rule.Flag f) {
      out.add(f.field());
    } else if (rule instanceof org.oligotrial.protocol.Rule.Lab l) {
      out.add("labs." + l.analyte());
    } else if (rule instanceof org.oligotrial.protocol.Rule.Sum s) {
      out.add(s.list() + "." + s.field());
    } else if (rule instanceof org.oligotrial.protocol.Rule.Count c) {
      out.add(c.field() == null ? c.list() : c.list() + "." + c.field());
    } else if (rule instanceof org.oligotrial.protocol.Rule.ContainsAny c) {
      out.add(c.field());
    }
  }

  /** The screening-record fields the regimen rules read, in order (empty without regimen rules). */
  public List<String> regimenFields() {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Regimen r : regimens) {
      fieldsOf(r.when(), out);
    }
    return List.copyOf(out);
  }

  /** Whether the protocol has regimen rules at all (a protocol without {@code systemicTherapy} derives none). */
  public boolean hasRegimens() {
    return regimens.length > 0;
  }

  /**
   * The screening-record fields whose absence keeps every regimen rule from holding (for a message naming them);
   * empty when a regimen holds or the rules are false on recorded values.
   */
  public List<String> regimenMissingFields(ScreeningRecord record) {
    Objects.requireNonNull(record, "record");
    LinkedHashSet<String> missing = new LinkedHashSet<>();
    Trace trace = new Trace();
    for (Check c : regimenRules) {
      trace.reset();
      int o = c.eval(record, trace, false);
      if (o == Check.TRUE) {
        return List.of();
      }
      if (o == Check.UNKNOWN) {
        trace.missing(record, missing);
      }
    }
    return List.copyOf(missing);
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
