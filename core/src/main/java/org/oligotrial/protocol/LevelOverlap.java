package org.oligotrial.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, where it can be decided from the rules alone, two levels of one stratification factor that can both hold
 * for the same screening record (a protocol error: a participant's level must be unique).
 *
 * <p>Method: each level's rule is written in disjunctive normal form (an {@code any} of {@code all}s of leaves),
 * which is possible when it consists of {@code all}, {@code any} and the leaves {@code oneOf}, {@code isTrue} /
 * {@code isFalse}, {@code number} and {@code sum} (no {@code not}; at most 64 conjunctions). Two conjunctions are
 * <em>disjoint</em> when some field carries constraints with an empty intersection (value sets without a common
 * value, opposite flags, numeric intervals without a common real number); they <em>overlap</em> for certain when
 * every field's intersection is non-empty and, for numbers, holds an integer (distinct fields are independent entries
 * of the record, so a record meeting every intersection exists). Two levels overlap when some pair of their
 * conjunctions overlaps; a pair that is neither is undecided and left to randomization, which refuses a record
 * matching two levels and names both.
 */
final class LevelOverlap {
  private static final int MAX_CONJUNCTIONS = 64;

  private final Problems p;

  LevelOverlap(Problems p) {
    this.p = p;
  }

  /** Reports an error on {@code factor} for each pair of levels that can both hold. */
  void check(YamlNode factor, List<FactorLevel> levels) {
    List<List<List<Rule>>> dnf = new ArrayList<>();
    for (FactorLevel l : levels) {
      dnf.add(l.when() == null ? null : dnf(l.when()));
    }
    for (int a = 0; a < levels.size(); a++) {
      for (int b = a + 1; b < levels.size(); b++) {
        if (dnf.get(a) == null || dnf.get(b) == null) {
          continue;
        }
        String example = overlap(dnf.get(a), dnf.get(b));
        if (example != null) {
          p.error(factor, "levels '" + levels.get(a).code() + "' and '" + levels.get(b).code()
              + "' can both hold (" + example + "): each record must match at most one level");
        }
      }
    }
  }

  /** The rule as a list of conjunctions of leaves, or null when it is outside the supported form. */
  static List<List<Rule>> dnf(Rule r) {
    if (r instanceof Rule.OneOf || r instanceof Rule.Flag || r instanceof Rule.NumberIn || r instanceof Rule.Sum) {
      List<List<Rule>> one = new ArrayList<>();
      one.add(List.of(r));
      return one;
    }
    if (r instanceof Rule.AnyOf any) {
      List<List<Rule>> out = new ArrayList<>();
      for (Rule part : any.rules()) {
        List<List<Rule>> d = dnf(part);
        if (d == null || out.size() + d.size() > MAX_CONJUNCTIONS) {
          return null;
        }
        out.addAll(d);
      }
      return out;
    }
    if (r instanceof Rule.AllOf all) {
      List<List<Rule>> out = new ArrayList<>();
      out.add(List.of());
      for (Rule part : all.rules()) {
        List<List<Rule>> d = dnf(part);
        if (d == null || out.size() * d.size() > MAX_CONJUNCTIONS) {
          return null;
        }
        List<List<Rule>> next = new ArrayList<>();
        for (List<Rule> x : out) {
          for (List<Rule> y : d) {
            List<Rule> c = new ArrayList<>(x);
            c.addAll(y);
            next.add(c);
          }
        }
        out = next;
      }
      return out;
    }
    return null;
  }

  /** A description of a certain overlap of the two rules, or null when none is certain. */
  static String overlap(List<List<Rule>> a, List<List<Rule>> b) {
    for (List<Rule> x : a) {
      for (List<Rule> y : b) {
        List<Rule> both = new ArrayList<>(x);
        both.addAll(y);
        String example = satisfiable(both);
        if (example != null) {
          return example;
        }
      }
    }
    return null;
  }

  /** A witness when the conjunction can certainly be met, else null (unsatisfiable or undecided). */
  private static String satisfiable(List<Rule> conjunction) {
    Map<String, List<Rule>> byField = new HashMap<>();
    for (Rule r : conjunction) {
      byField.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
    }
    List<String> witness = new ArrayList<>();
    for (Map.Entry<String, List<Rule>> e : byField.entrySet()) {
      String w = witness(e.getKey(), e.getValue());
      if (w == null) {
        return null;
      }
      witness.add(w);
    }
    witness.sort(null);
    return "e.g. " + String.join(", ", witness);
  }

  private static String key(Rule r) {
    if (r instanceof Rule.OneOf o) {
      return "value:" + o.field();
    }
    if (r instanceof Rule.Flag f) {
      return "value:" + f.field();
    }
    if (r instanceof Rule.NumberIn n) {
      return "number:" + n.field();
    }
    Rule.Sum s = (Rule.Sum) r;
    return "sum:" + s.list() + "." + s.field();
  }

  /** A value meeting every constraint on one field, or null when there is none (or the kinds are mixed). */
  private static String witness(String key, List<Rule> rules) {
    String field = key.substring(key.indexOf(':') + 1);
    if (key.startsWith("value:")) {
      Set<String> allowed = null;
      for (Rule r : rules) {
        Set<String> v = new HashSet<>();
        if (r instanceof Rule.OneOf o) {
          v.addAll(o.values());
        } else {
          v.add(Boolean.toString(((Rule.Flag) r).expected()));
        }
        if (allowed == null) {
          allowed = v;
        } else {
          allowed.retainAll(v);
        }
      }
      return allowed.isEmpty() ? null : field + "=" + allowed.stream().sorted().findFirst().orElseThrow();
    }
    BigDecimal lo = null;
    boolean loIn = true;
    BigDecimal hi = null;
    boolean hiIn = true;
    for (Rule r : rules) {
      Range range = r instanceof Rule.NumberIn n ? n.range() : ((Rule.Sum) r).range();
      if (range.min() != null && (lo == null || range.min().compareTo(lo) > 0
          || (range.min().compareTo(lo) == 0 && !range.minInclusive()))) {
        lo = range.min();
        loIn = range.minInclusive();
      }
      if (range.max() != null && (hi == null || range.max().compareTo(hi) < 0
          || (range.max().compareTo(hi) == 0 && !range.maxInclusive()))) {
        hi = range.max();
        hiIn = range.maxInclusive();
      }
    }
    BigDecimal candidate;
    if (lo == null) {
      candidate = hi == null ? BigDecimal.ONE : hi.setScale(0, RoundingMode.FLOOR);
      if (hi != null && !hiIn && candidate.compareTo(hi) == 0) {
        candidate = candidate.subtract(BigDecimal.ONE);
      }
    } else {
      candidate = lo.setScale(0, RoundingMode.CEILING);
      if (!loIn && candidate.compareTo(lo) == 0) {
        candidate = candidate.add(BigDecimal.ONE);
      }
    }
    Range all = new Range(lo, loIn, hi, hiIn);
    return all.contains(candidate) ? field + "=" + candidate.toPlainString() : null;
  }
}
