package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/** Personal API tokens: listed to their owner without secrets, revoked by the owner or an administrator, audited. */
class ApiTokenRevocationTest extends ApiTestBase {
  /** Creates a token for {@code user}; returns {id, secret}. */
  private String[] token(String user, String label) throws Exception {
    String body = mvc.perform(post("/api/v1/tokens").with(as(user)).contentType(MediaType.APPLICATION_JSON)
        .content("{\"label\":\"" + label + "\"}")).andReturn().getResponse().getContentAsString();
    return new String[] {body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"),
        body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1")};
  }

  private int meWith(String secret) throws Exception {
    return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andReturn().getResponse()
        .getStatus();
  }

  private MockHttpServletResponse revoke(String user, String id, String reason) throws Exception {
    var req = delete("/api/v1/tokens/" + id).with(as(user));
    if (reason != null) {
      req.param("reason", reason);
    }
    return mvc.perform(req).andReturn().getResponse();
  }

  @Test
  void theOwnerRevokesATokenWhichThenStopsWorkingAndTheChangeIsAudited() throws Exception {
    String[] t = token("coord.a", "laptop script");
    assertThat(meWith(t[1])).isEqualTo(200);
    assertThat(revoke("coord.a", t[0], "laptop lost").getStatus()).isEqualTo(204);
    assertThat(meWith(t[1])).isEqualTo(401);
    List<AuditEvent> trail = register.audit().forRecord("api_token", t[0]);
    AuditEvent last = trail.get(trail.size() - 1);
    assertThat(last.entry().action()).isEqualTo(AuditAction.UPDATE);
    assertThat(last.entry().field()).isEqualTo("revoked");
    assertThat(last.entry().oldValue()).isEqualTo("false");
    assertThat(last.entry().newValue()).isEqualTo("true");
    assertThat(last.entry().reason()).isEqualTo("laptop lost");
    assertThat(last.entry().actor()).isEqualTo("coord.a");
    // revoking again changes nothing and writes nothing
    assertThat(revoke("coord.a", t[0], null).getStatus()).isEqualTo(204);
    assertThat(register.audit().forRecord("api_token", t[0])).hasSameSizeAs(trail);
  }

  @Test
  void theListShowsTheCallersOwnTokensWithoutSecretsAndMarksRevokedOnes() throws Exception {
    String[] kept = token("dm.a", "kept");
    String[] gone = token("dm.a", "gone");
    String[] other = token("coord.b", "someone else's");
    revoke("dm.a", gone[0], null);
    String list = mvc.perform(get("/api/v1/tokens").with(as("dm.a"))).andReturn().getResponse()
        .getContentAsString();
    assertThat(list).contains(kept[0], gone[0]).doesNotContain(other[0]).doesNotContain(kept[1])
        .doesNotContain(gone[1]).doesNotContain("olt_");
    assertThat(list.replaceAll(".*\\{([^}]*\"id\":\"" + gone[0] + "\"[^}]*)}.*", "$1")).contains("\"revoked\":true");
    assertThat(list.replaceAll(".*\\{([^}]*\"id\":\"" + kept[0] + "\"[^}]*)}.*", "$1")).contains("\"revoked\":false");
    // the default reason names who revoked it
    List<AuditEvent> trail = register.audit().forRecord("api_token", gone[0]);
    assertThat(trail.get(trail.size() - 1).entry().reason()).isEqualTo("revoked by dm.a");
  }

  @Test
  void anotherUsersTokenIsRefusedAndTheRefusalAuditedButAnAdministratorMayRevokeIt() throws Exception {
    String[] t = token("coord.b", "site B export");
    MockHttpServletResponse refused = revoke("coord.a", t[0], "not mine");
    ProblemDetailsTest.assertProblem(refused, 403);
    assertThat(meWith(t[1])).isEqualTo(200);
    List<AuditEvent> trail = register.audit().forRecord("api_token", t[0]);
    assertThat(trail.get(trail.size() - 1).entry().action()).isEqualTo(AuditAction.ACCESS_DENIED);
    assertThat(trail.get(trail.size() - 1).entry().actor()).isEqualTo("coord.a");

    assertThat(revoke("admin", t[0], "user left the trial").getStatus()).isEqualTo(204);
    assertThat(meWith(t[1])).isEqualTo(401);
  }

  @Test
  void anUnknownTokenIs404AndAnOverlongIdOrReason422NamingTheField() throws Exception {
    ProblemDetailsTest.assertProblem(revoke("coord.a", "00000000-0000-0000-0000-000000000000", null), 404);
    ProblemDetailsTest.assertProblem(revoke("coord.a", "x".repeat(37), null), 422, "\"field\":\"id\"");
    ProblemDetailsTest.assertProblem(revoke("coord.a", "00000000-0000-0000-0000-000000000000", "r".repeat(4001)),
        422, "\"field\":\"reason\"");
  }
}
