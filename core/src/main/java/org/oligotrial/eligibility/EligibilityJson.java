package org.oligotrial.eligibility;

import java.io.StringWriter;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON form of an {@link EligibilityResult}: {@code {"id", "protocol", "verdict", "criteria": [{"id", "kind",
 * "status", "reason", "source"}], "missing": [...]}} with {@code kind} in lower case (inclusion|exclusion). Written
 * with Jackson's streaming generator. Stateless and thread-safe.
 */
public final class EligibilityJson {
  private static final JsonFactory JSON = new JsonFactory();

  private EligibilityJson() {}

  /** The result as one line of JSON. */
  public static String toJson(EligibilityResult result) {
    StringWriter w = new StringWriter(1024);
    write(result, w);
    return w.toString();
  }

  /** Writes the result as one line of JSON to {@code out} (flushed, not closed). */
  public static void write(EligibilityResult result, Writer out) {
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("id", result.id());
      g.writeStringProperty("protocol", result.protocolId());
      g.writeStringProperty("verdict", result.verdict().name());
      g.writeArrayPropertyStart("criteria");
      for (CriterionResult c : result.criteria()) {
        g.writeStartObject();
        g.writeStringProperty("id", c.id());
        g.writeStringProperty("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringProperty("status", c.status().name());
        g.writeStringProperty("reason", c.reason());
        g.writeStringProperty("source", c.source());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("missing");
      for (String m : result.missing()) {
        g.writeString(m);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
