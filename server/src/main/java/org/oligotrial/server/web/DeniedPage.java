package org.oligotrial.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.oligotrial.server.security.Refusals;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The 403 page for refusals made by the security filters ({@link Refusals#webAccessDenied()} forwards here with the
 * status set): a form without its CSRF token says so, and how to go on.
 */
@Controller
class DeniedPage {
  @RequestMapping(Refusals.DENIED_PAGE)
  String denied(HttpServletRequest req, Model m) {
    Object e = req.getAttribute(WebAttributes.ACCESS_DENIED_403);
    if (Refusals.isCsrf(e)) {
      m.addAttribute("csrf", true);
      m.addAttribute("message", "The form had expired or did not come from this site (its security token is missing"
          + " or no longer valid). Nothing was saved: reload the page and send it again.");
    }
    return "error/403";
  }
}
