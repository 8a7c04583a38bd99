package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.user.ApiTokenService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The API tokens page: a user lists, creates and revokes their own personal tokens; the secret is shown once, works
 * against the REST API until revoked, and never appears again; bad input names its field; another user's token is
 * refused and the refusal audited.
 */
class WebTokensTest extends WebTestBase {

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  private int apiStatusWith(String token) throws Exception {
    return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
        .getStatus();
  }

  private List<AuditEvent> auditOf(String entityId) {
    List<AuditEvent> out = new ArrayList<>();
    register.audit().forEach(e -> {
      if (e.entry().entityId().equals(entityId)) {
        out.add(e);
      }
    });
    return out;
  }

  @Test
  void aTokenCreatedOnThePageIsShownOnceWorksAgainstTheApiAndIsListedWithoutItsSecret() throws Exception {
    MvcResult created = as("coord.a", post("/account/tokens").with(csrf()).param("label", "lab import <script>")
        .param("validDays", "30"));
    assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/account/tokens");
    var token = (ApiTokenService.NewToken) created.getFlashMap().get("created");
    assertThat(token.token()).startsWith(ApiTokenService.PREFIX);

    // the page after the redirect shows the secret once, the label escaped
    String shown = as("coord.a", get("/account/tokens").flashAttrs(created.getFlashMap())).getResponse()
        .getContentAsString();
    assertThat(shown).contains(token.token()).contains("lab import &lt;script&gt;").doesNotContain("<script>");
    assertThat(apiStatusWith(token.token())).isEqualTo(200);

    // later visits list it as active, without the secret; the validity asked for is the one stored
    String later = as("coord.a", get("/account/tokens")).getResponse().getContentAsString();
    assertThat(later).doesNotContain(token.token()).contains("token-" + token.id()).contains(">active<");
    var info = register.tokens().list(actor("coord.a")).stream().filter(t -> t.id().equals(token.id()))
        .findFirst().orElseThrow();
    assertThat(Duration.between(info.createdAt(), info.expiresAt())).isEqualTo(Duration.ofDays(30));
    assertThat(auditOf(token.id())).extracting(e -> e.entry().action()).containsExactly(AuditAction.CREATE);
  }

  @Test
  void theListShowsOnlyTheUsersOwnTokens() throws Exception {
    var mine = register.tokens().create(actor("coord.a"), "mine", Duration.ofDays(5));
    var theirs = register.tokens().create(actor("coord.b"), "theirs", Duration.ofDays(5));
    String page = as("coord.a", get("/account/tokens")).getResponse().getContentAsString();
    assertThat(page).contains("token-" + mine.id()).doesNotContain("token-" + theirs.id());
  }

  @Test
  void badInputNamesItsFieldAndCreatesNothing() throws Exception {
    int before = register.tokens().list(actor("inv.a")).size();
    for (String days : List.of("0", "366", "abc", "12.5")) {
      MvcResult r = as("inv.a", post("/account/tokens").with(csrf()).param("label", "x").param("validDays", days));
      assertThat(r.getResponse().getStatus()).as(days).isEqualTo(200);
      assertThat(r.getResponse().getContentAsString()).as(days).contains("id=\"validDays-error\"")
          .contains("1 to 365").contains("aria-invalid=\"true\"");
    }
    MvcResult noLabel = as("inv.a", post("/account/tokens").with(csrf()).param("label", " ").param("validDays", "5"));
    assertThat(noLabel.getResponse().getContentAsString()).contains("id=\"label-error\"");
    assertThat(register.tokens().list(actor("inv.a"))).hasSize(before);
    // without the form's CSRF token nothing is created either
    assertThat(as("inv.a", post("/account/tokens").param("label", "x")).getResponse().getStatus()).isEqualTo(403);
    assertThat(register.tokens().list(actor("inv.a"))).hasSize(before);
  }

  @Test
  void revokingStopsTheTokenAndIsAudited() throws Exception {
    var t = register.tokens().create(actor("coord.a"), "to revoke", Duration.ofDays(5));
    assertThat(apiStatusWith(t.token())).isEqualTo(200);
    MvcResult r = as("coord.a", post("/account/tokens/" + t.id() + "/revoke").with(csrf()));
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/account/tokens");
    assertThat(apiStatusWith(t.token())).isEqualTo(401);
    String page = as("coord.a", get("/account/tokens")).getResponse().getContentAsString();
    assertThat(page).contains(">revoked<");
    assertThat(auditOf(t.id())).extracting(e -> e.entry().action())
        .containsExactly(AuditAction.CREATE, AuditAction.UPDATE);
  }

  @Test
  void anotherUsersTokenIsRefusedAndTheRefusalAuditedAndAnUnknownOneIsNotFound() throws Exception {
    var theirs = register.tokens().create(actor("coord.b"), "theirs", Duration.ofDays(5));
    MvcResult r = as("coord.a", post("/account/tokens/" + theirs.id() + "/revoke").with(csrf()));
    assertThat(r.getResponse().getStatus()).isEqualTo(403);
    assertThat(r.getResponse().getContentAsString()).doesNotContain("Exception");
    assertThat(apiStatusWith(theirs.token())).isEqualTo(200);
    assertThat(auditOf(theirs.id())).extracting(e -> e.entry().action())
        .containsExactly(AuditAction.CREATE, AuditAction.ACCESS_DENIED);
    assertThat(as("coord.a", post("/account/tokens/no-such-token/revoke").with(csrf())).getResponse().getStatus())
        .isEqualTo(404);
  }
}
