package org.oligotrial.server.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password, because the account's or the address's back-off holds. */
final class SignInHeldBackException extends AuthenticationException {
  private final Instant until;

  SignInHeldBackException(Instant until) {
    super("too many failed sign-ins; try again after " + until.truncatedTo(ChronoUnit.SECONDS));
    this.until = until;
  }

  /** When a password will be checked again. */
  Instant until() {
    return until;
  }
}
