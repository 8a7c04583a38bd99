package org.oligotrial.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the sign-in form sends besides username and password: the client address (as every web sign-in) and the
 * second factor's code, if typed.
 */
final class SignInDetails extends WebAuthenticationDetails {
  private final String code;

  SignInDetails(HttpServletRequest req) {
    super(req);
    String c = req.getParameter("code");
    this.code = c == null || c.isBlank() ? null : c.strip();
  }

  /** The TOTP code typed, or null. */
  String code() {
    return code;
  }
}
