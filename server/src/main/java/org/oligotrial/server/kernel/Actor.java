package org.oligotrial.server.kernel;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting: the username written to the audit trail, the role and the sites the user belongs to.
 *
 * @param username never null
 * @param role never null
 * @param sites site codes; empty for roles not bound to sites
 */
public record Actor(String username, Role role, Set<String> sites) {
  public Actor {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    sites = Set.copyOf(sites);
  }

  /** An operator at the shell ({@code oligotrial users add ...}): an administrator named {@code cli:<os user>}. */
  public static Actor operator() {
    return new Actor("cli:" + System.getProperty("user.name", "unknown"), Role.ADMINISTRATOR, Set.of());
  }
}
