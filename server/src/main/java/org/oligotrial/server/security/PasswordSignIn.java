package org.oligotrial.server.security;

import java.util.List;
import java.util.Optional;
import org.oligotrial.server.user.LoginThrottle;
import org.oligotrial.server.user.SecondFactor;
import org.oligotrial.server.user.UserAccount;
import org.oligotrial.server.user.UserService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password sign-in, from the web form and from HTTP Basic on the REST API, in this order:
 *
 * <ol>
 *   <li>the back-off ({@link LoginThrottle}): while the account's or the client address's delay holds, the attempt
 *       is refused without looking at the password ({@link SignInHeldBackException}) and does not count;
 *   <li>the password: unknown user, disabled account, a password BCrypt cannot take (over 72 bytes) or a wrong one
 *       are one and the same failure (an unknown user costs a BCrypt check too, so that timing does not tell
 *       which), counted and audited;
 *   <li>the second factor, for a user who has one: the web form's code must be valid and unused; HTTP Basic cannot
 *       carry a code, so such a user's Basic sign-in fails (API tokens, created after a web sign-in, are the way for
 *       scripts). A wrong code counts as a failure.
 * </ol>
 *
 * A success is audited and clears the account's count. The principal is the username.
 */
final class PasswordSignIn implements AuthenticationProvider {
  private final UserService users;
  private final LoginThrottle throttle;
  private final SecondFactor secondFactor;
  private final PasswordEncoder encoder;
  private final String dummyHash;

  PasswordSignIn(UserService users, LoginThrottle throttle, SecondFactor secondFactor, PasswordEncoder encoder) {
    this.users = users;
    this.throttle = throttle;
    this.secondFactor = secondFactor;
    this.encoder = encoder;
    this.dummyHash = encoder.encode("a password nobody has, for timing");
  }

  @Override
  public Authentication authenticate(Authentication auth) {
    String username = auth.getName();
    String password = auth.getCredentials() == null ? null : auth.getCredentials().toString();
    String address = auth.getDetails() instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
    Optional<java.time.Instant> held = throttle.heldUntil(username, address);
    if (held.isPresent()) {
      throttle.held(username, address, held.get());
      throw new SignInHeldBackException(held.get());
    }
    Optional<UserAccount> found = users.find(username).filter(UserAccount::enabled);
    boolean ok;
    if (found.isEmpty()) {
      encoder.matches(password == null ? "" : password, dummyHash);
      ok = false;
    } else {
      ok = users.passwordMatches(found.get(), password);
    }
    if (!ok) {
      throttle.failed(username, address, "bad credentials");
      throw new BadCredentialsException("bad credentials");
    }
    UserAccount u = found.get();
    String how = "password";
    if (secondFactor.enrolled(u.username())) {
      String code = auth.getDetails() instanceof SignInDetails d ? d.code() : null;
      if (!(auth.getDetails() instanceof SignInDetails)) {
        throttle.failed(username, address, "HTTP Basic for an account with a second factor (use an API token)");
        throw new BadCredentialsException("an account with a second factor uses API tokens for the REST API");
      }
      if (code == null || !secondFactor.verify(u.username(), code)) {
        throttle.failed(username, address, code == null ? "authentication code missing"
            : "authentication code wrong or already used");
        throw new BadCredentialsException("bad authentication code");
      }
      how = "password and TOTP code";
    }
    throttle.succeeded(u.username(), address, how + " sign-in" + (address == null ? "" : " from " + address));
    var result = UsernamePasswordAuthenticationToken.authenticated(u.username(), null,
        List.of(new SimpleGrantedAuthority("ROLE_" + u.role().name())));
    result.setDetails(auth.getDetails());
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
