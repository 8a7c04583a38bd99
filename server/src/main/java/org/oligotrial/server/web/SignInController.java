package org.oligotrial.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security handles the POST to {@code /login} and {@code /logout}); {@code /} goes home. */
@Controller
class SignInController {
  private final org.oligotrial.server.trial.TrialRegistry registry;

  SignInController(org.oligotrial.server.trial.TrialRegistry registry) {
    this.registry = registry;
  }

  /** The sign-in page names the trials the server holds (their protocols' titles and registry ids), default first. */
  @GetMapping("/login")
  String login(@org.springframework.web.bind.annotation.RequestParam(required = false) String error,
      org.springframework.ui.Model m) {
    m.addAttribute("failed", error != null);
    m.addAttribute("heldTrials", registry.list());
    return "login";
  }

  @GetMapping("/")
  String home(org.springframework.ui.Model m) {
    Me me = (Me) m.getAttribute("me");
    if (me == null && m.getAttribute("trials") instanceof java.util.List<?> held && !held.isEmpty()
        && held.get(0) instanceof WebAdvice.TrialLink first) {
      return "redirect:" + first.path() + "/dashboard"; // no role on this trial, one on another: go there
    }
    if (me != null && me.canSeeDsmb()) {
      return "redirect:/dsmb";
    }
    if (me != null && me.canSeeReports()) {
      return "redirect:/dashboard";
    }
    return me != null && me.canScreen() ? "redirect:/participants" : "redirect:/dashboard";
  }
}
