package org.oligotrial.eligibility;

import java.io.InputStream;
import java.io.Reader;
import java.util.Objects;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.protocol.RecordDeclaration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a screening record from JSON with Jackson's streaming parser, in the shape a protocol declares
 * ({@link RecordDeclaration}), validating as it goes: unknown fields, wrong types, unknown codes, analytes and units,
 * impossible values and failed record checks are rejected with a {@link ScreeningRecordException} naming line and
 * field. An absent or null field is unknown. Thread-safe; one instance can be shared.
 */
public final class ScreeningRecordParser {
  private static final JsonFactory JSON = new JsonFactory();

  private final RecordFormat format;

  /** A parser for the record the protocol declares. */
  public ScreeningRecordParser(Protocol protocol) {
    this(Objects.requireNonNull(protocol, "protocol").record());
  }

  /** A parser for a declared record. Throws NullPointerException for null. */
  public ScreeningRecordParser(RecordDeclaration declaration) {
    this.format = new RecordFormat(Objects.requireNonNull(declaration, "declaration"));
  }

  /** A parser for the record of the bundled protocol ({@link ProtocolLoader#bundled()}). */
  public ScreeningRecordParser() {
    this(ProtocolLoader.bundled());
  }

  /** The declaration records are read with. */
  public RecordDeclaration declaration() {
    return format.declaration;
  }

  /** Parses one record from JSON text. Throws {@link ScreeningRecordException} on bad input. */
  public ScreeningRecord parse(String json) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
      return parse(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * Parses one record from UTF-8 bytes {@code buf[offset, offset + length)}, e.g. one line of an NDJSON file (the
   * fastest path: no decoding to characters first). Throws {@link ScreeningRecordException} on bad input.
   */
  public ScreeningRecord parse(byte[] buf, int offset, int length) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), buf, offset, length)) {
      return parse(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /** Parses one record from a character stream (not closed). Throws {@link ScreeningRecordException}. */
  public ScreeningRecord parse(Reader in) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
      return parse(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /** Parses one record from UTF-8 bytes (stream not closed). Throws {@link ScreeningRecordException}. */
  public ScreeningRecord parse(InputStream in) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
      return parse(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private static ScreeningRecordException malformed(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String msg = e.getOriginalMessage() == null ? String.valueOf(e.getMessage()) : e.getOriginalMessage();
    return new ScreeningRecordException("malformed JSON: " + msg.lines().findFirst().orElse(""),
        at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "");
  }

  private ScreeningRecord parse(JsonParser p) {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw error(p, "", "expected a JSON object, found " + describe(t));
    }
    RecordReader r = new RecordReader(p, format);
    ScreeningRecord rec = r.readRecord();
    if (p.nextToken() != null) {
      throw error(p, "", "unexpected content after the record");
    }
    return rec;
  }

  static ScreeningRecordException error(JsonParser p, String field, String problem) {
    TokenStreamLocation at = p.currentTokenLocation();
    return new ScreeningRecordException(problem, at.getLineNr(), at.getColumnNr(), field);
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "text";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true/false";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }
}
