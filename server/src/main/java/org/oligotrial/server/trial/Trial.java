package org.oligotrial.server.trial;

import java.time.Instant;
import java.util.Objects;
import org.oligotrial.protocol.Protocol;

/**
 * A trial held by the server, with its current protocol.
 *
 * @param id the protocol's registry id (e.g. {@code NCT03119519}); keys every record of the trial
 * @param title the protocol's title when the trial was added
 * @param isDefault whether this is the default trial (the one the single-trial paths and commands address)
 * @param createdAt when it was added
 * @param current the current protocol version: the latest whose effective date is not after today
 * @param protocol the current version's protocol, parsed
 */
public record Trial(String id, String title, boolean isDefault, Instant createdAt, ProtocolVersion current,
    Protocol protocol) {
  public Trial {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(protocol, "protocol");
  }
}
