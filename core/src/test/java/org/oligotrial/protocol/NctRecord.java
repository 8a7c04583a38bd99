package org.oligotrial.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code record:} section of protocols/nct03119519.yaml as YAML text, for small test protocols that screen
 * NCT03119519-shaped records (appended to their text, it declares the fields their rules name).
 */
public final class NctRecord {
  private NctRecord() {}

  /** The section, from its {@code record:} line to the next top-level key, ending in a newline. */
  public static final String YAML = read();

  private static String read() {
    try {
      String all = Files.readString(Path.of("..", "protocols", "nct03119519.yaml"));
      int from = all.indexOf("\nrecord:\n") + 1;
      int to = all.indexOf("\nnotes:\n", from) + 1;
      return all.substring(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
