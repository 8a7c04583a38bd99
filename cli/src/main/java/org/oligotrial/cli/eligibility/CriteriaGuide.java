package org.oligotrial.cli.eligibility;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.CriterionKind;
import org.oligotrial.protocol.Range;
import org.oligotrial.protocol.Rule;

/**
 * What a drawn record should hold so that each criterion comes out as wanted, read from the criteria's rules: an
 * inclusion rule is wanted true to pass, an exclusion rule false; a criterion chosen to fail is wanted the other way.
 * The rules are walked once per record: {@code all} wanted true wants every part true, wanted false one part (drawn)
 * false; {@code any} the other way round; {@code not} flips. Each leaf narrows what the generator draws for its field:
 * a numeric range ({@code number}, {@code every} on a list's item field, {@code age} on the age in whole years),
 * allowed or excluded codes ({@code oneOf}, {@code containsAny}, {@code count} with values), a flag's value, a list's
 * length ({@code count}), a bound on a list's sum, and a laboratory value in the rule's unit or as a multiple of its
 * upper limit of normal. A leaf wanted false takes a side outside its range (drawn). Leaves on one field are met
 * together where they can be (ranges intersected); where they cannot, the draw is what it is, and the generator
 * screens every draw with the protocol's engine, so the verdict written is the engine's, never the guide's. Not
 * thread-safe (one per generator).
 */
final class CriteriaGuide {
  /** A numeric bound pair; null parts are open. Inclusive unless the flags say otherwise. */
  static final class Bounds {
    BigDecimal lo;
    boolean loOpen;
    BigDecimal hi;
    boolean hiOpen;

    void atLeast(BigDecimal v, boolean open) {
      if (v != null && (lo == null || v.compareTo(lo) > 0 || (v.compareTo(lo) == 0 && open))) {
        lo = v;
        loOpen = open;
      }
    }

    void atMost(BigDecimal v, boolean open) {
      if (v != null && (hi == null || v.compareTo(hi) < 0 || (v.compareTo(hi) == 0 && open))) {
        hi = v;
        hiOpen = open;
      }
    }
  }

  /** What one field should hold. */
  static final class Want {
    final Bounds bounds = new Bounds();
    Set<String> allowed;
    final Set<String> excluded = new LinkedHashSet<>();
    final Set<String> contains = new LinkedHashSet<>();
    Boolean flag;
    final Bounds count = new Bounds();
    final Bounds sum = new Bounds();
  }

  /** A laboratory value wanted in a unit ({@code uln} null) or as a multiple of the upper limit of normal. */
  record LabWant(String unit, Rule.Comparison op, BigDecimal threshold, boolean uln, boolean holds) {}

  final Map<String, Want> fields = new HashMap<>();
  final Map<String, LabWant> labs = new HashMap<>();
  final Bounds age = new Bounds();
  private final Random rnd;

  private CriteriaGuide(Random rnd) {
    this.rnd = rnd;
  }

  /**
   * The guide for one record: every criterion passes except {@code failing} (null: none), which is wanted to fail.
   */
  static CriteriaGuide of(List<Criterion> criteria, Criterion failing, Random rnd) {
    CriteriaGuide g = new CriteriaGuide(rnd);
    for (Criterion c : criteria) {
      boolean pass = c != failing;
      g.want(c.rule(), c.kind() == CriterionKind.INCLUSION ? pass : !pass);
    }
    return g;
  }

  Want field(String path) {
    return fields.computeIfAbsent(path, k -> new Want());
  }

  private void want(Rule rule, boolean truth) {
    if (rule instanceof Rule.AllOf a) {
      if (truth) {
        a.rules().forEach(r -> want(r, true));
      } else if (!a.rules().isEmpty()) {
        want(a.rules().get(rnd.nextInt(a.rules().size())), false);
      }
    } else if (rule instanceof Rule.AnyOf a) {
      if (!truth) {
        a.rules().forEach(r -> want(r, false));
      } else if (!a.rules().isEmpty()) {
        want(a.rules().get(rnd.nextInt(a.rules().size())), true);
      }
    } else if (rule instanceof Rule.Not n) {
      want(n.rule(), !truth);
    } else if (rule instanceof Rule.Age a) {
      range(age, a.range(), truth);
    } else if (rule instanceof Rule.NumberIn n) {
      range(field(n.field()).bounds, n.range(), truth);
    } else if (rule instanceof Rule.Every e) {
      range(field(e.list() + "." + e.field()).bounds, e.range(), truth);
    } else if (rule instanceof Rule.Sum s) {
      range(field(s.list() + "." + s.field()).sum, s.range(), truth);
    } else if (rule instanceof Rule.Flag f) {
      field(f.field()).flag = f.expected() == truth;
    } else if (rule instanceof Rule.OneOf o) {
      Want w = field(o.field());
      if (truth) {
        w.allowed = w.allowed == null ? new LinkedHashSet<>(o.values()) : retain(w.allowed, o.values());
      } else {
        w.excluded.addAll(o.values());
      }
    } else if (rule instanceof Rule.ContainsAny c) {
      Want w = field(c.field());
      if (truth) {
        w.contains.add(c.values().get(rnd.nextInt(c.values().size())));
      } else {
        w.excluded.addAll(c.values());
      }
    } else if (rule instanceof Rule.Count c) {
      if (c.field() == null || c.values() == null || c.values().isEmpty()) {
        range(field(c.list()).count, c.range(), truth);
      } else {
        Want w = field(c.list() + "." + c.field());
        boolean none = c.range().max() != null && c.range().max().signum() == 0;
        if (none == truth) {
          w.excluded.addAll(c.values());
        } else {
          w.contains.add(c.values().get(rnd.nextInt(c.values().size())));
        }
      }
    } else if (rule instanceof Rule.Lab l) {
      labs.putIfAbsent(l.analyte(), l.ulnMultiple() != null
          ? new LabWant(null, l.op(), l.ulnMultiple(), true, truth)
          : new LabWant(l.unit(), l.op(), l.value(), false, truth));
    }
  }

  private static Set<String> retain(Set<String> s, List<String> values) {
    s.retainAll(values);
    return s;
  }

  /** Narrows {@code b} to {@code r} (truth) or to one side outside it (drawn when both sides are open to it). */
  private void range(Bounds b, Range r, boolean truth) {
    if (truth) {
      b.atLeast(r.min(), !r.minInclusive());
      b.atMost(r.max(), !r.maxInclusive());
    } else if (r.min() != null && (r.max() == null || rnd.nextBoolean())) {
      b.atMost(r.min(), r.minInclusive());
    } else if (r.max() != null) {
      b.atLeast(r.max(), r.maxInclusive());
    }
  }
}
