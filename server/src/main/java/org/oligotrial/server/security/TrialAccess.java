package org.oligotrial.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.trial.RequestedTrial;
import org.oligotrial.server.trial.TrialRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may open a trial's paths ({@code /trials/{id}/...}, {@code /api/v1/trials/{id}/...}): before any handler runs,
 * the trial must be held by the server and the signed-in user must be an administrator or hold a role on it.
 * Otherwise the answer is 404, the same as for a trial the server does not hold: an outsider cannot tell a trial they
 * may not see from one that does not exist (trial ids are public registry ids, but which trials a hospital runs is
 * not for every user of its server). The refusal is recorded through {@link AccessDenials} (record type
 * {@code trial}, the path asked for in the reason). Within the trial, the role and site checks of the services and
 * pages apply as on the single-trial paths (403 with its message).
 */
@Configuration(proxyBeanMethods = false)
public class TrialAccess implements WebMvcConfigurer {
  private final CurrentActor current;
  private final TrialRegistry trials;
  private final AccessDenials denials;

  TrialAccess(CurrentActor current, TrialRegistry trials, AuditTrail audit) {
    this.current = current;
    this.trials = trials;
    this.denials = new AccessDenials(audit);
  }

  /** The path filter, before the security filters. */
  @Bean
  static FilterRegistrationBean<TrialPaths> trialPaths() {
    FilterRegistrationBean<TrialPaths> r = new FilterRegistrationBean<>(new TrialPaths());
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    r.addUrlPatterns("/*");
    return r;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        RequestedTrial.id().ifPresent(id -> check(id, request));
        return true;
      }
    });
  }

  private void check(String id, HttpServletRequest request) {
    if (trials.find(id).isEmpty()) {
      throw new RecordNotFoundException("trial", id);
    }
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated() || "anonymousUser".equals(a.getPrincipal())) {
      return; // the pages that need no sign-in (sign-in, errors) are the same on every trial
    }
    try {
      current.on(id);
    } catch (SiteAccessDeniedException e) {
      denials.record(a.getPrincipal() instanceof org.oligotrial.server.kernel.Actor actor ? actor.username()
          : a.getName(), "trial", id, null, "holds no role on trial " + id + ": "
          + request.getMethod() + " " + request.getRequestURI(), null);
      throw new RecordNotFoundException("trial", id);
    }
  }
}
