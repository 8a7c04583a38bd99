package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.user.LoginThrottle;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Over HTTP: failed passwords hold the account back (LoginThrottle's rule: from the 5th consecutive failure the next
 * password is checked only 2^(n-5) s later) instead of locking it; the rightful user signs in once the delay is
 * over; failures of one minute are one audit row with the count; one address spraying many accounts is held back,
 * but not for an account that signed in from it before.
 */
class LoginLockoutTest extends ApiTestBase {
  MockHttpServletResponse me(String user, String password, String address) throws Exception {
    return mvc.perform(get("/api/v1/me").with(httpBasic(user, password)).with(r -> {
      r.setRemoteAddr(address);
      return r;
    })).andReturn().getResponse();
  }

  @Test
  void fiveWrongPasswordsHoldTheAccountBackOnlyUntilTheDelayIsOver() throws Exception {
    register.users().add(TestRegisters.admin(), "lock.me", Role.MONITOR, Set.of("A"), PASSWORD);
    assertThat(me("lock.me", PASSWORD, "203.0.113.1").getStatus()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(me("lock.me", "wrong password " + i, "203.0.113.1").getStatus()).isEqualTo(401);
    }
    // inside the 1 s delay even the right password is not checked: 429 with Retry-After
    MockHttpServletResponse held = me("lock.me", PASSWORD, "203.0.113.1");
    assertThat(held.getStatus()).isEqualTo(429);
    assertThat(held.getHeader("Retry-After")).isIn("1", "2");
    assertThat(held.getContentAsString()).contains("too many failed sign-ins");
    // the delay of the 5th failure is 1 s (LoginThrottle.delayAfter(5, 5)); a refused attempt does not prolong it
    assertThat(LoginThrottle.delayAfter(5, LoginThrottle.FREE_FAILURES)).hasSeconds(1);
    Thread.sleep(1100);
    assertThat(me("lock.me", PASSWORD, "203.0.113.1").getStatus()).isEqualTo(200);
    register.throttle().flushAuditNow();
    var trail = register.audit().forRecord("user", "lock.me");
    assertThat(trail).filteredOn(e -> e.entry().action() == AuditAction.LOGIN).hasSize(2);
    var failed = trail.stream().filter(e -> e.entry().action() == AuditAction.LOGIN_FAILED).toList();
    assertThat(failed).as("six failures within a minute are one row").hasSize(1);
    assertThat(failed.get(0).entry().field()).isEqualTo("failedAttempts");
    assertThat(failed.get(0).entry().newValue()).isEqualTo("6");
    assertThat(failed.get(0).entry().reason()).contains("bad credentials (5)").contains("held back until")
        .contains("203.0.113.1");
  }

  @Test
  void anAddressGuessingAcrossAccountsIsHeldBackButNotForAnAccountKnownThere() throws Exception {
    register.users().add(TestRegisters.admin(), "known.here", Role.MONITOR, Set.of("A"), PASSWORD);
    register.users().add(TestRegisters.admin(), "new.here", Role.MONITOR, Set.of("A"), PASSWORD);
    String proxy = "198.51.100.20";
    assertThat(me("known.here", PASSWORD, proxy).getStatus()).isEqualTo(200);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
      // one guess each on many (unknown) accounts: no account reaches its own limit
      assertThat(me("sprayed" + i, "guess " + i, proxy).getStatus()).isEqualTo(401);
    }
    assertThat(me("new.here", PASSWORD, proxy).getStatus()).isEqualTo(429);
    assertThat(me("new.here", PASSWORD, "198.51.100.21").getStatus()).isEqualTo(200);
    assertThat(me("known.here", PASSWORD, proxy).getStatus()).isEqualTo(200);
  }

  @Test
  void anUnknownUsernameIsHeldBackLikeAnAccountSoTheAnswerDoesNotTellWhichExists() throws Exception {
    register.users().add(TestRegisters.admin(), "exists.here", Role.MONITOR, Set.of("A"), PASSWORD);
    for (String name : new String[] {"exists.here", "nobody.here"}) {
      for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
        assertThat(me(name, "wrong " + i, "203.0.113.50").getStatus()).isEqualTo(401);
      }
      assertThat(me(name, "wrong again", "203.0.113.50").getStatus()).as(name).isEqualTo(429);
    }
  }

  @Test
  void aPasswordBcryptCannotTakeIsAWrongPasswordNotAServerError() throws Exception {
    // 73 bytes whose first 72 are the stored password's would match if BCrypt were asked (it reads 72 bytes)
    register.users().add(TestRegisters.admin(), "long.pw", Role.MONITOR, Set.of("A"), "x".repeat(72));
    assertThat(me("long.pw", "x".repeat(72), "203.0.113.9").getStatus()).isEqualTo(200);
    assertThat(me("long.pw", "x".repeat(73), "203.0.113.9").getStatus()).isEqualTo(401);
    assertThat(me("long.pw", "\u00e9".repeat(500), "203.0.113.9").getStatus()).isEqualTo(401);
  }
}
