package org.oligotrial.protocol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to YAML nodes that records errors and warnings with their place instead of throwing. */
final class Problems {
  final String file;
  final List<ProtocolException.Problem> errors = new ArrayList<>();
  final List<ProtocolException.Problem> warnings = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void error(YamlNode at, String message) {
    errors.add(new ProtocolException.Problem(file, at.line, at.column, at.path, message));
  }

  void warn(YamlNode at, String message) {
    warnings.add(new ProtocolException.Problem(file, at.line, at.column, at.path, message));
  }

  /** Reports keys of a mapping that are not in {@code allowed}. */
  void onlyKeys(YamlNode map, String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (var e : map.map.entrySet()) {
      if (!ok.contains(e.getKey())) {
        error(e.getValue(), "unknown field '" + e.getKey() + "' (expected one of: "
            + String.join(", ", new TreeSet<>(Arrays.asList(allowed))) + ")");
      }
    }
  }

  boolean requireMap(YamlNode n) {
    if (!n.isMap()) {
      error(n, "expected a mapping, found " + n.describeKind());
      return false;
    }
    return true;
  }

  /** The child node, or null (with an error when required) when absent or null. */
  YamlNode child(YamlNode map, String key, boolean required) {
    YamlNode n = map.map.get(key);
    if (n == null || n.kind == YamlNode.Kind.NULL) {
      if (required) {
        error(n == null ? map : n, n == null ? "missing field '" + key + "'" : "'" + key + "' must not be empty");
      }
      return null;
    }
    return n;
  }

  String text(YamlNode map, String key, boolean required) {
    YamlNode n = child(map, key, required);
    if (n == null) {
      return null;
    }
    if (!n.isScalar()) {
      error(n, "expected text, found " + n.describeKind());
      return null;
    }
    return n.text;
  }

  BigDecimal decimal(YamlNode n) {
    if (!n.isScalar() || !n.isNumber()) {
      error(n, "expected a number, found " + n.describeKind() + (n.isScalar() ? " '" + n.text + "'" : ""));
      return null;
    }
    return new BigDecimal(n.text);
  }

  BigDecimal decimal(YamlNode map, String key, boolean required) {
    YamlNode n = child(map, key, required);
    return n == null ? null : decimal(n);
  }

  Integer integer(YamlNode map, String key, boolean required) {
    YamlNode n = child(map, key, required);
    if (n == null) {
      return null;
    }
    BigDecimal d = decimal(n);
    if (d == null) {
      return null;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      error(n, "expected a whole number, found " + n.text);
      return null;
    }
  }

  Boolean bool(YamlNode map, String key, boolean required) {
    YamlNode n = child(map, key, required);
    if (n == null) {
      return null;
    }
    if (!n.isBoolean()) {
      error(n, "expected true or false, found " + n.describeKind());
      return null;
    }
    return Boolean.valueOf(n.text);
  }

  List<YamlNode> list(YamlNode map, String key, boolean required) {
    YamlNode n = child(map, key, required);
    if (n == null) {
      return List.of();
    }
    if (!n.isList()) {
      error(n, "expected a list, found " + n.describeKind());
      return List.of();
    }
    return n.list;
  }

  List<String> texts(YamlNode map, String key, boolean required) {
    List<String> out = new ArrayList<>();
    for (YamlNode n : list(map, key, required)) {
      if (n.isScalar()) {
        out.add(n.text);
      } else {
        error(n, "expected text, found " + n.describeKind());
      }
    }
    return List.copyOf(out);
  }

  List<Integer> integers(YamlNode map, String key, boolean required) {
    List<Integer> out = new ArrayList<>();
    for (YamlNode n : list(map, key, required)) {
      BigDecimal d = decimal(n);
      if (d != null) {
        out.add(d.intValue());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Reads a numeric range from the keys {@code min} or {@code greaterThan} (lower bound, inclusive or exclusive) and
   * {@code max} or {@code lessThan} (upper bound) of {@code v}. Records an error when both forms of one bound are
   * given, when the range is empty, and, if {@code required}, when no bound key is given at all.
   *
   * @return the range; {@code null} when it is optional and no bound could be read
   */
  Range range(YamlNode v, boolean required) {
    BigDecimal min = decimal(v, "min", false);
    BigDecimal gt = decimal(v, "greaterThan", false);
    BigDecimal max = decimal(v, "max", false);
    BigDecimal lt = decimal(v, "lessThan", false);
    if (min != null && gt != null) {
      error(v, "give either 'min' or 'greaterThan', not both");
    }
    if (max != null && lt != null) {
      error(v, "give either 'max' or 'lessThan', not both");
    }
    BigDecimal lo = min != null ? min : gt;
    BigDecimal hi = max != null ? max : lt;
    if (required) {
      if (!v.map.containsKey("min") && !v.map.containsKey("greaterThan") && !v.map.containsKey("max")
          && !v.map.containsKey("lessThan")) {
        error(v, "a range needs at least one of 'min', 'greaterThan', 'max', 'lessThan'");
      }
    } else if (lo == null && hi == null) {
      return null;
    }
    if (lo != null && hi != null && lo.compareTo(hi) > 0) {
      error(v, "empty range: lower bound " + lo.toPlainString() + " is above upper bound " + hi.toPlainString());
    }
    return new Range(lo, gt == null, hi, lt == null);
  }
}
