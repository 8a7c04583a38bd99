package org.oligotrial.server.web.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.user.ApiTokenService;
import org.oligotrial.server.user.ApiTokenService.TokenInfo;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's personal API tokens (for scripts and integrations that use the REST API): the list with each
 * token's state, creating one (its secret shown once, on the page the creation redirects to, and never again: only
 * its hash is stored), and revoking one. The service audits creation and revocation.
 */
@Controller
class TokensController {
  /** Validity offered by default, in days (as the REST API's default). */
  static final int DEFAULT_DAYS = 90;

  private final ApiTokenService tokens;
  private final WebAccess access;
  private final Clock clock;

  TokensController(ApiTokenService tokens, WebAccess access, Clock clock) {
    this.tokens = tokens;
    this.access = access;
    this.clock = clock;
  }

  /** One row of the list: the token and its state (active, expired or revoked). */
  record Row(TokenInfo token, String state) {}

  @GetMapping("/account/tokens")
  String list(Model m) {
    if (!m.containsAttribute("validDays")) {
      m.addAttribute("validDays", Integer.toString(DEFAULT_DAYS));
    }
    Instant now = clock.instant();
    List<Row> rows = tokens.list(access.actor()).stream()
        .map(t -> new Row(t, t.revoked() ? "revoked" : t.expiresAt().isAfter(now) ? "active" : "expired"))
        .toList();
    m.addAttribute("rows", rows);
    return "account/tokens";
  }

  @PostMapping("/account/tokens")
  String create(@RequestParam(required = false) String label, @RequestParam(required = false) String validDays,
      Model m, RedirectAttributes next) {
    try {
      int days = days(validDays);
      var t = tokens.create(access.actor(), label, Duration.ofDays(days));
      // the secret travels once, in the session's flash map, to the page the browser is redirected to
      next.addFlashAttribute("created", t);
      next.addFlashAttribute("createdLabel", label);
      return "redirect:/account/tokens";
    } catch (InvalidFieldException e) {
      m.addAttribute("errorField", e.field());
      m.addAttribute("error", e.getMessage());
      m.addAttribute("label", label);
      m.addAttribute("validDays", validDays);
      return list(m);
    }
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revoke(@PathVariable String id, RedirectAttributes next) {
    // another user's token is refused (and audited) by the service; an unknown one is a 404 page
    tokens.revoke(access.actor(), id, null);
    next.addFlashAttribute("revoked", id);
    return "redirect:/account/tokens";
  }

  /** The validity typed, in days (the service checks its range). */
  private static int days(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_DAYS;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("validDays", "must be a whole number of days, 1 to "
          + ApiTokenService.MAX_VALIDITY.toDays());
    }
  }
}
