package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.user.Totp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Sign-in through the real form: the second factor required for investigators by configuration (enrolment, the
 * code, replay refused, HTTP Basic refused, API tokens unaffected), and a password change that ends the user's other
 * sessions and revokes the tokens.
 */
@SpringBootTest(
    classes = ServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:secondfactortests;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "oligotrial.security.totp-required-roles=investigator",
      "logging.level.root=warn"
    })
@AutoConfigureMockMvc
class SecondFactorAndSessionsTest {
  static final String PASSWORD = "password-for-2fa-tests";

  @Autowired MockMvc mvc;
  @Autowired Register register;

  void site() {
    if (register.sites().find("A").isEmpty()) {
      register.sites().add(TestRegisters.admin(), "A", "Site A");
    }
  }

  MvcResult signIn(String user, String password, String code) throws Exception {
    var req = post("/login").with(csrf()).param("username", user).param("password", password);
    if (code != null) {
      req.param("code", code);
    }
    return mvc.perform(req).andReturn();
  }

  @Test
  void anInvestigatorSetsUpTheSecondFactorAndThenSignsInWithACodeUsedOnce() throws Exception {
    site();
    register.users().add(TestRegisters.admin(), "inv.2fa", Role.INVESTIGATOR, Set.of("A"), PASSWORD);
    MvcResult first = signIn("inv.2fa", PASSWORD, null);
    assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/");
    MockHttpSession s = (MockHttpSession) first.getRequest().getSession();
    // the role requires a second factor: every page leads to the set-up page until it is confirmed
    assertThat(mvc.perform(get("/participants").session(s)).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/account/second-factor");
    String page = mvc.perform(post("/account/second-factor/start").session(s).with(csrf())).andReturn()
        .getResponse().getContentAsString();
    Matcher m = Pattern.compile("id=\"secret\">([A-Z2-7]+)<").matcher(page);
    assertThat(m.find()).isTrue();
    byte[] key = Totp.fromBase32(m.group(1));
    assertThat(page).contains("otpauth://totp/OligoTrial:inv.2fa?secret=" + m.group(1)).contains("<svg");
    long now = Totp.step(Instant.now());
    MvcResult wrong = mvc.perform(post("/account/second-factor/confirm").session(s).with(csrf())
        .param("code", Totp.code(key, now + 5, 6))).andReturn();
    assertThat(wrong.getResponse().getContentAsString()).contains("the code does not match");
    mvc.perform(post("/account/second-factor/confirm").session(s).with(csrf()).param("code", Totp.code(key, now, 6)));
    assertThat(register.secondFactor().enrolled("inv.2fa")).isTrue();
    assertThat(mvc.perform(get("/participants").session(s)).andReturn().getResponse().getStatus()).isEqualTo(200);

    assertThat(signIn("inv.2fa", PASSWORD, null).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    String next = Totp.code(key, now + 1, 6);
    assertThat(signIn("inv.2fa", PASSWORD, next).getResponse().getRedirectedUrl()).isEqualTo("/");
    assertThat(signIn("inv.2fa", PASSWORD, next).getResponse().getRedirectedUrl())
        .as("a code is accepted once").isEqualTo("/login?error");
    // HTTP Basic cannot carry a code; an API token (made after a signed-in session) is unaffected
    assertThat(mvc.perform(get("/api/v1/me").with(httpBasic("inv.2fa", PASSWORD))).andReturn().getResponse()
        .getStatus()).isEqualTo(401);
    String token = register.tokens().create(register.users().find("inv.2fa").orElseThrow().actor(), "script",
        Duration.ofDays(1)).token();
    assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
        .getStatus()).isEqualTo(200);
  }

  @Test
  void theSignInPageSaysWhenTheBackOffHoldsInsteadOfLockingTheAccount() throws Exception {
    site();
    register.users().add(TestRegisters.admin(), "coord.held", Role.COORDINATOR, Set.of("A"), PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertThat(signIn("coord.held", "wrong " + i, null).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }
    assertThat(signIn("coord.held", PASSWORD, null).getResponse().getRedirectedUrl()).isEqualTo("/login?held");
    assertThat(mvc.perform(get("/login").param("held", "")).andReturn().getResponse().getContentAsString())
        .contains("id=\"login-held\"").contains("at most 15 minutes");
    Thread.sleep(1100); // the 5th failure's delay is 1 s (LoginThrottle.delayAfter(5, 5))
    assertThat(signIn("coord.held", PASSWORD, null).getResponse().getRedirectedUrl()).isEqualTo("/");
  }

  @Test
  void aPasswordChangeEndsTheUsersOtherSessionsAndRevokesTheirTokens() throws Exception {
    site();
    register.users().add(TestRegisters.admin(), "coord.pw", Role.COORDINATOR, Set.of("A"), PASSWORD);
    MockHttpSession laptop = (MockHttpSession) signIn("coord.pw", PASSWORD, null).getRequest().getSession();
    MockHttpSession phone = (MockHttpSession) signIn("coord.pw", PASSWORD, null).getRequest().getSession();
    assertThat(mvc.perform(get("/participants").session(phone)).andReturn().getResponse().getStatus())
        .isEqualTo(200);
    String token = register.tokens().create(register.users().find("coord.pw").orElseThrow().actor(), "script",
        Duration.ofDays(30)).token();
    MvcResult changed = mvc.perform(post("/account/password").session(laptop).with(csrf())
        .param("current", PASSWORD).param("next", "a brand new password").param("repeat", "a brand new password"))
        .andReturn();
    assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/login?passwordChanged");
    assertThat(mvc.perform(get("/participants").session(phone)).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/login?sessionEnded");
    assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
        .getStatus()).isEqualTo(401);
    assertThat(register.audit().forRecord("user", "coord.pw"))
        .anyMatch(e -> "password changed by the user".equals(e.entry().reason()));
    // the new password may not exceed BCrypt's 72 bytes: a message naming the field, not a server error
    MockHttpSession again = (MockHttpSession) signIn("coord.pw", "a brand new password", null).getRequest()
        .getSession();
    MvcResult tooLong = mvc.perform(post("/account/password").session(again).with(csrf())
        .param("current", "a brand new password").param("next", "\u00e9".repeat(40))
        .param("repeat", "\u00e9".repeat(40))).andReturn();
    assertThat(tooLong.getResponse().getStatus()).isEqualTo(200);
    assertThat(tooLong.getResponse().getContentAsString()).contains("at most 72 bytes");
  }
}
