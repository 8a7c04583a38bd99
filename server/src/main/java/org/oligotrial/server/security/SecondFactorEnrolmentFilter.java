package org.oligotrial.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.oligotrial.server.user.SecondFactor;
import org.oligotrial.server.user.UserService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Web pages for a signed-in user whose role requires a second factor ({@link SecondFactorPolicy}) that the user has
 * not set up: every page but the set-up page, sign-out and static files redirects to the set-up page, so the first
 * sign-in with the password alone can do nothing else.
 */
final class SecondFactorEnrolmentFilter extends OncePerRequestFilter {
  /** The set-up page. */
  static final String SETUP = "/account/second-factor";

  private final SecondFactorPolicy policy;
  private final UserService users;
  private final SecondFactor secondFactor;

  SecondFactorEnrolmentFilter(SecondFactorPolicy policy, UserService users, SecondFactor secondFactor) {
    this.policy = policy;
    this.users = users;
    this.secondFactor = secondFactor;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    if (!policy.any()) {
      chain.doFilter(req, res);
      return;
    }
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    String path = req.getRequestURI().substring(req.getContextPath().length());
    boolean open = path.startsWith(SETUP) || path.equals("/logout") || path.equals("/login") || path.equals("/error")
        || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    if (a != null && a.isAuthenticated() && !open && mustEnrol(req, a.getName())) {
      res.sendRedirect(req.getContextPath() + SETUP);
      return;
    }
    chain.doFilter(req, res);
  }

  private boolean mustEnrol(HttpServletRequest req, String username) {
    return CurrentActor.account(req, users, username).map(u -> policy.required(u.role()) && !secondFactor.enrolled(username))
        .orElse(false);
  }
}
