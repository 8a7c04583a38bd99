package org.oligotrial.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.oligotrial.server.user.ApiTokenService;
import org.oligotrial.server.user.UserAccount;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer olt_...} with a personal API token. An unknown, expired or revoked token
 * is answered 401 at once; requests without a bearer token pass on to HTTP Basic.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
  /**
   * The expiry of the token that authenticated the request, kept as the authentication's details.
   *
   * @param expiresAt when that token stops working
   */
  record TokenExpiry(java.time.Instant expiresAt) {}

  private final ApiTokenService tokens;

  BearerTokenFilter(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    String h = req.getHeader("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(req, res);
      return;
    }
    Optional<ApiTokenService.TokenUser> found = tokens.check(h.substring(7).trim());
    if (found.isEmpty()) {
      Problems.write(res, 401, "Unauthorized", "the API token is unknown, expired or revoked");
      return;
    }
    UserAccount u = found.get().user();
    // the principal is the actor itself, so that CurrentActor need not read the user again
    var auth = UsernamePasswordAuthenticationToken.authenticated(u.actor(), null,
        List.of(new SimpleGrantedAuthority("ROLE_" + u.role().name())));
    auth.setDetails(new TokenExpiry(found.get().expiresAt()));
    SecurityContext ctx = SecurityContextHolder.createEmptyContext();
    ctx.setAuthentication(auth);
    SecurityContextHolder.setContext(ctx);
    try {
      chain.doFilter(req, res);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
