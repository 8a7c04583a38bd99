package org.oligotrial.server.user;

import java.time.Instant;
import java.util.Set;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;

/**
 * A stored user, as the security layer needs it. The password hash stays inside the server.
 *
 * @param username unique login name
 * @param passwordHash the encoded password ({@code {bcrypt}...})
 * @param role the role
 * @param sites site codes the user belongs to
 * @param enabled false when disabled
 * @param throttledUntil before this instant no password of this account is checked (sign-in back-off, see
 *     {@link LoginThrottle}), or null
 * @param fullName the printed name shown with the user's electronic signatures, or null (the username is shown)
 */
public record UserAccount(
    String username, String passwordHash, Role role, Set<String> sites, boolean enabled, Instant throttledUntil,
    String fullName) {

  /** The actor this user acts as. */
  public Actor actor() {
    return new Actor(username, role, sites);
  }

  /** The same account with these sites. */
  public UserAccount withSites(Set<String> siteCodes) {
    return new UserAccount(username, passwordHash, role, Set.copyOf(siteCodes), enabled, throttledUntil, fullName);
  }

  /** The same account with this role and these sites (as held on one trial). */
  public UserAccount withRoleAndSites(Role r, Set<String> siteCodes) {
    return new UserAccount(username, passwordHash, r, Set.copyOf(siteCodes), enabled, throttledUntil, fullName);
  }

  /** Whether sign-in is held back at {@code now} (a password typed now would not be checked). */
  public boolean throttledAt(Instant now) {
    return throttledUntil != null && throttledUntil.isAfter(now);
  }

  /** The name printed with the user's signatures: the full name, or the username when none was given. */
  public String printedName() {
    return fullName == null || fullName.isBlank() ? username : fullName;
  }
}
