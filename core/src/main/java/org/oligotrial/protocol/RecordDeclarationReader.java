package org.oligotrial.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.oligotrial.protocol.RecordField.Type;
import org.oligotrial.units.LabUnits;

/**
 * Reads a protocol's {@code record:} section into a {@link RecordDeclaration}, recording every bad declaration with
 * its place (unknown key, unknown type, a code field without codes, a range on text, an unknown analyte, a role on a
 * field of the wrong type, a duplicate path, a check naming no field). The record checks' rules are read against the
 * declared fields.
 */
final class RecordDeclarationReader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Set<String> ROLES = Set.of("id", "birth", "screening");
  private static final Set<String> NORMALIZE = Set.of("term", "trim");
  private static final String[] RANGE_KEYS = {"min", "max", "greaterThan", "lessThan"};

  private final Problems p;

  RecordDeclarationReader(Problems p) {
    this.p = p;
  }

  /** The declaration, or null when the section is missing (an error) or not a mapping. */
  RecordDeclaration read(YamlNode root) {
    YamlNode r = p.child(root, "record", true);
    if (r == null || !p.requireMap(r)) {
      return null;
    }
    p.onlyKeys(r, "sections", "fields", "labs", "checks");
    List<RecordSection> sections = new ArrayList<>();
    Set<String> sectionIds = new HashSet<>();
    for (YamlNode s : p.list(r, "sections", false)) {
      if (p.requireMap(s)) {
        p.onlyKeys(s, "id", "title");
        String id = p.text(s, "id", true);
        if (id != null && !sectionIds.add(id)) {
          p.error(s, "duplicate section id '" + id + "'");
        }
        sections.add(new RecordSection(id, p.text(s, "title", true)));
      }
    }
    List<RecordField> fields = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    Set<String> roles = new HashSet<>();
    for (YamlNode f : p.list(r, "fields", true)) {
      RecordField field = field(f, null, sectionIds);
      if (field == null) {
        continue;
      }
      if (!paths.add(field.path())) {
        p.error(f, "duplicate field path '" + field.path() + "'");
      }
      if (field.role() != null && !roles.add(field.role())) {
        p.error(f.map.get("role"), "role '" + field.role() + "' is already given to another field");
      }
      fields.add(field);
    }
    for (YamlNode f : p.list(r, "fields", false)) {
      String path = f.isMap() ? p.text(f, "path", false) : null;
      // a path that is also the object holding another path ("diagnosis" and "diagnosis.histology") is ambiguous
      for (String other : paths) {
        if (path != null && other.startsWith(path + ".")) {
          p.error(f, "field '" + path + "' is also the object holding '" + other + "'");
        }
      }
    }
    List<String> labs = new ArrayList<>();
    List<YamlNode> labNodes = p.list(r, "labs", false);
    for (YamlNode l : labNodes) {
      if (!l.isScalar()) {
        p.error(l, "expected an analyte code, found " + l.describeKind());
      } else if (!LabUnits.isAnalyte(l.text)) {
        p.error(l, "unknown analyte '" + l.text + "' (known: " + String.join(", ", LabUnits.analytes()) + ")");
      } else if (labs.contains(l.text)) {
        p.error(l, "duplicate analyte '" + l.text + "'");
      } else {
        labs.add(l.text);
      }
    }
    if (paths.contains("labs")) {
      p.error(r, "'labs' is the record's laboratory values; name the field otherwise");
    }
    RecordDeclaration fieldsOnly = new RecordDeclaration(sections, fields, labs, List.of());
    RuleReader rules = new RuleReader(p, fieldsOnly);
    List<RecordCheck> checks = new ArrayList<>();
    Set<String> checkIds = new HashSet<>();
    for (YamlNode c : p.list(r, "checks", false)) {
      if (!p.requireMap(c)) {
        continue;
      }
      p.onlyKeys(c, "id", "field", "holds", "message");
      String id = p.text(c, "id", true);
      if (id != null && !checkIds.add(id)) {
        p.error(c, "duplicate check id '" + id + "'");
      }
      String field = p.text(c, "field", true);
      if (field != null && fieldsOnly.field(field) == null) {
        p.error(c.map.get("field"), "unknown screening-record field '" + field + "'");
      }
      Rule holds = rules.read(p.child(c, "holds", true));
      checks.add(new RecordCheck(id, field, holds, p.text(c, "message", true)));
    }
    return new RecordDeclaration(sections, fields, labs, checks);
  }

  /** One field; {@code list} is the list holding it (an item field), or null for a top-level field. */
  private RecordField field(YamlNode f, RecordField list, Set<String> sectionIds) {
    if (!p.requireMap(f)) {
      return null;
    }
    if (list == null) {
      p.onlyKeys(f, "path", "type", "values", "label", "unit", "help", "section", "min", "max", "greaterThan",
          "lessThan", "normalize", "role", "items", "codeHint", "baseline", "input", "valueLabels");
    } else {
      p.onlyKeys(f, "name", "type", "values", "label", "unit", "help", "min", "max", "greaterThan", "lessThan",
          "normalize", "requiredWhen", "codeHint", "unique", "input", "valueLabels");
    }
    String name = p.text(f, list == null ? "path" : "name", true);
    if (name == null) {
      return null;
    }
    for (String part : name.split("\\.", -1)) {
      if (!NAME.matcher(part).matches() || (list != null && name.contains("."))) {
        p.error(f.map.get(list == null ? "path" : "name"), "'" + name + "' is not a field "
            + (list == null ? "path (names of letters and digits joined by dots)" : "name (letters and digits)"));
        return null;
      }
    }
    String path = list == null ? name : list.path() + "." + name;
    String typeText = p.text(f, "type", true);
    Type type = typeText == null ? null : Type.of(typeText);
    if (typeText != null && type == null) {
      p.error(f.map.get("type"), "unknown type '" + typeText + "' (known: number, integer, text, code, flag, date, "
          + "list, text-list)");
      return null;
    }
    if (type == null) {
      return null;
    }
    if (list != null && (type == Type.LIST || type == Type.TEXT_LIST)) {
      p.error(f.map.get("type"), "an item field cannot be a list");
      return null;
    }
    if (type == Type.LIST && name.contains(".")) {
      p.error(f.map.get("path"), "a list is a top-level field; '" + name + "' has a dot");
    }
    List<String> codes = p.texts(f, "values", false);
    if (type == Type.CODE && codes.isEmpty()) {
      p.error(f, "field '" + path + "': a code field needs 'values' (its codes)");
    } else if (type != Type.CODE && f.map.containsKey("values")) {
      p.error(f.map.get("values"), "field '" + path + "': only a code field has 'values'");
    }
    if (new HashSet<>(codes).size() != codes.size()) {
      p.error(f.map.get("values"), "field '" + path + "': duplicate code");
    }
    java.util.Map<String, String> codeLabels = ValueLabels.read(p, f, path, codes);
    Range range = null;
    if (hasRange(f)) {
      if (!type.numeric()) {
        p.error(f, "field '" + path + "': a range (min/max) is given only for number and integer fields");
      } else {
        range = p.range(f, false);
      }
    }
    String normalize = p.text(f, "normalize", false);
    if (normalize != null && !NORMALIZE.contains(normalize)) {
      p.error(f.map.get("normalize"), "normalize must be term or trim, found '" + normalize + "'");
    } else if (normalize != null && !(type.textual() || type == Type.TEXT_LIST)) {
      p.error(f.map.get("normalize"), "field '" + path + "': only text is normalised");
    }
    String role = list == null ? p.text(f, "role", false) : null;
    if (role != null) {
      if (!ROLES.contains(role)) {
        p.error(f.map.get("role"), "unknown role '" + role + "' (known: birth, id, screening)");
      } else if (role.equals("id") ? type != Type.TEXT : type != Type.DATE) {
        p.error(f.map.get("role"), "field '" + path + "': role " + role + " needs a "
            + (role.equals("id") ? "text" : "date") + " field");
      }
    }
    String section = list == null ? p.text(f, "section", false) : null;
    if (section != null && !sectionIds.contains(section)) {
      p.error(f.map.get("section"), "no record section '" + section + "'");
    }
    Boolean baseline = list == null ? p.bool(f, "baseline", false) : null;
    RecordField shell = new RecordField(path, type, codes, p.text(f, "label", false), p.text(f, "unit", false),
        p.text(f, "help", false), section, range, normalize, role, List.of(), null, p.text(f, "codeHint", false),
        baseline != null && baseline, false, null, codeLabels);
    String input = p.text(f, "input", false);
    if (input != null && !NAME.matcher(input).matches()) {
      p.error(f.map.get("input"), "an input id is letters and digits, found '" + input + "'");
    }
    Boolean unique = list == null ? null : p.bool(f, "unique", false);
    List<RecordField> items = new ArrayList<>();
    if (type == Type.LIST) {
      Set<String> names = new HashSet<>();
      for (YamlNode i : p.list(f, "items", true)) {
        RecordField item = field(i, shell, sectionIds);
        if (item != null) {
          if (!names.add(item.name())) {
            p.error(i, "duplicate item field '" + item.name() + "'");
          }
          items.add(item);
        }
      }
      for (YamlNode i : p.list(f, "items", false)) {
        requiredWhen(i, items);
      }
    } else if (list == null && f.map.containsKey("items")) {
      p.error(f.map.get("items"), "field '" + path + "': only a list has 'items'");
    }
    FormField.Condition when = null;
    YamlNode w = list == null ? null : p.child(f, "requiredWhen", false);
    if (w != null && p.requireMap(w)) {
      p.onlyKeys(w, "field", "values");
      when = new FormField.Condition(p.text(w, "field", true), p.texts(w, "values", true));
    }
    return new RecordField(path, type, codes, shell.label(), shell.unit(), shell.help(), section, range, normalize,
        role, items, when, shell.codeHint(), shell.baseline(), unique != null && unique, input, codeLabels);
  }

  /** Checks that an item's {@code requiredWhen} names a sibling item field and, for a code field, its codes. */
  private void requiredWhen(YamlNode i, List<RecordField> items) {
    YamlNode w = i.isMap() ? i.map.get("requiredWhen") : null;
    if (w == null || !w.isMap()) {
      return;
    }
    String field = p.text(w, "field", false);
    RecordField sibling = items.stream().filter(x -> x.name().equals(field)).findFirst().orElse(null);
    if (field != null && sibling == null) {
      p.error(w.map.get("field"), "requiredWhen names no item field '" + field + "'");
    } else if (sibling != null && sibling.type() == Type.CODE) {
      for (YamlNode v : w.map.containsKey("values") && w.map.get("values").isList() ? w.map.get("values").list
          : List.<YamlNode>of()) {
        if (v.isScalar() && !sibling.codes().contains(v.text)) {
          p.error(v, "'" + v.text + "' is not a code of " + sibling.path() + " (codes: "
              + String.join(", ", sibling.codes()) + ")");
        }
      }
    }
  }

  private static boolean hasRange(YamlNode f) {
    for (String k : RANGE_KEYS) {
      if (f.map.containsKey(k)) {
        return true;
      }
    }
    return false;
  }
}
