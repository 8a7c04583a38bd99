package org.oligotrial.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code forms} and {@code editChecks} sections of a protocol file, recording problems with their place. */
final class FormsReader {
  private final Problems p;

  FormsReader(Problems p) {
    this.p = p;
  }

  List<FormDefinition> forms(YamlNode root, List<Visit> visits) {
    Set<String> visitIds = new HashSet<>();
    visits.forEach(v -> visitIds.add(v.id()));
    List<FormDefinition> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlNode f : p.list(root, "forms", false)) {
      if (!p.requireMap(f)) {
        continue;
      }
      p.onlyKeys(f, "id", "name", "visits", "dateField", "fields");
      String id = p.text(f, "id", true);
      if (id != null && !ids.add(id)) {
        p.error(f, "duplicate form id '" + id + "'");
      }
      List<String> vs = p.texts(f, "visits", false);
      for (int i = 0; i < vs.size(); i++) {
        if (!visitIds.contains(vs.get(i))) {
          p.error(f.map.get("visits").list.get(i), "no visit '" + vs.get(i) + "'");
        }
      }
      List<FormField> fields = new ArrayList<>();
      for (YamlNode x : p.list(f, "fields", true)) {
        FormField field = field(x);
        if (field != null) {
          if (fields.stream().anyMatch(o -> o.id().equals(field.id()))) {
            p.error(x, "duplicate field id '" + field.id() + "'");
          }
          fields.add(field);
        }
      }
      String dateField = p.text(f, "dateField", true);
      if (dateField != null
          && fields.stream().noneMatch(o -> o.id().equals(dateField) && o.type().equals("date"))) {
        p.error(f.map.get("dateField"), "dateField '" + dateField + "' is not a date field of the form");
      }
      long terms = fields.stream().filter(o -> o.type().equals("ctcae-term")).count();
      if (terms != 1 && fields.stream().anyMatch(o -> o.type().equals("ctcae-grade"))) {
        p.error(f, "a ctcae-grade field is graded against the form's one ctcae-term field; the form has " + terms);
      }
      for (FormField field : fields) {
        if (field.requiredWhen() != null && fields.stream().noneMatch(o -> o.id().equals(field.requiredWhen().field()))) {
          p.error(f, "field '" + field.id() + "': requiredWhen names no field '" + field.requiredWhen().field() + "'");
        }
      }
      out.add(new FormDefinition(id, p.text(f, "name", true), vs, dateField, fields));
    }
    return List.copyOf(out);
  }

  private FormField field(YamlNode x) {
    if (!p.requireMap(x)) {
      return null;
    }
    p.onlyKeys(x, "id", "label", "type", "required", "min", "max", "greaterThan", "lessThan", "values", "maxLength",
        "requiredWhen", "unit", "missing", "valueLabels");
    String type = p.text(x, "type", true);
    if (type != null && !FormField.TYPES.contains(type)) {
      p.error(x.map.get("type"), "type must be one of " + FormField.TYPES + ", found '" + type + "'");
    }
    List<String> values = p.texts(x, "values", false);
    if ("choice".equals(type) && values.isEmpty()) {
      p.error(x, "a choice field needs 'values'");
    }
    String id = p.text(x, "id", true);
    java.util.Map<String, String> labels = ValueLabels.read(p, x, id, values);
    Range range = p.range(x, false);
    if (range != null && !("integer".equals(type) || "decimal".equals(type))) {
      p.error(x, "a range is given only for integer and decimal fields");
    }
    FormField.Condition when = null;
    YamlNode w = p.child(x, "requiredWhen", false);
    if (w != null && p.requireMap(w)) {
      p.onlyKeys(w, "field", "values");
      when = new FormField.Condition(p.text(w, "field", true), p.texts(w, "values", true));
    }
    Boolean required = p.bool(x, "required", false);
    List<String> missing = p.texts(x, "missing", false);
    for (String code : missing) {
      if (!FormField.MISSING_CODES.contains(code)) {
        p.error(x.map.get("missing"), "missing-data codes are " + FormField.MISSING_CODES + ", found '" + code + "'");
      }
    }
    return new FormField(id, p.text(x, "label", false), type == null ? "text" : type,
        required != null && required, range, values, p.integer(x, "maxLength", false), when, p.text(x, "unit", false),
        missing, labels);
  }

  List<EditCheck> editChecks(YamlNode root, List<FormDefinition> forms, List<Arm> arms) {
    Set<String> formIds = new HashSet<>();
    forms.forEach(f -> formIds.add(f.id()));
    Set<String> armIds = new HashSet<>();
    arms.forEach(a -> armIds.add(a.id()));
    List<EditCheck> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlNode c : p.list(root, "editChecks", false)) {
      if (!p.requireMap(c)) {
        continue;
      }
      p.onlyKeys(c, "id", "kind", "severity", "forms", "exceptForms", "field", "otherField", "min", "max",
          "greaterThan", "lessThan", "arm", "message", "fields");
      String id = p.text(c, "id", true);
      if (id != null && !ids.add(id)) {
        p.error(c, "duplicate edit check id '" + id + "'");
      }
      String kind = p.text(c, "kind", true);
      if (kind != null && !EditCheck.KINDS.contains(kind)) {
        p.error(c.map.get("kind"), "kind must be one of " + EditCheck.KINDS + ", found '" + kind + "'");
      }
      String severity = p.text(c, "severity", true);
      if (severity != null && !severity.equals("block") && !severity.equals("query")) {
        p.error(c.map.get("severity"), "severity must be 'block' or 'query', found '" + severity + "'");
      }
      List<String> fs = p.texts(c, "forms", false);
      List<String> except = p.texts(c, "exceptForms", false);
      for (String f : concat(fs, except)) {
        if (!formIds.contains(f)) {
          p.error(c, "no form '" + f + "'");
        }
      }
      String field = p.text(c, "field", false);
      String other = p.text(c, "otherField", false);
      for (String name : new String[] {field, other}) {
        if (name != null) {
          for (String f : fs) {
            FormDefinition def = forms.stream().filter(d -> d.id().equals(f)).findFirst().orElse(null);
            if (def != null && def.field(name).isEmpty()) {
              p.error(c, "form '" + f + "' has no field '" + name + "'");
            }
          }
        }
      }
      List<String> anyOf = p.texts(c, "fields", false);
      for (String name : anyOf) {
        for (String f : fs) {
          FormDefinition def = forms.stream().filter(d -> d.id().equals(f)).findFirst().orElse(null);
          if (def != null && def.field(name).filter(x -> x.type().equals("boolean")).isEmpty()) {
            p.error(c, "form '" + f + "' has no boolean field '" + name + "'");
          }
        }
      }
      if ("any-true".equals(kind) && anyOf.size() < 2) {
        p.error(c, "an any-true check needs 'fields', at least two boolean fields");
      }
      String arm = p.text(c, "arm", false);
      if (arm != null && !armIds.contains(arm)) {
        p.error(c.map.get("arm"), "no arm '" + arm + "'");
      }
      Range range = p.range(c, false);
      if ("range".equals(kind) && (range == null || field == null)) {
        p.error(c, "a range check needs 'field' and a bound");
      }
      if ("date-order".equals(kind) && (field == null || other == null)) {
        p.error(c, "a date-order check needs 'field' and 'otherField'");
      }
      if ("within-hours".equals(kind) && (field == null || other == null || range == null || range.max() == null)) {
        p.error(c, "a within-hours check needs 'field', 'otherField' and 'max' (hours)");
      }
      if ("arm-only".equals(kind) && arm == null) {
        p.error(c, "an arm-only check needs 'arm'");
      }
      out.add(new EditCheck(id, kind, severity, fs, except, field, other, range, arm, p.text(c, "message", true),
          anyOf));
    }
    return List.copyOf(out);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
