package org.oligotrial.server.user;

import java.time.Instant;
import java.util.Set;

/**
 * A stored user, as the security layer needs it. The password hash stays inside the server.
 *
 * @param username unique login name
 * @param passwordHash the encoded password ({@code {bcrypt}...})
 * @param role the role
 * @param sites site codes the user belongs to
 * @param enabled false when disabled
 * @param lockedUntil when the lockout ends, or null
 */
public record UserAccount(
    String username, String passwordHash, Role role, Set<String> sites, boolean enabled, Instant lockedUntil) {

  /** The actor this user acts as. */
  public Actor actor() {
    return new Actor(username, role, sites);
  }

  /** The same account with these sites. */
  public UserAccount withSites(Set<String> siteCodes) {
    return new UserAccount(username, passwordHash, role, Set.copyOf(siteCodes), enabled, lockedUntil);
  }

  /** Whether the account is locked at {@code now}. */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
