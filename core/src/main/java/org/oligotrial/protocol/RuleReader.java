package org.oligotrial.protocol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oligotrial.protocol.RecordField.Type;
import org.oligotrial.units.LabUnits;

/**
 * Reads the rule vocabulary ({@link Rule}) from YAML, checking fields and codes against the protocol's declared
 * screening record ({@link RecordDeclaration}), and analytes and units.
 */
final class RuleReader {
  /** What a rule needs of the field it names. */
  private enum Need {
    NUMBER("a number or integer field"), TEXT("a text or code field"), FLAG("a flag field"), LIST("a list field"),
    ITEM_NUMBER("a number or integer item field of a list"),
    TEXTS("a text-list field or a text or code item field of a list");

    final String what;

    Need(String what) {
      this.what = what;
    }
  }

  private static final String OPERATORS =
      "all, any, not, age, number, oneOf, isTrue, isFalse, lab, sum, every, count, containsAny";

  private final Problems p;
  private final RecordDeclaration record;

  /** @param record the declared screening record; null when it could not be read (every field is then unknown) */
  RuleReader(Problems p, RecordDeclaration record) {
    this.p = p;
    this.record = record;
  }

  /** The rule, or null after recording an error. */
  Rule read(YamlNode n) {
    if (n == null) {
      return null;
    }
    if (!n.isMap() || n.map.size() != 1) {
      p.error(n, "a rule is a mapping with exactly one operator (" + OPERATORS + ")");
      return null;
    }
    Map.Entry<String, YamlNode> e = n.map.entrySet().iterator().next();
    YamlNode v = e.getValue();
    return switch (e.getKey()) {
      case "all" -> new Rule.AllOf(rules(v));
      case "any" -> new Rule.AnyOf(rules(v));
      case "not" -> {
        Rule r = read(v);
        yield r == null ? null : new Rule.Not(r);
      }
      case "age" -> p.requireMap(v) ? age(v) : null;
      case "number" -> p.requireMap(v) ? number(v) : null;
      case "oneOf" -> p.requireMap(v) ? oneOf(v) : null;
      case "isTrue", "isFalse" -> flag(v, e.getKey().equals("isTrue"));
      case "lab" -> p.requireMap(v) ? lab(v) : null;
      case "sum" -> p.requireMap(v) ? sum(v) : null;
      case "every" -> p.requireMap(v) ? every(v) : null;
      case "count" -> p.requireMap(v) ? count(v) : null;
      case "containsAny" -> p.requireMap(v) ? containsAny(v) : null;
      default -> {
        p.error(v, "unknown rule '" + e.getKey() + "' (known: " + OPERATORS + ")");
        yield null;
      }
    };
  }

  private List<Rule> rules(YamlNode v) {
    if (!v.isList() || v.list.isEmpty()) {
      p.error(v, "expected a non-empty list of rules");
      return List.of();
    }
    List<Rule> out = new ArrayList<>();
    for (YamlNode item : v.list) {
      Rule r = read(item);
      if (r != null) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  private Rule age(YamlNode v) {
    p.onlyKeys(v, "min", "max", "greaterThan", "lessThan");
    if (record != null && (record.role("birth") == null || record.role("screening") == null)) {
      p.error(v, "an age rule needs the record's date fields with role birth and role screening");
    }
    return new Rule.Age(p.range(v, true));
  }

  private Rule number(YamlNode v) {
    p.onlyKeys(v, "field", "min", "max", "greaterThan", "lessThan");
    String field = field(v, "field", Need.NUMBER);
    Range r = p.range(v, true);
    return field == null ? null : new Rule.NumberIn(field, r);
  }

  private Rule oneOf(YamlNode v) {
    p.onlyKeys(v, "field", "values");
    String field = field(v, "field", Need.TEXT);
    List<String> values = codes(v, field);
    return field == null ? null : new Rule.OneOf(field, values);
  }

  private Rule flag(YamlNode v, boolean expected) {
    if (!v.isScalar()) {
      p.error(v, "expected a yes/no field name, found " + v.describeKind());
      return null;
    }
    String field = checkField(v, v.text, Need.FLAG);
    return field == null ? null : new Rule.Flag(field, expected);
  }

  private Rule lab(YamlNode v) {
    p.onlyKeys(v, "analyte", "op", "value", "unit", "uln");
    String analyte = p.text(v, "analyte", true);
    if (analyte != null && !LabUnits.isAnalyte(analyte)) {
      p.error(v.map.get("analyte"), "unknown analyte '" + analyte + "' (known: "
          + String.join(", ", LabUnits.analytes()) + ")");
      analyte = null;
    } else if (analyte != null && record != null && record.labSlot(analyte) < 0) {
      p.error(v.map.get("analyte"), "analyte '" + analyte + "' is not recorded: add it to record.labs (recorded: "
          + String.join(", ", record.labs()) + ")");
      analyte = null;
    }
    String opText = p.text(v, "op", true);
    Rule.Comparison op = opText == null ? null : Rule.Comparison.of(opText);
    if (opText != null && op == null) {
      p.error(v.map.get("op"), "unknown operator '" + opText + "' (known: >=, >, <=, <)");
    }
    BigDecimal uln = p.decimal(v, "uln", false);
    BigDecimal value = p.decimal(v, "value", false);
    String unit = p.text(v, "unit", false);
    if (uln != null && (value != null || unit != null)) {
      p.error(v, "give either 'uln' (a multiple of the upper limit of normal) or 'value' with 'unit', not both");
    } else if (uln == null && (value == null || unit == null)) {
      p.error(v, "a lab rule needs 'value' and 'unit', or 'uln'");
    }
    if (uln != null && uln.signum() <= 0) {
      p.error(v.map.get("uln"), "a ULN multiple must be positive");
    }
    if (analyte != null && unit != null) {
      if (!LabUnits.isUnit(analyte, unit)) {
        p.error(v.map.get("unit"), "unknown unit '" + unit + "' for " + analyte + " (accepted: "
            + String.join(", ", LabUnits.units(analyte)) + ")");
      } else if (value != null) {
        plausibility(v, analyte, value, unit);
      }
    }
    if (analyte == null || op == null) {
      return null;
    }
    return new Rule.Lab(analyte, op, uln == null ? value : null, uln == null ? unit : null, uln);
  }

  private void plausibility(YamlNode v, String analyte, BigDecimal value, String unit) {
    BigDecimal canonical = LabUnits.toCanonical(analyte, value, unit).canonicalValue();
    BigDecimal[] range = LabUnits.plausibleThresholdRange(analyte);
    if (canonical.compareTo(range[0]) < 0 || canonical.compareTo(range[1]) > 0) {
      String unitCanonical = LabUnits.canonicalUnit(analyte);
      p.warn(v.map.get("value"), "implausible threshold: " + analyte + " " + LabUnits.plain(value) + " " + unit
          + (canonical.compareTo(value) == 0 && unit.equals(unitCanonical) ? ""
              : " = " + LabUnits.plain(canonical) + " " + unitCanonical)
          + " is outside the physiological range for " + LabUnits.name(analyte) + " (" + LabUnits.plain(range[0]) + "-"
          + LabUnits.plain(range[1]) + " " + unitCanonical + "); is the unit right?");
    }
  }

  private Rule sum(YamlNode v) {
    p.onlyKeys(v, "list", "field", "min", "max", "greaterThan", "lessThan");
    String list = field(v, "list", Need.LIST);
    String field = p.text(v, "field", true);
    if (list != null && field != null) {
      field = checkField(v.map.get("field"), list + "." + field, Need.ITEM_NUMBER);
    }
    Range r = p.range(v, true);
    return list == null || field == null ? null : new Rule.Sum(list, field.substring(list.length() + 1), r);
  }

  private Rule every(YamlNode v) {
    Rule r = sum(v);
    return r instanceof Rule.Sum s ? new Rule.Every(s.list(), s.field(), s.range()) : null;
  }

  private Rule count(YamlNode v) {
    p.onlyKeys(v, "list", "field", "values", "min", "max", "greaterThan", "lessThan");
    String list = field(v, "list", Need.LIST);
    String field = p.text(v, "field", false);
    List<String> values = List.of();
    if (list != null && field != null) {
      String path = checkField(v.map.get("field"), list + "." + field, Need.TEXTS);
      values = codes(v, path);
      if (path == null) {
        return null;
      }
    } else if (v.map.containsKey("values")) {
      p.error(v.map.get("values"), "'values' needs 'field'");
    }
    Range r = p.range(v, true);
    return list == null ? null : new Rule.Count(list, field, values, r);
  }

  private Rule containsAny(YamlNode v) {
    p.onlyKeys(v, "field", "values");
    String field = field(v, "field", Need.TEXTS);
    List<String> values = codes(v, field);
    return field == null ? null : new Rule.ContainsAny(field, values);
  }

  private String field(YamlNode v, String key, Need need) {
    String name = p.text(v, key, true);
    return name == null ? null : checkField(v.map.get(key), name, need);
  }

  private String checkField(YamlNode at, String name, Need need) {
    RecordField f = record == null ? null : record.field(name);
    if (f == null) {
      p.error(at, "unknown screening-record field '" + name + "'");
      return null;
    }
    boolean item = record.listOf(name) != null;
    boolean ok = switch (need) {
      case NUMBER -> !item && f.type().numeric();
      case TEXT -> !item && f.type().textual();
      case FLAG -> !item && f.type() == Type.FLAG;
      case LIST -> !item && f.type() == Type.LIST;
      case ITEM_NUMBER -> item && f.type().numeric();
      case TEXTS -> item ? f.type().textual() : f.type() == Type.TEXT_LIST;
    };
    if (!ok) {
      p.error(at, "field '" + name + "' is " + (item ? "an item field of type " : "of type ") + f.type().yaml()
          + ", this rule needs " + need.what);
      return null;
    }
    return name;
  }

  private List<String> codes(YamlNode v, String field) {
    List<String> values = p.texts(v, "values", true);
    if (values.isEmpty() && v.map.get("values") != null) {
      p.error(v.map.get("values"), "expected at least one value");
    }
    RecordField f = record == null ? null : record.field(field);
    if (f != null && !f.codes().isEmpty()) {
      for (int i = 0; i < values.size(); i++) {
        if (!f.codes().contains(values.get(i))) {
          p.error(v.map.get("values").list.get(i), "'" + values.get(i) + "' is not a code of " + field + " (codes: "
              + String.join(", ", f.codes()) + ")");
        }
      }
    }
    return values;
  }
}
