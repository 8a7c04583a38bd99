package org.oligotrial.server.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.user.ApiTokenService;
import org.oligotrial.server.user.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two filter chains. {@code /api/**}: stateless, HTTP Basic or Bearer token, no CSRF (no cookies are used), 401/403
 * as problem details, 429 with {@code Retry-After} while the sign-in back-off holds. Everything else: the OpenAPI
 * document and Swagger UI are public; other pages need a form login (password, and the TOTP code for users with a
 * second factor) whose session expires after {@code server.servlet.session.timeout} (30 minutes) of inactivity and
 * is registered so that a password change can end it. Password sign-ins of both go through {@link PasswordSignIn}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  /**
   * The web pages' Content-Security-Policy: scripts, styles and everything else only from this server, no inline
   * script or style, no plugins, no framing, forms posting only here. Swagger UI's pages keep working: its scripts and
   * style sheets are files as well.
   */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
      + " form-action 'self'; frame-ancestors 'none'";

  /** An address the firewall refuses ({@code %2f}, {@code ..}) is a 400 page or problem, not a server error. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return Refusals.firewallRejection();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> unauthorized(res, ex)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // a stateless API has no logout, no saved request to return to and no anonymous caller: those filters go
        .logout(l -> l.disable())
        .requestCache(r -> r.disable())
        .anonymous(a -> a.disable())
        .csrf(c -> c.disable())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> unauthorized(res, ex))
            .accessDeniedHandler((req, res, ex) -> Problems.write(res, 403, "Forbidden", "not allowed")))
        .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class);
    return http.build();
  }

  /** 429 with Retry-After while the sign-in back-off holds; otherwise 401 with the Basic challenge. */
  private static void unauthorized(HttpServletResponse res, AuthenticationException ex) throws IOException {
    if (ex instanceof SignInHeldBackException held) {
      long seconds = Math.max(1, Duration.between(Instant.now(), held.until()).toSeconds() + 1);
      res.setHeader("Retry-After", Long.toString(seconds));
      Problems.write(res, 429, "Too Many Requests", "too many failed sign-ins for this account or from this"
          + " address; try again in " + seconds + " s");
      return;
    }
    res.setHeader("WWW-Authenticate", "Basic realm=\"oligotrial\"");
    Problems.write(res, 401, "Unauthorized", "log in with HTTP Basic or an API token (Authorization: Bearer)");
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(HttpSecurity http, SessionRegistry sessions, SecondFactorPolicy policy, UserService users,
      Register register) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error")
            .permitAll()
            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", Refusals.DENIED_PAGE)
            .permitAll()
            .anyRequest().authenticated())
        // no inline script or style anywhere: every script is a file under /js or /webjars (docs/server.md)
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
        .exceptionHandling(e -> e.accessDeniedHandler(Refusals.webAccessDenied()))
        // the web application's own sign-in page; CSRF stays on (Spring Security's default) for every form
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
            .authenticationDetailsSource(SignInDetails::new)
            .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                + (ex instanceof SignInHeldBackException ? "/login?held" : "/login?error"))))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID"))
        // every session is registered, so that a password change can end the user's other sessions
        .sessionManagement(s -> s.sessionFixation(f -> f.newSession())
            .maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?sessionEnded"))
        .addFilterAfter(new SecondFactorEnrolmentFilter(policy, users, register.secondFactor()),
            AuthorizationFilter.class);
    return http.build();
  }

  /** The web sessions by user (in this server's memory: the sessions are the servlet container's). */
  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  /** Tells the session registry when the container ends a session. */
  @Bean
  static HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  /**
   * Password sign-in for both chains (throttled, second factor), see {@link PasswordSignIn}; declaring it keeps
   * Spring Boot from configuring a default user.
   */
  @Bean
  AuthenticationProvider passwordSignIn(Register register, PasswordEncoder encoder) {
    return new PasswordSignIn(register.users(), register.throttle(), register.secondFactor(), encoder);
  }
}
