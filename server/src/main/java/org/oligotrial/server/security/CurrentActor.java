package org.oligotrial.server.security;

import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.user.UserService;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The authenticated user of the current request as an {@link Actor} (role and sites read fresh from the database). */
@Component
public class CurrentActor {
  private final UserService users;

  CurrentActor(UserService users) {
    this.users = users;
  }

  /**
   * The expiry of the API token that authenticated this request, or null when the request was not authenticated by
   * a token (a token may not mint a token that outlives it).
   */
  public java.time.Instant tokenExpiry() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a != null && a.getDetails() instanceof BearerTokenFilter.TokenExpiry t ? t.expiresAt() : null;
  }

  /**
   * The actor.
   *
   * @throws InsufficientAuthenticationException when nobody is logged in or the user no longer exists
   */
  public Actor get() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated()) {
      throw new InsufficientAuthenticationException("not logged in");
    }
    if (a.getPrincipal() instanceof Actor actor) {
      return actor; // token login: read from the database by this request's authentication
    }
    return users.find(a.getName())
        .filter(u -> u.enabled())
        .orElseThrow(() -> new InsufficientAuthenticationException("unknown user"))
        .actor();
  }
}
