package org.oligotrial.server.site;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A trial site.
 *
 * @param code short unique code, e.g. {@code GZ01}
 * @param name display name
 * @param createdAt when it was added (UTC)
 * @param timeZone the IANA time zone of the site's local wall-clock times (e.g. {@code Asia/Shanghai}); {@code UTC}
 *     for a site added without one and for the sites added before zones were recorded (V96)
 */
public record Site(String code, String name, Instant createdAt, ZoneId timeZone) {}
