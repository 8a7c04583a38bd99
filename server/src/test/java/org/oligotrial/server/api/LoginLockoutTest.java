package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.user.Role;

/** Over HTTP: five wrong passwords lock the account, so the right password is refused too; all of it audited. */
class LoginLockoutTest extends ApiTestBase {
  int me(String user, String password) throws Exception {
    return mvc.perform(get("/api/v1/me").with(httpBasic(user, password))).andReturn().getResponse().getStatus();
  }

  @Test
  void fiveWrongPasswordsLockTheAccountAgainstTheRightOne() throws Exception {
    register.users().add(TestRegisters.admin(), "lock.me", Role.MONITOR, Set.of("A"), PASSWORD);
    assertThat(me("lock.me", PASSWORD)).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(me("lock.me", "wrong password " + i)).isEqualTo(401);
    }
    assertThat(me("lock.me", PASSWORD)).isEqualTo(401);
    var trail = register.audit().forRecord("user", "lock.me");
    assertThat(trail).filteredOn(e -> e.entry().action() == AuditAction.LOGIN).hasSize(1);
    assertThat(trail).filteredOn(e -> e.entry().action() == AuditAction.LOGIN_FAILED).hasSize(6);
    assertThat(trail.get(trail.size() - 1).entry().reason()).isEqualTo("account locked");
  }
}
