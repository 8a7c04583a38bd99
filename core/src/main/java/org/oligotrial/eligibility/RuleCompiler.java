package org.oligotrial.eligibility;

import java.util.List;
import org.oligotrial.protocol.Rule;

/** Compiles a protocol {@link Rule} tree into {@link Check} nodes once, at engine construction. */
final class RuleCompiler {
  private RuleCompiler() {}

  static Check compile(Rule rule) {
    if (rule == null) {
      return null;
    }
    if (rule instanceof Rule.AllOf a) {
      return new Check.All(all(a.rules()));
    }
    if (rule instanceof Rule.AnyOf a) {
      return new Check.Any(all(a.rules()));
    }
    if (rule instanceof Rule.Not n) {
      return new Check.Not(compile(n.rule()));
    }
    if (rule instanceof Rule.Age a) {
      return new Leaves.Age(a.range());
    }
    if (rule instanceof Rule.NumberIn n) {
      return new Leaves.NumberIn(n.field(), n.range());
    }
    if (rule instanceof Rule.OneOf o) {
      return new Leaves.OneOf(o.field(), o.values());
    }
    if (rule instanceof Rule.Flag f) {
      return new Leaves.Flag(f.field(), f.expected());
    }
    if (rule instanceof Rule.Lab l) {
      return new LabCheck(l);
    }
    if (rule instanceof Rule.Sum s) {
      return new ListLeaves.Sum(s.list(), s.field(), s.range());
    }
    if (rule instanceof Rule.Count c) {
      return new ListLeaves.Count(c.field() == null ? c.list() : c.list() + "." + c.field(), c.values(), c.range());
    }
    if (rule instanceof Rule.ContainsAny c) {
      return new ListLeaves.Count(c.field(), c.values(), null);
    }
    throw new IllegalArgumentException("unknown rule " + rule);
  }

  private static Check[] all(List<Rule> rules) {
    return rules.stream().map(RuleCompiler::compile).toArray(Check[]::new);
  }
}
