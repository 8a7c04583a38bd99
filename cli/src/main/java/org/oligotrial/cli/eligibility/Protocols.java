package org.oligotrial.cli.eligibility;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.oligotrial.input.UserInputException;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolException;
import org.oligotrial.protocol.ProtocolLoader;

/** Loads the protocol named by {@code --protocol}, or the bundled one, turning problems into user errors. */
public final class Protocols {
  private Protocols() {}

  public static Protocol load(Path file) {
    if (file == null) {
      return ProtocolLoader.bundled();
    }
    try {
      return ProtocolLoader.load(file);
    } catch (ProtocolException e) {
      throw new UserInputException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UserInputException(e.getCause() instanceof NoSuchFileException ? "no such file: " + file
          : "cannot read " + file + ": " + e.getCause().getMessage(), e);
    }
  }
}
