package org.oligotrial.endpoints;

import java.util.Objects;
import org.oligotrial.recist.LesionScope;

/**
 * The definition of one progression endpoint, read from the protocol file's {@code endpoints} section.
 *
 * @param id the protocol's endpoint id, e.g. {@code pfs}
 * @param scope whose progression is the event (RECIST 1.1 applied to the lesions of the scope, and the progression
 *     forms of the matching site)
 * @param deathIsEvent true when a death without progression within the window is an event (PFS, thoracic PFS);
 *     false when death is a competing event, censored at the last adequate assessment (local control,
 *     oligometastatic-foci control)
 */
public record ProgressionEndpoint(String id, LesionScope scope, boolean deathIsEvent) {
  /** @throws NullPointerException if id or scope is null */
  public ProgressionEndpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scope, "scope");
  }
}
