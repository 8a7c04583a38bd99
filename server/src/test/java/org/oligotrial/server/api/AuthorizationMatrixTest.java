package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every role against every endpoint, on both sides of the site boundary (a participant at site A and one at site B),
 * and anonymous. The expected outcome is written from the access rules, independently of {@code AccessPolicy}:
 * site staff (investigator, coordinator, data manager) read and write their own site; monitors read their own site;
 * administrators and statisticians read every site; statisticians export; administrators add sites and, with
 * monitors, verify the audit chain. Each refusal on a participant is itself audited.
 */
class AuthorizationMatrixTest extends ApiTestBase {
  static final List<String> USERS = List.of("admin", "inv.a", "coord.a", "dm.a", "mon.a", "stat", "coord.b");

  static boolean writes(String user, String site) {
    return site.equals("A") ? Set.of("inv.a", "coord.a", "dm.a").contains(user) : user.equals("coord.b");
  }

  static boolean reads(String user, String site) {
    return writes(user, site) || Set.of("admin", "stat").contains(user) || (site.equals("A") && user.equals("mon.a"));
  }

  record Endpoint(String name, Function<String, MockHttpServletRequestBuilder> request,
      BiPredicate<String, String> allowed, boolean participantScoped) {}

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
    return b.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  List<Endpoint> endpoints(String site) {
    return List.of(
        new Endpoint("register participant", id -> json(post("/api/v1/participants"),
            "{\"siteCode\":\"" + site + "\",\"screeningNumber\":\"M-" + java.util.UUID.randomUUID()
                + "\",\"screeningRecord\":{\"testVerdict\":\"ELIGIBLE\"}}"), AuthorizationMatrixTest::writes, false),
        new Endpoint("read participant", id -> get("/api/v1/participants/" + id), AuthorizationMatrixTest::reads, true),
        new Endpoint("list site", id -> get("/api/v1/participants").param("site", site),
            AuthorizationMatrixTest::reads, false),
        new Endpoint("re-screen", id -> json(post("/api/v1/participants/" + id + "/screenings"),
            "{\"screeningRecord\":{\"testVerdict\":\"ELIGIBLE\"},\"reason\":\"lab repeated\"}"),
            AuthorizationMatrixTest::writes, true),
        new Endpoint("consent", id -> json(put("/api/v1/participants/" + id + "/consent"),
            "{\"formVersion\":\"v1\",\"date\":\"2026-01-05\",\"obtainedBy\":\"Dr Li\"}"),
            AuthorizationMatrixTest::writes, true),
        new Endpoint("status", id -> json(post("/api/v1/participants/" + id + "/status"),
            "{\"status\":\"WITHDRAWN\",\"reason\":\"request\",\"withdrawal\":{\"date\":\"2026-01-06\","
                + "\"reason\":\"moved\",\"followUpAllowed\":true}}"), AuthorizationMatrixTest::writes, true),
        new Endpoint("audit trail", id -> get("/api/v1/participants/" + id + "/audit"),
            AuthorizationMatrixTest::reads, true),
        new Endpoint("export", id -> get("/api/v1/export/participants"), (u, s) -> u.equals("stat"), false),
        new Endpoint("add site", id -> json(post("/api/v1/sites"),
            "{\"code\":\"S" + Math.abs(id.hashCode() % 100000) + site + "\",\"name\":\"New\"}"),
            (u, s) -> u.equals("admin"), false),
        new Endpoint("verify audit", id -> get("/api/v1/audit/verify"),
            (u, s) -> u.equals("admin") || u.equals("mon.a"), false),
        new Endpoint("me", id -> get("/api/v1/me"), (u, s) -> true, false),
        new Endpoint("sites", id -> get("/api/v1/sites"), (u, s) -> true, false),
        new Endpoint("token", id -> json(post("/api/v1/tokens"), "{\"label\":\"matrix\"}"), (u, s) -> true, false),
        new Endpoint("own tokens", id -> get("/api/v1/tokens"), (u, s) -> true, false));
  }

  @Test
  void everyRoleGetsExactlyTheAccessTheRulesGiveOnBothSidesOfTheSiteBoundary() throws Exception {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String site : List.of("A", "B")) {
      for (String user : USERS) {
        for (Endpoint e : endpoints(site)) {
          String id = eligibleAt(site);
          int status = mvc.perform(e.request().apply(id).with(as(user))).andReturn().getResponse().getStatus();
          boolean allowed = e.allowed().test(user, site);
          boolean ok = allowed ? status >= 200 && status < 300 : status == 403;
          if (!ok) {
            wrong.add(e.name() + " at site " + site + " as " + user + ": got " + status + ", expected "
                + (allowed ? "2xx" : "403"));
          }
          if (!allowed && e.participantScoped()) {
            List<AuditEvent> trail = register.audit().forRecord("participant", id);
            AuditEvent last = trail.get(trail.size() - 1);
            if (last.entry().action() != AuditAction.ACCESS_DENIED || !last.entry().actor().equals(user)) {
              wrong.add(e.name() + " at site " + site + " as " + user + ": refusal not audited");
            }
          }
          checked++;
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isEqualTo(2 * USERS.size() * 14);
  }

  @Test
  void anonymousAndWrongPasswordAreUnauthorizedEverywhere() throws Exception {
    String id = eligibleAt("A");
    for (Endpoint e : endpoints("A")) {
      assertThat(mvc.perform(e.request().apply(id)).andReturn().getResponse().getStatus()).as(e.name())
          .isEqualTo(401);
    }
    var res = mvc.perform(get("/api/v1/me").with(org.springframework.security.test.web.servlet.request
        .SecurityMockMvcRequestPostProcessors.httpBasic("coord.a", "wrong password"))).andReturn().getResponse();
    assertThat(res.getStatus()).isEqualTo(401);
    assertThat(res.getContentType()).startsWith("application/problem+json");
  }
}
