package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.participant.Consent;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The web chain's protections: sign-in required, CSRF on every form, session cookie flags, friendly error pages
 * without stack traces, every page refused to the roles and sites that may not see it (and the refusal audited), and
 * free text escaped on every page that shows it.
 */
class WebSecurityTest extends WebTestBase {

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  @Test
  void pagesNeedSignInButTheSignInPageAndStylesDoNot() throws Exception {
    MvcResult r = mvc.perform(get("/participants")).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(302);
    assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login");
    assertThat(mvc.perform(get("/login")).andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(mvc.perform(get("/css/app.css")).andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(mvc.perform(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js")).andReturn().getResponse().getStatus())
        .isEqualTo(200);
  }

  @Test
  void formPostsWithoutCsrfTokenAreRefused() throws Exception {
    assertThat(as("coord.a", post("/screening").param("site", "A").param("screeningNumber", "CSRF-1"))
        .getResponse().getStatus()).isEqualTo(403);
    assertThat(as("coord.a", post("/screening/check")).getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(post("/login").param("username", "coord.a").param("password", PASSWORD))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(register.participants().list(actor("coord.a"), null, null, 0, 500).items())
        .noneMatch(p -> p.screeningNumber().equals("CSRF-1"));
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
        .findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
    assertThat(r.body()).contains("name=\"_csrf\"");
  }

  @Test
  void pagesAreOfferedOnlyToTheRolesThatMayUseThem() throws Exception {
    Map<String, List<String>> allowed = Map.of(
        "/screening/new", List.of("coord.a", "inv.a", "dm.a"),
        "/participants", List.of("coord.a", "inv.a", "dm.a", "mon.a", "stat", "admin"),
        "/dashboard", List.of("coord.a", "inv.a", "dm.a", "mon.a", "stat", "admin"));
    for (var page : allowed.entrySet()) {
      for (String u : List.of("coord.a", "inv.a", "dm.a", "mon.a", "stat", "admin")) {
        int status = as(u, get(page.getKey())).getResponse().getStatus();
        assertThat(status).as(u + " " + page.getKey()).isEqualTo(page.getValue().contains(u) ? 200 : 403);
      }
    }
    String nav = as("mon.a", get("/participants")).getResponse().getContentAsString();
    assertThat(nav).doesNotContain("href=\"/screening/new\"").contains("mon.a").contains("monitor").contains("A");
  }

  @Test
  void anotherSitesParticipantIsRefusedAndTheRefusalAudited() throws Exception {
    String id = register.participants().register(actor("coord.b"), "B", "B-SEC-1", eligibleRecord("B-SEC-1"))
        .participant().id();
    long before = deniedCount();
    MvcResult r = as("coord.a", get("/participants/" + id));
    assertThat(r.getResponse().getStatus()).isEqualTo(403);
    assertThat(r.getResponse().getContentAsString()).contains("Not allowed").doesNotContain("Exception");
    assertThat(as("coord.a", post("/participants/" + id + "/consent").with(csrf()).param("formVersion", "v1")
        .param("date", "2025-03-11").param("obtainedBy", "x")).getResponse().getStatus()).isEqualTo(403);
    assertThat(deniedCount()).isGreaterThanOrEqualTo(before + 2);
    assertThat(as("coord.b", get("/participants/" + id)).getResponse().getStatus()).isEqualTo(200);
  }

  @Test
  void unknownRecordsAndPagesGiveFriendlyPagesWithoutStackTraces() throws Exception {
    MvcResult r = as("coord.a", get("/participants/no-such-id"));
    assertThat(r.getResponse().getStatus()).isEqualTo(404);
    assertThat(r.getResponse().getContentAsString()).contains("Not found").doesNotContain("at org.");
    HttpResponse<String> anon = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base() + "/css/nothing.css")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anon.statusCode()).isEqualTo(404);
    assertThat(anon.body()).contains("Not found").doesNotContain("Whitelabel").doesNotContain("at org.");
  }

  @Test
  void freeTextIsEscapedOnEveryPageThatShowsIt() throws Exception {
    String evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    String id = register.participants().register(actor("coord.a"), "A", "A-<b>ESC</b>", eligibleRecord("ESC-1"))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent(evil, java.time.LocalDate.now(), evil),
        null);
    for (String page : List.of("/participants/" + id, "/participants", "/screening/log", "/dashboard")) {
      String html = as("coord.a", get(page)).getResponse().getContentAsString();
      assertThat(html).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>ESC");
    }
    assertThat(as("coord.a", get("/participants/" + id)).getResponse().getContentAsString())
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  }

  @Test
  void reportsAndTheirDownloadsAreForTheStatisticianOnlyAndAuditedAsExports() throws Exception {
    for (String page : List.of("/reports", "/reports/consort.svg", "/reports/table1.csv", "/reports/print")) {
      for (String u : List.of("coord.a", "inv.a", "dm.a", "mon.a", "admin")) {
        assertThat(as(u, get(page)).getResponse().getStatus()).as(u + " " + page).isEqualTo(403);
      }
    }
    long before = count(AuditAction.EXPORT);
    MvcResult svg = as("stat", get("/reports/consort.svg"));
    assertThat(svg.getResponse().getStatus()).isEqualTo(200);
    assertThat(svg.getResponse().getContentType()).startsWith("image/svg+xml");
    assertThat(svg.getResponse().getContentAsString()).startsWith("<svg").contains("Assessed for eligibility");
    MvcResult csv = as("stat", get("/reports/table1.csv"));
    // the default trial's comparative results are not released: Table 1 over all randomized, no arm column
    assertThat(csv.getResponse().getContentAsString()).startsWith("characteristic,level,\"All randomized (n=");
    assertThat(as("stat", get("/reports")).getResponse().getContentAsString()).contains("Pooled results")
        .doesNotContain("Hazard ratio");
    assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("table1.csv");
    assertThat(count(AuditAction.EXPORT)).isGreaterThanOrEqualTo(before + 2);
  }

  @Test
  void randomizationNeedsTheInvestigatorsPasswordAndAWrongOneIsAudited() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "A-RND-1", eligibleRecord("A-RND-1"))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id,
        new Consent("v1", java.time.LocalDate.now(), "coord.a"), null);
    assertThat(as("coord.a", post("/participants/" + id + "/randomization").with(csrf()).param("password", PASSWORD))
        .getResponse().getStatus()).isEqualTo(403);
    long before = deniedCount();
    MvcResult wrong = as("inv.a", post("/participants/" + id + "/randomization").with(csrf())
        .param("password", "wrong-password-xx"));
    assertThat(wrong.getResponse().getContentAsString()).contains("the password is not correct");
    assertThat(deniedCount()).isEqualTo(before + 1);
    assertThat(register.participants().history(actor("inv.a"), id).participant().status().name())
        .isEqualTo("CONSENTED");
  }

  @Test
  void aConsentedParticipantWithUnknownEgfrGetsTheResultRecordedOnItsPage() throws Exception {
    String number = "A-GENE-1";
    String id = register.participants().register(actor("coord.a"), "A", number,
        eligibleRecord(number).replace("\"egfr\": \"mutant\"", "\"egfr\": \"unknown\"")).participant().id();
    register.participants().recordConsent(actor("coord.a"), id,
        new Consent("v1", java.time.LocalDate.now(), "coord.a"), null);
    String page = as("coord.a", get("/participants/" + id)).getResponse().getContentAsString();
    assertThat(page).contains("id=\"gene-result\"").contains("Record the EGFR result");
    MvcResult noReason = as("coord.a", post("/participants/" + id + "/gene-result").with(csrf())
        .param("egfr", "wild-type").param("reason", ""));
    assertThat(noReason.getResponse().getContentAsString()).contains("id=\"gene-error\"").contains("reason");
    MvcResult ok = as("coord.a", post("/participants/" + id + "/gene-result").with(csrf())
        .param("egfr", "wild-type").param("reason", "laboratory report of today"));
    assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/participants/" + id + "?geneResult");
    var h = register.participants().history(actor("inv.a"), id);
    assertThat(h.participant().screeningVersion()).isEqualTo(2);
    assertThat(h.screenings().get(1).verdict()).isEqualTo("ELIGIBLE");
    assertThat(as("coord.a", get("/participants/" + id)).getResponse().getContentAsString())
        .doesNotContain("id=\"gene-result\"");
    String randomization = as("inv.a", get("/participants/" + id + "/randomization")).getResponse()
        .getContentAsString();
    assertThat(randomization).contains("Sign and randomize").contains("id=\"signature-meaning\"");
  }

  @Test
  void aPasswordChangeChecksTheCurrentPasswordAndTheNewOnesLength() throws Exception {
    register.users().add(org.oligotrial.server.testing.TestRegisters.admin(), "pw.change",
        org.oligotrial.server.kernel.Role.COORDINATOR, java.util.Set.of("A"), PASSWORD);
    MvcResult wrong = as("pw.change", post("/account/password").with(csrf()).param("current", "not-the-password")
        .param("next", "a-new-password-123").param("repeat", "a-new-password-123"));
    assertThat(wrong.getResponse().getContentAsString()).contains("the current password is not correct")
        .contains("aria-describedby=\"current-error\"");
    MvcResult tooShort = as("pw.change", post("/account/password").with(csrf()).param("current", PASSWORD)
        .param("next", "short").param("repeat", "short"));
    assertThat(tooShort.getResponse().getContentAsString()).contains("at least 12 characters");
    MvcResult ok = as("pw.change", post("/account/password").with(csrf()).param("current", PASSWORD)
        .param("next", "a-new-password-123").param("repeat", "a-new-password-123"));
    assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/login?passwordChanged");
    var account = register.users().find("pw.change").orElseThrow();
    assertThat(register.users().passwordMatches(account, "a-new-password-123")).isTrue();
    assertThat(register.users().passwordMatches(account, PASSWORD)).isFalse();
  }

  private long count(AuditAction action) {
    long[] n = {0};
    register.audit().forEach(e -> {
      if (e.entry().action() == action) {
        n[0]++;
      }
    });
    return n[0];
  }

  private long deniedCount() {
    long[] n = {0};
    register.audit().forEach(e -> {
      if (e.entry().action() == AuditAction.ACCESS_DENIED) {
        n[0]++;
      }
    });
    return n[0];
  }
}
