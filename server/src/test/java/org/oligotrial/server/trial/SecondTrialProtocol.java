package org.oligotrial.server.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Protocol texts for tests of several trials: a second trial made from the bundled protocol under another registry
 * id (a real second protocol, {@code protocols/nct01446744.yaml}, replaces it once the repository has it), and
 * amendments of the bundled protocol.
 */
public final class SecondTrialProtocol {
  /** The second trial's id: not a registered trial (NCT0999990x is unused), only for tests. */
  public static final String ID = "NCT09999902";

  private SecondTrialProtocol() {}

  /** The bundled protocol's text as in the repository. */
  public static String bundled() {
    try {
      return Files.readString(Path.of("..", "protocols", "nct03119519.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The second trial's protocol: the bundled one with id {@link #ID} and its own title. */
  public static String yaml() {
    String s = bundled().replaceFirst("(?m)^id: NCT03119519$", "id: " + ID)
        .replaceFirst("(?m)^title: .*$", "title: A second trial held by the same server (test protocol)");
    if (!s.contains("id: " + ID)) {
      throw new IllegalStateException("the bundled protocol has no top-level 'id: NCT03119519' line");
    }
    return s;
  }

  /** The bundled protocol amended: inclusion I1's upper age limit {@code max: 70} lowered to {@code newMax}. */
  public static String withMaximumAge(int newMax) {
    String s = bundled().replace("rule: {age: {min: 18, max: 70}}", "rule: {age: {min: 18, max: " + newMax + "}}");
    if (s.equals(bundled())) {
      throw new IllegalStateException("the bundled protocol's I1 rule is no longer {age: {min: 18, max: 70}}");
    }
    return s;
  }
}
