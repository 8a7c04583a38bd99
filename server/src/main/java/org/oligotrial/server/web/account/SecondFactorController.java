package org.oligotrial.server.web.account;

import jakarta.servlet.http.HttpSession;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.security.SecondFactorPolicy;
import org.oligotrial.server.user.SecondFactor;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Setting up the second sign-in factor (TOTP): a fresh key shown once with its {@code otpauth://} URI, confirmed
 * with a code from the app. Until confirmed, the key waits in this session only for the page to show it again after
 * a mistyped code. Users whose role requires a second factor are sent here after a password-only sign-in.
 */
@Controller
class SecondFactorController {
  private static final String PENDING = "secondFactorPending";

  private final SecondFactor secondFactor;
  private final SecondFactorPolicy policy;
  private final WebAccess access;

  SecondFactorController(Register register, SecondFactorPolicy policy, WebAccess access) {
    this.secondFactor = register.secondFactor();
    this.policy = policy;
    this.access = access;
  }

  @GetMapping("/account/second-factor")
  String page(Model m, HttpSession session) {
    Actor a = access.actor();
    boolean enrolled = secondFactor.enrolled(a.username());
    m.addAttribute("enrolled", enrolled);
    m.addAttribute("required", policy.required(a.role()));
    if (!m.containsAttribute("enrolment")) {
      m.addAttribute("enrolment", enrolled ? null : session.getAttribute(PENDING));
    }
    if (m.getAttribute("enrolment") instanceof SecondFactor.Enrolment e) {
      m.addAttribute("qr", QrCode.svg(e.uri(), "QR code of the key for your authenticator app"));
    }
    return "account/second-factor";
  }

  @PostMapping("/account/second-factor/start")
  String start(Model m, HttpSession session) {
    SecondFactor.Enrolment e = secondFactor.start(access.actor());
    session.setAttribute(PENDING, e);
    m.addAttribute("enrolment", e);
    return page(m, session);
  }

  @PostMapping("/account/second-factor/confirm")
  String confirm(@RequestParam(required = false) String code, Model m, HttpSession session) {
    try {
      secondFactor.confirm(access.actor(), code);
    } catch (InvalidFieldException e) {
      m.addAttribute("error", e.detail());
      return page(m, session);
    }
    session.removeAttribute(PENDING);
    return "redirect:/account/second-factor";
  }
}
