package org.oligotrial.server.web.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Password change; after a change every session of the user ends (this one by signing out) and every API token is
 * revoked; the user signs in with the new password.
 */
@Controller("webAccountController")
class AccountController {
  private final Passwords passwords;
  private final WebAccess access;

  AccountController(Passwords passwords, WebAccess access) {
    this.passwords = passwords;
    this.access = access;
  }

  @GetMapping("/account/password")
  String form() {
    return "account/password";
  }

  @PostMapping("/account/password")
  String change(@RequestParam(required = false) String current, @RequestParam(required = false) String next,
      @RequestParam(required = false) String repeat, HttpServletRequest req, Model m) throws ServletException {
    try {
      passwords.change(access.actor().username(), current, next, repeat);
    } catch (InvalidFieldException e) {
      m.addAttribute("errorField", e.field());
      m.addAttribute("error", e.getMessage());
      return "account/password";
    }
    req.logout();
    req.getSession(true);
    return "redirect:/login?passwordChanged";
  }
}
