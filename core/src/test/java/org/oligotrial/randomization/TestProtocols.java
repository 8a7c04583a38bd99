package org.oligotrial.randomization;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolCheck;
import org.oligotrial.protocol.ProtocolLoader;

/** The test-only protocols of src/test/resources/org/oligotrial/randomization. */
public final class TestProtocols {
  private TestProtocols() {}

  /** SABR-COMET's randomization: SOC and SOC+SABR at 1:2, one factor {@code metastases} (1-3, 4-5). */
  public static Protocol sabrCometLike() {
    return load("sabr-comet-like.yaml");
  }

  /** Three arms at 2:1:1, two factors of three levels, minimization. */
  public static Protocol threeArms() {
    return load("three-arms.yaml");
  }

  /** The check of a test protocol (errors and warnings). */
  public static ProtocolCheck check(String name) {
    try (Reader r = new InputStreamReader(Objects.requireNonNull(
        TestProtocols.class.getResourceAsStream("/org/oligotrial/randomization/" + name), name),
        StandardCharsets.UTF_8)) {
      return ProtocolLoader.check(r, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Protocol load(String name) {
    ProtocolCheck c = check(name);
    if (!c.valid()) {
      throw new IllegalStateException(name + ": " + c.errors());
    }
    return c.protocol();
  }
}
