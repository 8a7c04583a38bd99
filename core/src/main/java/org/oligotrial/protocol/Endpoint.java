package org.oligotrial.protocol;

/**
 * A trial endpoint.
 *
 * @param id the endpoint id, e.g. {@code pfs}
 * @param kind {@code primary} or {@code secondary}
 * @param name the endpoint in words
 * @param definition how it is measured (event, origin, censoring)
 */
public record Endpoint(String id, String kind, String name, String definition) {}
