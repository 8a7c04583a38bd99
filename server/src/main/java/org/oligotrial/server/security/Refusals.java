package org.oligotrial.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused by the security filters before any page runs, answered as the application's own pages (HTML for
 * people, an RFC 9457 problem document for API callers), never as a stack trace or a server error:
 *
 * <ul>
 *   <li>{@link #webAccessDenied()}: a form post without its CSRF token (a stale page, a post from another site) is a
 *       403 page saying so ({@code /denied}, {@code templates/error/403.html}); a caller that asks for JSON gets a 403
 *       problem document;
 *   <li>{@link #firewallRejection()}: an address the firewall refuses (an encoded slash {@code %2f}, a {@code ..}
 *       segment, a double slash, a semicolon) is a 400, with the same two forms.
 * </ul>
 */
public final class Refusals {
  /** The page that shows a web refusal (forwarded to, status kept). */
  public static final String DENIED_PAGE = "/denied";

  private Refusals() {}

  /** The web application's handler for refusals after sign-in checks (in practice CSRF). */
  static AccessDeniedHandler webAccessDenied() {
    AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
    page.setErrorPage(DENIED_PAGE);
    return (req, res, e) -> {
      if (wantsJson(req)) {
        Problems.write(res, 403, "Forbidden", e instanceof CsrfException
            ? "the request has no valid CSRF token: reload the page and send it again" : "not allowed");
        return;
      }
      page.handle(req, res, e);
    };
  }

  /** A request the firewall refuses: 400, as a page or a problem document. */
  static RequestRejectedHandler firewallRejection() {
    return (HttpServletRequest req, HttpServletResponse res, RequestRejectedException e) -> {
      if (wantsJson(req) || req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
        Problems.write(res, 400, "Bad Request", "the address holds characters this server does not take"
            + " (an encoded slash or backslash, a dot segment, a double slash or a semicolon)");
        return;
      }
      res.setStatus(400);
      res.setContentType(MediaType.TEXT_HTML_VALUE);
      res.setCharacterEncoding(StandardCharsets.UTF_8.name());
      String css = req.getContextPath() + "/css/app.css";
      String home = req.getContextPath() + "/";
      res.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not possible -"
          + " OligoTrial</title><link rel=\"stylesheet\" href=\"" + css + "\"></head><body><main id=\"main\""
          + " class=\"card narrow\"><h1>Not possible</h1><p>This address holds characters the server does not take"
          + " (an encoded slash or backslash, a dot segment, a double slash or a semicolon).</p><p><a href=\""
          + home + "\">Return to the start page</a></p></main></body></html>\n");
    };
  }

  /** Whether the caller asked for JSON and not for a page. */
  static boolean wantsJson(HttpServletRequest req) {
    String accept = req.getHeader("Accept");
    return accept != null && accept.contains("json") && !accept.contains("text/html");
  }

  /** For tests and pages: whether the refusal was a missing or invalid CSRF token. */
  public static boolean isCsrf(Object exception) {
    return exception instanceof CsrfException;
  }
}
