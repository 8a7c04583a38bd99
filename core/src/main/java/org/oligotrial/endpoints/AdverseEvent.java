package org.oligotrial.endpoints;

import java.util.Objects;

/**
 * An adverse event graded by CTCAE.
 *
 * @param term the CTCAE term, e.g. "Pneumonitis" (grouped ignoring case and surrounding spaces)
 * @param grade CTCAE grade 1 (mild) to 5 (death related to the event)
 */
public record AdverseEvent(String term, int grade) {
  /** @throws NullPointerException if term is null */
  public AdverseEvent {
    Objects.requireNonNull(term, "term");
  }
}
