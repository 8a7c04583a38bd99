package org.oligotrial.eligibility;

import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * JSON form of an {@link EligibilityResult}: {@code {"id", "protocol", "verdict", "criteria": [{"id", "kind",
 * "status", "reason", "source"}], "missing": [...]}} with {@code kind} in lower case (inclusion|exclusion). Written
 * with Jackson's streaming generator. Stateless and thread-safe.
 *
 * <p>{@link #toAsciiJson} is the form to store and send: every character outside ASCII (the registry quotes in the
 * sources have signs such as {@code ≥}) is written as a JSON escape (backslash, u, four hex digits), so the text is
 * the same JSON value in one byte per character. A Java string with a single non-Latin-1 character is stored in two
 * bytes per character, and every copy and encoding of it (database driver, HTTP response) takes the slower UTF-16
 * path (a JFR profile of the registration benchmark sampled that copy most often; the throughput gain was within the
 * run-to-run noise, docs/benchmarks.md).
 *
 * <p>The criteria's sources (registry quotes, about four fifths of the text) are the same in every result of a
 * protocol, so each is escaped once and its JSON string kept: a registration writes them as they are instead of
 * escaping them character by character again (JMH {@code EligibilityBenchmark.evaluateToStoredJson},
 * docs/benchmarks.md).
 */
public final class EligibilityJson {
  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonFactory ASCII = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  /** Most sources kept per form: far more than a protocol has criteria, few enough to bound the memory. */
  static final int MAX_KEPT_SOURCES = 4096;
  private static final Map<String, String> PLAIN_SOURCES = new ConcurrentHashMap<>();
  private static final Map<String, String> ASCII_SOURCES = new ConcurrentHashMap<>();

  private EligibilityJson() {}

  /** The result as one line of JSON. */
  public static String toJson(EligibilityResult result) {
    StringWriter w = new StringWriter(1024);
    write(result, w);
    return w.toString();
  }

  /** The result as one line of JSON in ASCII only: characters outside ASCII are written as escapes. */
  public static String toAsciiJson(EligibilityResult result) {
    StringWriter w = new StringWriter(4096);
    write(ASCII, result, w);
    return w.toString();
  }

  /** Writes the result as one line of JSON to {@code out} (flushed, not closed). */
  public static void write(EligibilityResult result, Writer out) {
    write(JSON, result, out);
  }

  private static void write(JsonFactory factory, EligibilityResult result, Writer out) {
    Map<String, String> sources = factory == ASCII ? ASCII_SOURCES : PLAIN_SOURCES;
    try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("id", result.id());
      g.writeStringProperty("protocol", result.protocolId());
      g.writeStringProperty("verdict", result.verdict().name());
      g.writeArrayPropertyStart("criteria");
      for (CriterionResult c : result.criteria()) {
        g.writeStartObject();
        g.writeStringProperty("id", c.id());
        g.writeStringProperty("kind", c.kind().name().toLowerCase(Locale.ROOT));
        g.writeStringProperty("status", c.status().name());
        g.writeStringProperty("reason", c.reason());
        if (c.source() == null) {
          g.writeNullProperty("source");
        } else {
          g.writeName("source");
          g.writeRawValue(literal(factory, sources, c.source()));
        }
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

  /** {@code text} as a JSON string (quoted and escaped by {@code factory}), kept in {@code kept} for the next time. */
  static String literal(JsonFactory factory, Map<String, String> kept, String text) {
    String literal = kept.get(text);
    if (literal == null) {
      StringWriter w = new StringWriter(text.length() + 16);
      try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), w)) {
        g.writeString(text);
      }
      literal = w.toString();
      if (kept.size() < MAX_KEPT_SOURCES) {
        kept.putIfAbsent(text, literal);
      }
    }
    return literal;
  }
}
