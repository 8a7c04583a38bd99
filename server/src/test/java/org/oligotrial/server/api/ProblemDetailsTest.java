package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Errors are RFC 9457 problem documents naming the field, with the right status, and never a stack trace. */
class ProblemDetailsTest extends ApiTestBase {
  MockHttpServletResponse send(MockHttpServletRequestBuilder b) throws Exception {
    return mvc.perform(b.with(as("coord.a"))).andReturn().getResponse();
  }

  MockHttpServletResponse postJson(String path, String body) throws Exception {
    return send(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  static void assertProblem(MockHttpServletResponse r, int status, String... contains) throws Exception {
    assertThat(r.getStatus()).isEqualTo(status);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    String body = r.getContentAsString();
    assertThat(body).contains("\"status\":" + status);
    for (String c : contains) {
      assertThat(body).contains(c);
    }
    assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.oligotrial");
  }

  @Test
  void aMissingFieldIs400AndNamesTheField() throws Exception {
    assertProblem(postJson("/api/v1/participants", "{\"siteCode\":\"A\",\"screeningRecord\":{}}"), 400,
        "\"field\":\"screeningNumber\"");
  }

  @Test
  void malformedJsonIs400() throws Exception {
    assertProblem(postJson("/api/v1/participants", "{\"siteCode\": \"A\", "), 400);
  }

  @Test
  void aBadDateIs400AndNamesTheField() throws Exception {
    String id = eligibleAt("A");
    assertProblem(send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .put("/api/v1/participants/" + id + "/consent").contentType(MediaType.APPLICATION_JSON)
        .content("{\"formVersion\":\"v1\",\"date\":\"5 January\",\"obtainedBy\":\"Dr Li\"}")), 400, "date");
  }

  @Test
  void aSiteOutsideOnesOwnIs403AndABadSiteCodeIs422() throws Exception {
    assertProblem(postJson("/api/v1/participants",
        "{\"siteCode\":\"ZZ\",\"screeningNumber\":\"P-1\",\"screeningRecord\":{}}"), 403);
    var admin = mvc.perform(post("/api/v1/sites").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"code\":\"bad code!\",\"name\":\"x\"}")).andReturn().getResponse();
    assertProblem(admin, 422, "\"field\":\"code\"");
  }

  @Test
  void anUnknownTimeZoneIs400NamingTheFieldAndAKnownOneIsKept() throws Exception {
    var bad = mvc.perform(post("/api/v1/sites").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"code\":\"TZ1\",\"name\":\"x\",\"timeZone\":\"Asia/Shanghia\"}")).andReturn().getResponse();
    assertProblem(bad, 400, "\"field\":\"timeZone\"", "not a known IANA time zone");
    var added = mvc.perform(post("/api/v1/sites").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"code\":\"TZ2\",\"name\":\"x\",\"timeZone\":\"Asia/Shanghai\"}")).andReturn().getResponse();
    assertThat(added.getStatus()).isEqualTo(201);
    assertThat(added.getContentAsString()).contains("\"timeZone\":\"Asia/Shanghai\"");
    var offset = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .put("/api/v1/sites/TZ2/time-zone").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"timeZone\":\"+08:00\",\"reason\":\"r\"}")).andReturn().getResponse();
    assertProblem(offset, 400, "\"field\":\"timeZone\"");
    var moved = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .put("/api/v1/sites/TZ2/time-zone").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"timeZone\":\"Europe/Berlin\",\"reason\":\"moved\"}")).andReturn().getResponse();
    assertThat(moved.getStatus()).isEqualTo(200);
    assertThat(moved.getContentAsString()).contains("\"timeZone\":\"Europe/Berlin\"");
    var coordinator = send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .put("/api/v1/sites/TZ2/time-zone").contentType(MediaType.APPLICATION_JSON)
        .content("{\"timeZone\":\"UTC\",\"reason\":\"r\"}"));
    assertProblem(coordinator, 403);
  }

  @Test
  void aScreeningRecordThatIsNotAnObjectIs422() throws Exception {
    assertProblem(postJson("/api/v1/participants",
        "{\"siteCode\":\"A\",\"screeningNumber\":\"P-2\",\"screeningRecord\":[1,2]}"), 422,
        "\"field\":\"screeningRecord\"");
  }

  @Test
  void anIllegalTransitionIs409AndAMissingReasonIs400() throws Exception {
    String id = eligibleAt("A");
    assertProblem(postJson("/api/v1/participants/" + id + "/status",
        "{\"status\":\"COMPLETED\",\"reason\":\"done\"}"), 409, "ELIGIBLE to COMPLETED");
    assertProblem(postJson("/api/v1/participants/" + id + "/status", "{\"status\":\"DIED\"}"), 400,
        "\"field\":\"reason\"");
    assertProblem(postJson("/api/v1/participants/" + id + "/status", "{\"status\":\"ASLEEP\",\"reason\":\"r\"}"),
        422, "\"field\":\"status\"");
  }

  @Test
  void anUnknownParticipantIs404AndBadPagingIs400() throws Exception {
    // paging parameters are the request's, not a record's content: out of range is a bad request naming them
    assertProblem(send(get("/api/v1/participants/nope")), 404);
    assertProblem(send(get("/api/v1/participants").param("size", "100000")), 400, "\"field\":\"size\"");
    assertProblem(send(get("/api/v1/participants").param("page", "-1")), 400, "\"field\":\"page\"");
    assertProblem(send(get("/api/v1/participants").param("page", "abc")), 400);
  }

  @Test
  void theOpenApiDocumentDescribesTheApiWithoutLogin() throws Exception {
    var r = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("/api/v1/participants").contains("/api/v1/participants/{id}/audit")
        .contains("/api/v1/participants/{id}/consent");
  }

  @Test
  void aBearerTokenWorksAndAnUnknownOneIs401() throws Exception {
    String body = postJson("/api/v1/tokens", "{\"label\":\"script\"}").getContentAsString();
    String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    var me = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse();
    assertThat(me.getContentAsString()).contains("\"username\":\"coord.a\"");
    var bad = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer olt_nope")).andReturn().getResponse();
    assertProblem(bad, 401);
  }
}
