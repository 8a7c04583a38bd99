package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The trial dimension of the authorization matrix: every role held on trial A (the default trial, NCT03119519)
 * against every endpoint of trial B (NCT01446744, {@code protocols/nct01446744.yaml}) is refused. The endpoints are
 * not listed by hand: they are every handler mapping the application registers (web pages under {@code /trials/B},
 * API calls under {@code /api/v1/trials/B}), with every HTTP method each accepts, so a new endpoint is in the matrix
 * the day it is added. Expected, from the rule in docs/server.md ('URLs by trial'): 404, the same answer as for a
 * trial the server does not hold, and one {@code ACCESS_DENIED} row about the trial per refused request (so the 404
 * is the refusal, not a path that matched no handler). Controls: the same user reaches trial A both by its prefix and
 * by the old single-trial path (alias), and a member of trial B reaches B but not A's participant through B's paths.
 */
class TrialAuthorizationMatrixTest extends ApiTestBase {
  static final String B = "NCT01446744";
  /** Every fixture user except the administrator, whose role is server-wide (every trial). */
  static final List<String> ROLES_ON_A = List.of("inv.a", "coord.a", "dm.a", "mon.a", "stat", "coord.b");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @BeforeEach
  void secondTrial() throws Exception {
    synchronized (TrialAuthorizationMatrixTest.class) {
      if (register.trials().find(B).isEmpty()) {
        var admin = TestRegisters.admin();
        register.trials().add(admin, Files.readString(Path.of("..", "protocols", "nct01446744.yaml")),
            "nct01446744.yaml", false);
        register.trials().enrolSite(admin, B, "A");
        register.users().add(admin, "coord.sabr", Role.COORDINATOR, Set.of("A"), PASSWORD, null, B);
      }
    }
  }

  /** One request: method and path of trial B's form of a registered mapping. */
  record Call(HttpMethod method, String path) {}

  /** Every registered endpoint as trial B's path, path variables filled with a value of the right shape. */
  List<Call> trialBCalls() {
    TreeSet<String> seen = new TreeSet<>();
    List<Call> calls = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        String filled = pattern.replaceAll("\\{[^}:]+:[^}]*\\}", "1").replaceAll("\\{\\*?[^}]+\\}", "x1");
        String path = filled.startsWith("/api/v1/") ? "/api/v1/trials/" + B + filled.substring("/api/v1".length())
            : "/trials/" + B + filled;
        for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          if (seen.add(m + " " + path)) {
            calls.add(new Call(m.asHttpMethod(), path));
          }
        }
      }
    });
    return calls;
  }

  @Test
  void everyRoleOnTrialAIsRefusedEveryEndpointOfTrialBAsNotFoundAndTheRefusalIsRecorded() throws Exception {
    List<Call> calls = trialBCalls();
    // the API and the web pages are both in the matrix
    assertThat(calls).anyMatch(c -> c.path().startsWith("/api/v1/trials/" + B + "/participants"));
    assertThat(calls).anyMatch(c -> c.path().equals("/trials/" + B + "/dashboard"));
    // the ODM import and the exports page with its zip
    assertThat(calls).contains(new Call(HttpMethod.POST, "/api/v1/trials/" + B + "/odm"),
        new Call(HttpMethod.GET, "/trials/" + B + "/exports"),
        new Call(HttpMethod.GET, "/trials/" + B + "/exports/statistics.zip"));
    assertThat(calls.size()).isGreaterThan(40);
    List<String> wrong = new ArrayList<>();
    for (String u : ROLES_ON_A) {
      for (Call c : calls) {
        int before = denials(u);
        var r = request(c.method(), c.path()).with(csrf());
        int status = mvc.perform(c.path().startsWith("/api/") ? r.with(as(u)) : r.with(user(u))).andReturn()
            .getResponse().getStatus();
        if (status != 404) {
          wrong.add(c + " as " + u + ": got " + status + ", expected 404");
        } else if (denials(u) != before + 1) {
          wrong.add(c + " as " + u + ": refusal not recorded (no handler matched?)");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theTrialPrefixAndTheOldPathReachTheSameTrialAndAMemberOfBReachesOnlyB() throws Exception {
    String idA = eligibleAt("A");
    // trial A by its prefix and by the alias: the same participant
    assertThat(status(get("/api/v1/trials/NCT03119519/participants/" + idA), "coord.a")).isEqualTo(200);
    assertThat(status(get("/api/v1/participants/" + idA), "coord.a")).isEqualTo(200);
    assertThat(mvc.perform(get("/trials/NCT03119519/participants/" + idA).with(user("coord.a"))).andReturn()
        .getResponse().getStatus()).isEqualTo(200);
    // a member of B: B's list yes, A's participant through B's path is not found, A's own paths refused
    assertThat(status(get("/api/v1/trials/" + B + "/participants").param("site", "A"), "coord.sabr"))
        .isEqualTo(200);
    assertThat(status(get("/api/v1/trials/" + B + "/participants/" + idA), "coord.sabr")).isEqualTo(404);
    assertThat(status(get("/api/v1/trials/NCT03119519/participants/" + idA), "coord.sabr")).isEqualTo(404);
    // a trial the server does not hold answers the same as one the user may not see
    assertThat(status(get("/api/v1/trials/NCT00000000/participants/" + idA), "coord.a")).isEqualTo(404);
  }

  private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r, String u)
      throws Exception {
    return mvc.perform(r.with(as(u))).andReturn().getResponse().getStatus();
  }

  private int denials(String user) {
    return (int) register.audit().forRecord("trial", B).stream()
        .filter(e -> e.entry().action() == AuditAction.ACCESS_DENIED && e.entry().actor().equals(user)).count();
  }
}
