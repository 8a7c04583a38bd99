package org.oligotrial.protocol;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document as a tree whose every node remembers its line, column and dotted path, so that the protocol reader
 * can name the place of any error. Built with Jackson's streaming YAML parser. Package-private.
 */
final class YamlNode {
  enum Kind { MAP, LIST, SCALAR, NULL }

  private static final YAMLFactory YAML = new YAMLFactory();

  final Kind kind;
  final String path;
  final int line;
  final int column;
  final Map<String, YamlNode> map;
  final List<YamlNode> list;
  final String text;
  final JsonToken token;

  private YamlNode(Kind kind, String path, TokenStreamLocation at, Map<String, YamlNode> map, List<YamlNode> list,
      String text, JsonToken token) {
    this.kind = kind;
    this.path = path;
    this.line = at == null ? 0 : at.getLineNr();
    this.column = at == null ? 0 : at.getColumnNr();
    this.map = map;
    this.list = list;
    this.text = text;
    this.token = token;
  }

  /** Parses a whole document. Throws {@link JacksonException} (with a location) on malformed YAML. */
  static YamlNode parse(Reader in) {
    try (JsonParser p = YAML.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new YamlNode(Kind.NULL, "", null, null, null, null, null);
      }
      return read(p, "");
    }
  }

  private static YamlNode read(JsonParser p, String path) {
    TokenStreamLocation at = p.currentTokenLocation();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, read(p, path.isEmpty() ? name : path + "." + name));
        }
        return new YamlNode(Kind.MAP, path, at, m, null, null, t);
      }
      case START_ARRAY -> {
        List<YamlNode> l = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(read(p, path + "[" + i++ + "]"));
        }
        return new YamlNode(Kind.LIST, path, at, null, l, null, t);
      }
      case VALUE_NULL -> {
        return new YamlNode(Kind.NULL, path, at, null, null, null, t);
      }
      default -> {
        return new YamlNode(Kind.SCALAR, path, at, null, null, p.getText(), t);
      }
    }
  }

  boolean isMap() {
    return kind == Kind.MAP;
  }

  boolean isList() {
    return kind == Kind.LIST;
  }

  boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  boolean isNumber() {
    return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
  }

  boolean isBoolean() {
    return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
  }

  String describeKind() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case NULL -> "empty";
      case SCALAR -> isNumber() ? "a number" : isBoolean() ? "true/false" : "text";
    };
  }
}
