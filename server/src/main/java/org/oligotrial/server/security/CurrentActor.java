package org.oligotrial.server.security;

import java.util.Optional;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.trial.PerRequest;
import org.oligotrial.server.trial.TrialRegistry;
import org.oligotrial.server.user.UserAccount;
import org.oligotrial.server.user.UserService;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The authenticated user of the current request as an {@link Actor} on a trial (role and sites read fresh from the
 * database, once per request: {@link PerRequest}): {@link #on(String)} for a trial's pages and API, {@link #get()}
 * for the default trial's (the single-trial paths). An administrator is one on every trial; anyone else is who they are on that trial
 * ({@link UserService#actorOn}), and refused (403) on a trial where they hold no role.
 */
@Component
public class CurrentActor {
  private static final String ACTOR = CurrentActor.class.getName() + ".actor:";
  private static final String ACCOUNT = CurrentActor.class.getName() + ".account:";
  private static final String DEFAULT_TRIAL = CurrentActor.class.getName() + ".defaultTrial";
  private final UserService users;
  private final TrialRegistry trials;

  CurrentActor(UserService users, TrialRegistry trials) {
    this.users = users;
    this.trials = trials;
  }

  /**
   * The actor on the trial.
   *
   * @throws InsufficientAuthenticationException when nobody is logged in or the user no longer exists
   * @throws SiteAccessDeniedException (403) when the user holds no role on the trial
   */
  public Actor on(String trialId) {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated()) {
      throw new InsufficientAuthenticationException("not logged in");
    }
    if (a.getPrincipal() instanceof Actor actor && actor.role() == Role.ADMINISTRATOR) {
      return actor; // token login of an administrator: server-wide
    }
    // a token login's principal is the actor the token's query read; a form login's is the username
    String username = a.getPrincipal() instanceof Actor actor ? actor.username() : a.getName();
    // read once per request and trial (the page's handler, its header and its checks all ask)
    Optional<Actor> on = PerRequest.get(ACTOR + username + "@" + trialId, () -> users.actorOn(username, trialId));
    if (on.isPresent()) {
      return on.get();
    }
    if (!users.isActive(username)) {
      throw new InsufficientAuthenticationException("unknown user");
    }
    throw new SiteAccessDeniedException("you hold no role on trial " + trialId);
  }

  /**
   * The user's account as {@link UserService#find} reads it (four statements), once per request: the second-factor
   * filter and the page header both ask.
   */
  public static Optional<UserAccount> account(UserService users, String username) {
    return PerRequest.get(ACCOUNT + username, () -> users.find(username));
  }

  /** As {@link #account(UserService, String)}, from a filter that has the request. */
  static Optional<UserAccount> account(jakarta.servlet.http.HttpServletRequest request, UserService users,
      String username) {
    return PerRequest.get(request, ACCOUNT + username, () -> users.find(username));
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
   * The actor on the trial the request addresses: the one its path names ({@code /trials/{id}/...}), else the default
   * trial (the single-trial paths).
   *
   * @throws InsufficientAuthenticationException when nobody is logged in or the user no longer exists
   */
  public Actor get() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated()) {
      throw new InsufficientAuthenticationException("not logged in");
    }
    return on(org.oligotrial.server.trial.RequestedTrial.id()
        .orElseGet(() -> PerRequest.get(DEFAULT_TRIAL, trials::defaultId)));
  }
}
