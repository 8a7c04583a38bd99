package org.oligotrial.server.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Protocol texts and screening records for tests of several trials: the repository's two trials (NCT03119519, the
 * default; NCT01446744, SABR-COMET) and amendments of the first.
 */
public final class TestProtocols {
  /** The second trial's id: SABR-COMET. */
  public static final String SECOND = "NCT01446744";

  private TestProtocols() {}

  /** The default trial's protocol text as in the repository. */
  public static String bundled() {
    return read(Path.of("..", "protocols", "nct03119519.yaml"));
  }

  /** The second trial's protocol file. */
  public static Path secondFile() {
    return Path.of("..", "protocols", "nct01446744.yaml");
  }

  /** The second trial's protocol text. */
  public static String second() {
    return read(secondFile());
  }

  /** An eligible screening record of the second trial (its example, screened 2026-03-02). */
  public static String secondEligible() {
    return read(Path.of("..", "examples", "screening", "nct01446744", "eligible.json"));
  }

  /** An eligible screening record of the default trial (its example, screened 2025-03-10). */
  public static String firstEligible() {
    return read(Path.of("..", "examples", "screening", "eligible.json"));
  }

  /**
   * The default trial's protocol under another registry id (and title): a third trial with the first one's record,
   * arms and factors, for what the server does only for that protocol so far (randomization's screening facts).
   */
  public static String firstUnder(String id) {
    String s = bundled().replaceFirst("(?m)^id: NCT03119519$", "id: " + id)
        .replaceFirst("(?m)^title: .*$", "title: A copy of NCT03119519 held as another trial (test protocol)");
    if (!s.contains("id: " + id)) {
      throw new IllegalStateException("the bundled protocol has no top-level 'id: NCT03119519' line");
    }
    return s;
  }

  /** The default trial's protocol amended: inclusion I1's upper age limit {@code max: 70} lowered to {@code newMax}. */
  public static String withMaximumAge(int newMax) {
    String s = bundled().replace("rule: {age: {min: 18, max: 70}}", "rule: {age: {min: 18, max: " + newMax + "}}");
    if (s.equals(bundled())) {
      throw new IllegalStateException("the bundled protocol's I1 rule is no longer {age: {min: 18, max: 70}}");
    }
    return s;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
