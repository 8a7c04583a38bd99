package org.oligotrial.server.input;

import java.util.Iterator;
import java.util.Map;
import org.oligotrial.server.kernel.TextRules;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * The deserializers that apply {@link TextRules} to every string of a request body: plain text properties (and the
 * elements and values of collections and maps), map keys, and every string, property name and number inside a
 * free-form {@link JsonNode} (screening records, form values). Whether a property is narrative (multi-line) is
 * decided once per property when Jackson builds its deserializers ({@link #createContextual}), not per request.
 */
final class CheckedText {
  private CheckedText() {}

  /** Text properties: Jackson's own string reading (with its coercion rules), then the text rules. */
  static final class Strings extends StdScalarDeserializer<String> {
    static final Strings SINGLE_LINE = new Strings(false);
    static final Strings MULTI_LINE = new Strings(true);
    private final boolean multiLine;

    private Strings(boolean multiLine) {
      super(String.class);
      this.multiLine = multiLine;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      return property != null && TextRules.isNarrative(property.getName()) ? MULTI_LINE : SINGLE_LINE;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      String s = StringDeserializer.instance.deserialize(p, ctxt);
      if (s != null) {
        String why = TextRules.problem(s, multiLine);
        if (why != null) {
          throw new RefusedValueException(p, "", why);
        }
      }
      return s;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
      return true;
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) {
      return "";
    }
  }

  /** Map keys of type String. */
  static final class Keys extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) {
      String why = TextRules.problem(key, false);
      if (why != null) {
        throw new RefusedValueException(ctxt.getParser(), "", "a key " + why);
      }
      return key;
    }
  }

  /** Free-form JSON: read as Jackson does, then every string, property name and number checked. */
  static final class Trees extends ValueDeserializer<JsonNode> {
    @SuppressWarnings("unchecked")
    private static final ValueDeserializer<JsonNode> TREE =
        (ValueDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonNode n = TREE.deserialize(p, ctxt);
      StringBuilder path = new StringBuilder();
      String why = check(n, path);
      if (why != null) {
        throw new RefusedValueException(p, path.toString(), why);
      }
      return n;
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return TREE.getNullValue(ctxt);
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return TREE.getAbsentValue(ctxt);
    }

    @Override
    public LogicalType logicalType() {
      return TREE.logicalType();
    }

    /** Why the tree is refused, with {@code path} left at the offending value; null when it is accepted. */
    private static String check(JsonNode n, StringBuilder path) {
      if (n.isString()) {
        return TextRules.problem(n.asString(), true);
      }
      if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
        return "is not a finite number";
      }
      int mark = path.length();
      if (n.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          path.setLength(mark);
          String why = TextRules.problem(e.getKey(), false);
          if (why != null) {
            return "has a property name that " + why; // the name itself is not repeated back
          }
          path.append('.').append(e.getKey());
          why = check(e.getValue(), path);
          if (why != null) {
            return why;
          }
        }
      } else if (n.isArray()) {
        for (int i = 0; i < n.size(); i++) {
          path.setLength(mark);
          path.append('[').append(i).append(']');
          String why = check(n.get(i), path);
          if (why != null) {
            return why;
          }
        }
      }
      path.setLength(mark);
      return null;
    }
  }
}
