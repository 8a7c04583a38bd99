package org.oligotrial.recist;

import java.util.Objects;

/**
 * A non-target lesion recorded at baseline (followed qualitatively, not measured).
 *
 * @param id unique lesion id within the participant (target ids included)
 * @param organ the organ it lies in
 */
public record NonTargetLesion(String id, String organ) {
  /** @throws NullPointerException if id or organ is null */
  public NonTargetLesion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organ, "organ");
  }
}
