package org.oligotrial.server.site;

import java.time.Instant;

/**
 * A trial site.
 *
 * @param code short unique code, e.g. {@code GZ01}
 * @param name display name
 * @param createdAt when it was added (UTC)
 */
public record Site(String code, String name, Instant createdAt) {}
