package org.oligotrial.eligibility;

import java.util.List;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.protocol.RecordField;
import org.oligotrial.protocol.Rule;

/**
 * Compiles a protocol {@link Rule} tree into {@link Check} nodes once, at engine construction, resolving every field
 * path to its slot in the declared record ({@link RecordDeclaration}).
 */
final class RuleCompiler {
  private RuleCompiler() {}

  /**
   * The compiled rule, or null for null.
   *
   * @throws IllegalArgumentException when a rule names a field the declaration lacks (a loaded protocol never does)
   */
  static Check compile(Rule rule, RecordDeclaration d) {
    if (rule == null) {
      return null;
    }
    if (rule instanceof Rule.AllOf a) {
      return new Check.All(all(a.rules(), d));
    }
    if (rule instanceof Rule.AnyOf a) {
      return new Check.Any(all(a.rules(), d));
    }
    if (rule instanceof Rule.Not n) {
      return new Check.Not(compile(n.rule(), d));
    }
    if (rule instanceof Rule.Age a) {
      return new Leaves.Age(a.range(), d);
    }
    if (rule instanceof Rule.NumberIn n) {
      return new Leaves.NumberIn(n.field(), Fields.slot(d, n.field()), n.range());
    }
    if (rule instanceof Rule.OneOf o) {
      return new Leaves.OneOf(o.field(), Fields.slot(d, o.field()), o.values());
    }
    if (rule instanceof Rule.Flag f) {
      return new Leaves.Flag(f.field(), Fields.slot(d, f.field()), f.expected());
    }
    if (rule instanceof Rule.Lab l) {
      int slot = d.labSlot(l.analyte());
      if (slot < 0) {
        throw new IllegalArgumentException("the record does not record analyte " + l.analyte());
      }
      return new LabCheck(l, slot);
    }
    if (rule instanceof Rule.Sum s) {
      String path = s.list() + "." + s.field();
      Fields.field(d, path);
      return new ListLeaves.Sum(s.list(), Fields.slot(d, s.list()), s.field(), d.slot(path), s.range());
    }
    if (rule instanceof Rule.Every e) {
      String path = e.list() + "." + e.field();
      Fields.field(d, path);
      return new ListLeaves.Every(e.list(), Fields.slot(d, e.list()), e.field(), d.slot(path), e.range());
    }
    if (rule instanceof Rule.Count c) {
      return count(c.field() == null ? c.list() : c.list() + "." + c.field(), c.values(), c.range(), d);
    }
    if (rule instanceof Rule.ContainsAny c) {
      return count(c.field(), c.values(), null, d);
    }
    throw new IllegalArgumentException("unknown rule " + rule);
  }

  /** A count over a list, over a text list, or over an item field of a list ({@code metastases.site}). */
  private static Check count(String path, List<String> values, org.oligotrial.protocol.Range range,
      RecordDeclaration d) {
    Fields.field(d, path);
    RecordField list = d.listOf(path);
    if (list == null) {
      return new ListLeaves.Count(path, path, Fields.slot(d, path), null, -1, values, range);
    }
    String item = path.substring(list.path().length() + 1);
    return new ListLeaves.Count(path, list.path(), Fields.slot(d, list.path()), item, d.slot(path), values, range);
  }

  private static Check[] all(List<Rule> rules, RecordDeclaration d) {
    return rules.stream().map(r -> compile(r, d)).toArray(Check[]::new);
  }
}
