package org.oligotrial.server.web.account;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.register.Register;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's password change: the current password is checked first (a wrong one is audited and counted
 * toward the account's sign-in back-off, as a wrong sign-in; while the back-off holds no password is checked), the
 * new one follows {@link org.oligotrial.server.user.PasswordRules}. A change revokes every API token of the user
 * ({@link org.oligotrial.server.user.UserService#changePassword}) and ends every web session of the user on this
 * server; the controller ends the current one. Thread-safe.
 */
@Component
public class Passwords {
  private final Register register;
  private final SessionRegistry sessions;

  Passwords(Register register, SessionRegistry sessions) {
    this.register = register;
    this.sessions = sessions;
  }

  /**
   * Changes the password, revokes the user's tokens and ends the user's sessions.
   *
   * @return how many other sessions were ended
   * @throws InvalidFieldException naming {@code current}, {@code next} or {@code repeat}
   */
  public int change(String username, String current, String next, String repeat) {
    Optional<java.time.Instant> held = register.throttle().heldUntil(username, null);
    if (held.isPresent()) {
      throw new InvalidFieldException("current", "too many wrong passwords; try again after "
          + held.get().truncatedTo(ChronoUnit.SECONDS));
    }
    try {
      register.users().changePassword(username, current, next, repeat);
    } catch (InvalidFieldException e) {
      if (e.field().equals("current")) {
        register.throttle().signatureFailed(username);
      }
      throw e;
    }
    int ended = 0;
    for (Object principal : sessions.getAllPrincipals()) {
      if (principalName(principal).equals(username)) {
        for (SessionInformation s : sessions.getAllSessions(principal, false)) {
          s.expireNow();
          ended++;
        }
      }
    }
    return ended;
  }

  private static String principalName(Object p) {
    if (p instanceof org.springframework.security.core.userdetails.UserDetails u) {
      return u.getUsername();
    }
    return String.valueOf(p);
  }
}
