package org.oligotrial.protocol;

/**
 * A trial endpoint.
 *
 * @param id the endpoint id, e.g. {@code pfs}
 * @param kind {@code primary} or {@code secondary}
 * @param name the endpoint in words
 * @param definition how it is measured (event, origin, censoring)
 * @param event for a time-to-event endpoint, how its event is derived; null for other endpoints
 * @param column the prefix of its dataset columns, e.g. {@code pfs} for {@code pfs_time}; {@code [a-z][a-z0-9_]*},
 *     unique in the protocol; null when not stated (see {@link #columnPrefix()})
 */
public record Endpoint(String id, String kind, String name, String definition, EventDefinition event,
    String column) {

  /** An endpoint without a derivation rule. */
  public Endpoint(String id, String kind, String name, String definition) {
    this(id, kind, name, definition, null, null);
  }

  /** An endpoint whose dataset column prefix is derived from its id ({@link #columnPrefix()}). */
  public Endpoint(String id, String kind, String name, String definition, EventDefinition event) {
    this(id, kind, name, definition, event, null);
  }

  /** Whether this is a time-to-event endpoint (it has an {@code event} block). */
  public boolean timeToEvent() {
    return event != null;
  }

  /** Whether this is the trial's primary endpoint ({@code kind: primary}). */
  public boolean primary() {
    return "primary".equals(kind);
  }

  /**
   * The prefix of this endpoint's dataset columns ({@code <prefix>_time}, {@code <prefix>_event}, ...): the protocol's
   * {@code column}; when a (older) file leaves it out, the id with {@code -} replaced by {@code _} (a warning of
   * {@code protocol check}).
   */
  public String columnPrefix() {
    return column != null ? column : id.replace('-', '_');
  }

  /**
   * How the event of a progression endpoint is derived (the protocol file's {@code event} block).
   *
   * @param progression whose progression is the event: {@code any} (RECIST 1.1 progression), {@code thoracic},
   *     {@code primary-tumour} or {@code oligometastatic-foci} ({@link org.oligotrial.recist.LesionScope} codes);
   *     null for overall survival ({@code event: {death: event}}: death from any cause, censored at last contact)
   * @param deathIsEvent true ({@code death: event}) when a death without progression is an event if it falls within
   *     {@code deathWindowDays} of the last adequate assessment; false ({@code death: censored}) when death is a
   *     competing event, censored at the last adequate assessment
   * @param deathWindowDays the window in days for {@code death: event}; null for {@code death: censored}
   */
  public record EventDefinition(String progression, boolean deathIsEvent, Integer deathWindowDays) {

    /** Whether the event is death alone (overall survival). */
    public boolean deathOnly() {
      return progression == null;
    }
  }
}
