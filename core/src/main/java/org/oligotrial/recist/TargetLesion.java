package org.oligotrial.recist;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A target lesion chosen at baseline.
 *
 * @param id unique lesion id within the participant (non-target ids included)
 * @param organ the organ it lies in (at most two targets per organ)
 * @param node true for a lymph node, whose measure is the short axis
 * @param mm baseline longest diameter (non-nodal) or short axis (nodal), millimetres
 */
public record TargetLesion(String id, String organ, boolean node, BigDecimal mm) {
  /** @throws NullPointerException if id, organ or mm is null */
  public TargetLesion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organ, "organ");
    Objects.requireNonNull(mm, "mm");
  }
}
