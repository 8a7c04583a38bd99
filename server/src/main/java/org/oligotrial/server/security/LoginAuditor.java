package org.oligotrial.server.security;

import org.oligotrial.server.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Audits every password login: a success clears the failure count, a failure is counted toward the lockout (see
 * {@link UserService#loginFailed}). Token-authenticated requests are not logins (token creation is audited).
 */
@Component
class LoginAuditor {
  private final UserService users;

  LoginAuditor(UserService users) {
    this.users = users;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent e) {
    users.loginSucceeded(e.getAuthentication().getName(), "password login");
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent e) {
    String why = e.getException() instanceof LockedException ? "account locked" : "bad credentials";
    users.loginFailed(e.getAuthentication().getName(), why);
  }
}
