package org.oligotrial.server.web.account;

import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.register.InvalidFieldException;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.user.UserAccount;
import org.oligotrial.server.user.UserService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The user's password: changing it (the current password is checked first; the new one follows the register's rule of
 * at least {@link UserService#MIN_PASSWORD} characters) and re-checking it as an electronic signature. Changes and
 * failed signatures are audited; the password itself never is. Thread-safe.
 */
@Component
public class Passwords {
  private final Register register;
  private final PasswordEncoder encoder;

  Passwords(Register register, PasswordEncoder encoder) {
    this.register = register;
    this.encoder = encoder;
  }

  /**
   * Re-checks the signed-in user's password for an electronic signature of {@code what}; a wrong password is audited.
   *
   * @throws InvalidFieldException (field {@code password}) when it does not match
   */
  public void sign(String username, String password, String entityType, String entityId, String what) {
    UserAccount u = register.users().find(username).orElseThrow();
    if (password == null || !register.users().passwordMatches(u, password)) {
      register.audit().recordNow(new AuditEntry(username, AuditAction.ACCESS_DENIED, entityType, entityId, null, null,
          null, "electronic signature failed: wrong password for " + what, null));
      throw new InvalidFieldException("password", "the password is not correct");
    }
  }

  /**
   * Changes the password.
   *
   * @throws InvalidFieldException naming {@code current}, {@code next} or {@code repeat}
   */
  public void change(String username, String current, String next, String repeat) {
    UserAccount u = register.users().find(username).orElseThrow();
    if (current == null || !register.users().passwordMatches(u, current)) {
      register.audit().recordNow(new AuditEntry(username, AuditAction.ACCESS_DENIED, "user", username, "password",
          null, null, "password change refused: wrong current password", null));
      throw new InvalidFieldException("current", "the current password is not correct");
    }
    if (next == null || next.length() < UserService.MIN_PASSWORD) {
      throw new InvalidFieldException("next", "needs at least " + UserService.MIN_PASSWORD + " characters");
    }
    if (next.length() > 200) {
      throw new InvalidFieldException("next", "is longer than 200 characters");
    }
    if (!next.equals(repeat)) {
      throw new InvalidFieldException("repeat", "does not match the new password");
    }
    if (next.equals(current)) {
      throw new InvalidFieldException("next", "is the same as the current password");
    }
    String hash = encoder.encode(next);
    register.tx().executeWithoutResult(s -> {
      register.jdbc().sql("UPDATE user_account SET password_hash = :h WHERE username = :u")
          .param("h", hash).param("u", username).update();
      register.audit().record(new AuditEntry(username, AuditAction.UPDATE, "user", username, "password", null,
          null, "password changed by the user", null));
    });
  }
}
