package org.oligotrial.server.security;

import java.time.Clock;
import org.oligotrial.server.user.ApiTokenService;
import org.oligotrial.server.user.UserAccount;
import org.oligotrial.server.user.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two filter chains. {@code /api/**}: stateless, HTTP Basic or Bearer token, no CSRF (no cookies are used), 401/403
 * as problem details. Everything else: the OpenAPI document and Swagger UI are public; other pages need a form login
 * whose session expires after {@code server.servlet.session.timeout} (30 minutes) of inactivity.
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
        .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
          res.setHeader("WWW-Authenticate", "Basic realm=\"oligotrial\"");
          Problems.write(res, 401, "Unauthorized", "log in with HTTP Basic or an API token (Authorization: Bearer)");
        }))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // a stateless API has no logout, no saved request to return to and no anonymous caller: those filters go
        .logout(l -> l.disable())
        .requestCache(r -> r.disable())
        .anonymous(a -> a.disable())
        .csrf(c -> c.disable())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) ->
                Problems.write(res, 401, "Unauthorized", "log in with HTTP Basic or an API token"))
            .accessDeniedHandler((req, res, ex) -> Problems.write(res, 403, "Forbidden", "not allowed")))
        .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(HttpSecurity http) throws Exception {
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
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID"))
        .sessionManagement(s -> s.sessionFixation(f -> f.newSession()));
    return http.build();
  }

  /** Loads users for password logins; a locked or disabled account fails before its password is checked. */
  @Bean
  UserDetailsService userDetailsService(UserService users, Clock clock) {
    return username -> {
      UserAccount u = users.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
      return User.withUsername(u.username())
          .password(u.passwordHash())
          .roles(u.role().name())
          .disabled(!u.enabled())
          .accountLocked(u.lockedAt(clock.instant()))
          .build();
    };
  }
}
