package org.oligotrial.server.web;

import jakarta.servlet.http.HttpServletResponse;
import org.oligotrial.server.kernel.BadInputException;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.PreconditionRequiredException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Puts the signed-in user ({@code me}) on every page of the web application, and renders the register's refusals as
 * the friendly error pages ({@code templates/error/*.html}): 403, 404, 400/409/422/428 as a message, anything else 500 with
 * only a reference number (the stack trace goes to the log); a request the pages cannot take as it came (a missing or
 * unreadable parameter) is a 400 naming the field.
 */
@ControllerAdvice(basePackages = "org.oligotrial.server.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebAdvice {
  private static final Logger LOG = LoggerFactory.getLogger(WebAdvice.class);
  private final CurrentActor current;
  private final org.oligotrial.server.scope.CurrentTrial trial;
  private final org.oligotrial.server.user.UserService users;

  WebAdvice(CurrentActor current, org.oligotrial.server.scope.CurrentTrial trial,
      org.oligotrial.server.user.UserService users) {
    this.current = current;
    this.trial = trial;
    this.users = users;
  }

  /** A trial as the header names it, with the path its pages start with ({@code /trials/{id}}). */
  public record TrialLink(String id, String title, String path, java.util.List<String> arms) {}

  /**
   * The request's trial (its path's, else the default trial) for the header: every page shows its id and title.
   * Links inside a page are written {@code @{/...}} and keep the request's trial prefix by themselves (the prefix is
   * the request's context path, see {@code TrialPaths}).
   */
  @ModelAttribute("trial")
  TrialLink trial(jakarta.servlet.http.HttpServletRequest request) {
    try {
      var t = trial.trial();
      return new TrialLink(t.id(), t.title(), request.getServletContext().getContextPath() + "/trials/" + t.id(),
          t.protocol().arms().stream().map(x -> x.id()).toList());
    } catch (RuntimeException e) {
      return null; // a trial the server does not hold: the 404 page renders without it
    }
  }

  /** The trial picker: the trials the signed-in user holds a role on (every trial for an administrator). */
  @ModelAttribute("trials")
  java.util.List<TrialLink> trials(jakarta.servlet.http.HttpServletRequest request) {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated()) {
      return java.util.List.of();
    }
    String username = a.getPrincipal() instanceof Actor actor ? actor.username() : a.getName();
    String root = request.getServletContext().getContextPath();
    boolean admin = CurrentActor.account(users, username)
        .map(u -> u.role() == org.oligotrial.server.kernel.Role.ADMINISTRATOR).orElse(false);
    // two statements: the user's trials and every trial's title (not each trial and its versions, each membership)
    java.util.List<String> mine = admin ? java.util.List.of() : users.trialIds(username);
    return trial.scopes().trials().titles().entrySet().stream().filter(t -> admin || mine.contains(t.getKey()))
        .map(t -> new TrialLink(t.getKey(), t.getValue(), root + "/trials/" + t.getKey(), java.util.List.of()))
        .toList();
  }

  @ModelAttribute("me")
  Me me() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated()) {
      return null;
    }
    try {
      return Me.of(current.get());
    } catch (org.oligotrial.server.kernel.SiteAccessDeniedException e) {
      return null; // no role on the request's trial: the page's own check refuses; the header offers the trials held
    }
  }

  /** Exception handlers start from an empty model: put the user back so the header shows who is signed in. */
  private void signedIn(Model m) {
    try {
      m.addAttribute("me", me());
    } catch (RuntimeException e) {
      // the page still renders, without the user bar
    }
    try {
      var req = ((org.springframework.web.context.request.ServletRequestAttributes)
          org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
      m.addAttribute("trial", trial(req));
      m.addAttribute("trials", trials(req));
    } catch (RuntimeException e) {
      // the page still renders, without the user bar
    }
  }

  @ExceptionHandler(SiteAccessDeniedException.class)
  String denied(SiteAccessDeniedException e, HttpServletResponse res, Model m) {
    res.setStatus(403);
    signedIn(m);
    m.addAttribute("message", e.getMessage());
    return "error/403";
  }

  @ExceptionHandler({RecordNotFoundException.class, NoResourceFoundException.class})
  String notFound(Exception e, HttpServletResponse res, Model m) {
    res.setStatus(404);
    signedIn(m);
    return "error/404";
  }

  @ExceptionHandler({ConflictException.class, InvalidFieldException.class})
  String refused(RuntimeException e, HttpServletResponse res, Model m) {
    res.setStatus(e instanceof ConflictException ? 409 : e instanceof BadInputException ? 400
        : e instanceof PreconditionRequiredException ? 428 : 422);
    signedIn(m);
    m.addAttribute("message", e.getMessage());
    return "error/refused";
  }

  /**
   * A request the pages cannot take as it came (a hand-made URL or an old form): a missing or unreadable parameter, a
   * method or content type the page does not take. Shown with the field's name and the status Spring MVC gives it
   * (400, 405, 415), never as a server failure.
   */
  @ExceptionHandler({ServletRequestBindingException.class, TypeMismatchException.class,
    HttpMessageNotReadableException.class, HttpRequestMethodNotSupportedException.class,
    HttpMediaTypeNotSupportedException.class})
  String badRequest(Exception e, HttpServletResponse res, Model m) {
    int status = e instanceof ErrorResponse er ? er.getStatusCode().value() : 400;
    String message;
    if (e instanceof MissingServletRequestParameterException missing) {
      message = "The request is missing the field '" + missing.getParameterName() + "'.";
    } else if (e instanceof TypeMismatchException mismatch) {
      String field = mismatch instanceof MethodArgumentTypeMismatchException arg ? arg.getName()
          : String.valueOf(mismatch.getPropertyName());
      message = "The field '" + field + "' does not take the value given.";
    } else if (status == 405 || status == 415) {
      message = "This page does not take that kind of request.";
    } else {
      message = "The request could not be read.";
    }
    res.setStatus(status);
    signedIn(m);
    m.addAttribute("message", message);
    return "error/refused";
  }

  @ExceptionHandler(Exception.class)
  String failed(Exception e, HttpServletResponse res, Model m) {
    String ref = Long.toHexString(System.nanoTime());
    LOG.error("web request failed, reference {}", ref, e);
    res.setStatus(500);
    signedIn(m);
    m.addAttribute("reference", ref);
    return "error";
  }
}
