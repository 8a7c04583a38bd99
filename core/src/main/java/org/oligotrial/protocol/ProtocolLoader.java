package org.oligotrial.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Loads and validates protocol files (YAML). Validation covers the structure, the rule vocabulary ({@link Rule}),
 * field names and codes (the protocol's declared record, {@link RecordDeclaration}), analytes and units, and cross-references (note ids, arm ids, factor
 * ids). Every error names file, line, column and field. Stateless and thread-safe.
 */
public final class ProtocolLoader {

  /** Classpath location of the bundled NCT03119519 protocol (the repository's {@code protocols/nct03119519.yaml}). */
  public static final String BUNDLED_RESOURCE = "/org/oligotrial/protocols/nct03119519.yaml";

  private ProtocolLoader() {}

  /**
   * Loads a protocol file.
   *
   * @throws ProtocolException when the file is malformed or invalid (all problems attached)
   * @throws UncheckedIOException when the file cannot be read ({@link java.nio.file.NoSuchFileException} as cause)
   */
  public static Protocol load(Path file) {
    return orThrow(check(file));
  }

  /**
   * The NCT03119519 protocol shipped in the jar, loaded once and shared (it is immutable). Throws
   * {@link IllegalStateException} if the jar lacks it.
   */
  public static Protocol bundled() {
    return Bundled.PROTOCOL;
  }

  private static final class Bundled {
    static final Protocol PROTOCOL = loadBundled();
  }

  private static Protocol loadBundled() {
    InputStream in = ProtocolLoader.class.getResourceAsStream(BUNDLED_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("bundled protocol missing from the classpath: " + BUNDLED_RESOURCE);
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return orThrow(check(r, "nct03119519.yaml (bundled)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a protocol from YAML text; {@code sourceName} is used in messages. Throws {@link ProtocolException}. */
  public static Protocol parse(String yaml, String sourceName) {
    return orThrow(check(new StringReader(yaml), sourceName));
  }

  /**
   * Checks a protocol file without throwing for problems in it: structural errors and plausibility warnings.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ProtocolCheck check(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return check(r, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks protocol YAML from a reader (not closed); {@code sourceName} is used in messages. */
  public static ProtocolCheck check(Reader yaml, String sourceName) {
    Problems problems = new Problems(sourceName);
    YamlNode root;
    try {
      root = YamlNode.parse(yaml);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String msg = e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage();
      // a file that could not be read (not UTF-8, a directory) is said as such, not as a parser's exception name
      IOException io = readFailure(e);
      String problem = io instanceof CharacterCodingException ? "not UTF-8 text; save the protocol as UTF-8"
          : io != null ? "cannot be read: " + io.getMessage()
          : "malformed YAML: " + msg.lines().findFirst().orElse("");
      problems.errors.add(new ProtocolException.Problem(sourceName, at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(), "", problem));
      return new ProtocolCheck(null, List.copyOf(problems.errors), List.of());
    }
    Protocol protocol = new ProtocolReader(problems).read(root, sourceName);
    boolean ok = problems.errors.isEmpty();
    return new ProtocolCheck(ok ? protocol : null, List.copyOf(problems.errors), List.copyOf(problems.warnings));
  }

  /** The I/O failure under a parser exception (the YAML parser wraps it once or twice), or null. */
  private static IOException readFailure(Throwable e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static Protocol orThrow(ProtocolCheck check) {
    if (!check.valid()) {
      throw new ProtocolException(check.errors());
    }
    return check.protocol();
  }
}
