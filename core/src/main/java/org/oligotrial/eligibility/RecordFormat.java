package org.oligotrial.eligibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.protocol.RecordCheck;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.protocol.RecordField;

/**
 * A {@link RecordDeclaration} prepared for reading: the JSON key tree (dotted paths become nested objects), item
 * slots by name, and the record checks compiled to {@link Check} trees. Built once per parser; immutable and
 * thread-safe.
 */
final class RecordFormat {
  /** A JSON object of the record: the top level or one a dotted path opens. */
  static final class Group {
    final String path;
    final Map<String, Member> children = new HashMap<>();
    final List<String> names = new ArrayList<>();

    Group(String path) {
      this.path = path;
    }
  }

  /** A member of a group: a {@link Leaf}, a nested {@link Group} or {@link #LABS}, and its index in the group. */
  record Member(Object node, int index) {}

  /** A declared field and its slot. */
  record Leaf(RecordField field, int slot) {}

  /** The laboratory values object ({@code labs}). */
  static final Object LABS = new Object();

  /** A record check, compiled; {@code slot} locates the named field (its top-level slot). */
  record CompiledCheck(RecordCheck check, Check holds, int slot) {}

  final RecordDeclaration declaration;
  final Group root = new Group("");
  final CompiledCheck[] checks;
  /** The slots whose place (line, column) a message may need: those record checks name, and the birth date. */
  final boolean[] located;

  RecordFormat(RecordDeclaration declaration) {
    this.declaration = declaration;
    List<RecordField> fields = declaration.fields();
    for (int i = 0; i < fields.size(); i++) {
      RecordField f = fields.get(i);
      String[] parts = f.path().split("\\.");
      Group g = root;
      for (int k = 0; k < parts.length - 1; k++) {
        Member m = g.children.get(parts[k]);
        Object child = m == null ? null : m.node();
        if (!(child instanceof Group)) {
          Group sub = new Group(g.path.isEmpty() ? parts[k] : g.path + "." + parts[k]);
          put(g, parts[k], sub);
          child = sub;
        }
        g = (Group) child;
      }
      put(g, parts[parts.length - 1], new Leaf(f, i));
    }
    if (!declaration.labs().isEmpty()) {
      put(root, "labs", LABS);
    }
    List<RecordCheck> cs = declaration.checks();
    checks = new CompiledCheck[cs.size()];
    for (int i = 0; i < checks.length; i++) {
      RecordCheck c = cs.get(i);
      RecordField list = declaration.listOf(c.field());
      int slot = declaration.slot(list == null ? c.field() : list.path());
      checks[i] = new CompiledCheck(c, RuleCompiler.compile(c.holds(), declaration), slot);
    }
    located = new boolean[fields.size()];
    for (CompiledCheck c : checks) {
      if (c.slot() >= 0) {
        located[c.slot()] = true;
      }
    }
    int birth = declaration.roleSlot(RecordDeclaration.Role.BIRTH);
    if (birth >= 0) {
      located[birth] = true;
    }
  }

  private static void put(Group g, String name, Object child) {
    g.children.put(name, new Member(child, g.names.size()));
    g.names.add(name);
  }
}
