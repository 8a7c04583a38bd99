package org.oligotrial.protocol;

/**
 * A trial endpoint.
 *
 * @param id the endpoint id, e.g. {@code pfs}
 * @param kind {@code primary} or {@code secondary}
 * @param name the endpoint in words
 * @param definition how it is measured (event, origin, censoring)
 * @param event for a progression endpoint derived from the tumour assessments, how its event is derived; null for
 *     other endpoints
 */
public record Endpoint(String id, String kind, String name, String definition, EventDefinition event) {

  /** An endpoint without a derivation rule. */
  public Endpoint(String id, String kind, String name, String definition) {
    this(id, kind, name, definition, null);
  }

  /**
   * How the event of a progression endpoint is derived (the protocol file's {@code event} block).
   *
   * @param progression whose progression is the event: {@code any} (RECIST 1.1 progression), {@code thoracic},
   *     {@code primary-tumour} or {@code oligometastatic-foci} ({@link org.oligotrial.recist.LesionScope} codes)
   * @param deathIsEvent true ({@code death: event}) when a death without progression is an event if it falls within
   *     {@code deathWindowDays} of the last adequate assessment; false ({@code death: censored}) when death is a
   *     competing event, censored at the last adequate assessment
   * @param deathWindowDays the window in days for {@code death: event}; null for {@code death: censored}
   */
  public record EventDefinition(String progression, boolean deathIsEvent, Integer deathWindowDays) {}
}
