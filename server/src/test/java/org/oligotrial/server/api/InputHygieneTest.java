package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The holes of issue 16 that were seen in attacks on the running server, each closed: a lone surrogate stored and
 * every later read a 500; bidirectional overrides and controls in text; identifiers that differ only in case, width,
 * spaces, dash style or an invisible character; a zero-width space as a reason; and the loose JSON binding (unknown
 * fields, duplicate keys, wrong types, {@code 1e400}, deep nesting). Each refusal is a 400 naming the field, with
 * nothing stored.
 */
class InputHygieneTest extends ApiTestBase {
  MockHttpServletResponse send(String user, MockHttpServletRequestBuilder b, String json) throws Exception {
    return mvc.perform(b.with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn()
        .getResponse();
  }

  long participants() {
    return register.jdbc().sql("SELECT COUNT(*) FROM participant").query(Long.class).single();
  }

  static void refused(MockHttpServletResponse r, int status, String field, String why) throws Exception {
    String body = r.getContentAsString();
    assertThat(r.getStatus()).as(body).isEqualTo(status);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(body).contains("\"field\":\"" + field + "\"");
    }
    assertThat(body).contains(why).doesNotContain("Exception").doesNotContain("\tat ");
  }

  static String registration(String number, String note) {
    return "{\"siteCode\":\"A\",\"screeningNumber\":\"" + number + "\",\"screeningRecord\":{\"testVerdict\":"
        + "\"ELIGIBLE\",\"note\":\"" + note + "\"}}";
  }

  @Test
  void aLoneSurrogateAnywhereIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    long before = participants();
    // JSON escapes, as an attacker sends them: the body itself is valid UTF-8
    refused(send("coord.a", post("/api/v1/participants"), registration("SUR-1\\ud800", "x")), 400,
        "screeningNumber", "lone UTF-16 surrogate");
    refused(send("coord.a", post("/api/v1/participants"), registration("SUR-2", "a\\udc00")), 400,
        "screeningRecord.note", "lone UTF-16 surrogate");
    refused(send("coord.a", post("/api/v1/participants"), "{\"siteCode\":\"A\",\"screeningNumber\":\"SUR-3\","
        + "\"screeningRecord\":{\"testVerdict\":\"ELIGIBLE\",\"labs\":[{\"x\":1},{\"\\ud800\":2}]}}"), 400,
        "screeningRecord.labs[1]", ""); // a property name: the parser refuses it as it reads
    assertThat(participants()).isEqualTo(before);
    String id = eligibleAt("A");
    refused(send("coord.a", post("/api/v1/participants/" + id + "/status"),
        "{\"status\":\"WITHDRAWN\",\"reason\":\"ok\",\"withdrawal\":{\"date\":\"2026-01-06\",\"reason\":\"\\udbff\","
            + "\"followUpAllowed\":true}}"), 400, "withdrawal.reason", "lone UTF-16 surrogate");
    // the participant still reads (the hole: every later read was a 500)
    assertThat(mvc.perform(get("/api/v1/participants/" + id).with(as("coord.a"))).andReturn().getResponse()
        .getStatus()).isEqualTo(200);
  }

  @Test
  void bidirectionalOverridesAndControlsAreRefusedButLineBreaksInNarrativesAreNot() throws Exception {
    String id = eligibleAt("A");
    refused(send("coord.a", put("/api/v1/participants/" + id + "/consent"),
        "{\"formVersion\":\"v1\",\"date\":\"2026-01-05\",\"obtainedBy\":\"Dr \\u202eiL\"}"), 400, "obtainedBy",
        "bidirectional");
    refused(send("coord.a", put("/api/v1/participants/" + id + "/consent"),
        "{\"formVersion\":\"v1\\nv2\",\"date\":\"2026-01-05\",\"obtainedBy\":\"Dr Li\"}"), 400, "formVersion",
        "control character (U+000A)");
    refused(send("coord.a", post("/api/v1/tokens"), "{\"label\":\"a\\u0007bell\"}"), 400, "label",
        "control character");
    refused(send("coord.a", post("/api/v1/participants/" + id + "/status"),
        "{\"status\":\"DIED\",\"reason\":\"x\\u2066y\"}"), 400, "reason", "bidirectional");
    refused(send("coord.a", post("/api/v1/participants/" + id + "/status"),
        "{\"status\":\"DIED\",\"reason\":\"x\\u0000y\"}"), 400, "reason", "control character (U+0000)");
    var ok = send("coord.a", post("/api/v1/participants/" + id + "/status"),
        "{\"status\":\"DIED\",\"reason\":\"found at home\\n\\tby the GP\"}");
    assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
  }

  @Test
  void theIssuesFiveSpellingsAreOneScreeningNumber() throws Exception {
    assertThat(send("coord.a", post("/api/v1/participants"), registration("DEMO9-001", "first")).getStatus())
        .isEqualTo(201);
    long before = participants();
    for (String same : List.of(" DEMO9-001", "demo9-001", "DEMO9\\u2010001", "\\uff24EMO9-001\\u3000")) {
      refused(send("coord.a", post("/api/v1/participants"), registration(same, "again")), 409, "screeningNumber",
          "exists");
    }
    refused(send("coord.a", post("/api/v1/participants"), registration("DEMO9-001\\u200b", "again")), 400,
        "screeningNumber", "invisible character (U+200B)");
    assertThat(participants()).isEqualTo(before);
    // the form that is stored: trimmed, NFKC, dashes as '-'; case as typed
    var created = send("coord.a", post("/api/v1/participants"), registration("  demo9\\u2013002 ", "x"));
    assertThat(created.getContentAsString()).contains("\"screeningNumber\":\"demo9-002\"");
  }

  @Test
  void siteCodesCompareTheSameWay() throws Exception {
    refused(send("admin", post("/api/v1/sites"), "{\"code\":\"a\",\"name\":\"Site A again\"}"), 409, "code",
        "site A exists");
    refused(send("admin", post("/api/v1/sites"), "{\"code\":\"\\uff21\",\"name\":\"Full-width A\"}"), 409, "code",
        "exists");
    refused(send("admin", post("/api/v1/sites"), "{\"code\":\"A\\u200b\",\"name\":\"x\"}"), 400, "code",
        "invisible");
    var lower = send("coord.a", post("/api/v1/participants"), "{\"siteCode\":\" a\",\"screeningNumber\":\"SITE-"
        + System.nanoTime() + "\",\"screeningRecord\":{\"testVerdict\":\"ELIGIBLE\"}}");
    assertThat(lower.getStatus()).as(lower.getContentAsString()).isEqualTo(201);
    assertThat(lower.getContentAsString()).contains("\"siteCode\":\"A\"");
    // and the site boundary holds whatever the spelling
    refused(send("coord.b", post("/api/v1/participants"), "{\"siteCode\":\"a\",\"screeningNumber\":\"SITE-X"
        + System.nanoTime() + "\",\"screeningRecord\":{\"testVerdict\":\"ELIGIBLE\"}}"), 403, null, "");
  }

  @Test
  void aReasonOrQueryTextOfInvisibleCharactersOnlyIsNoReason() throws Exception {
    String id = eligibleAt("A");
    refused(send("coord.a", post("/api/v1/participants/" + id + "/screenings"),
        "{\"screeningRecord\":{\"testVerdict\":\"ELIGIBLE\"},\"reason\":\"\\u200b\"}"), 422, "reason",
        "visible character");
    refused(send("coord.a", post("/api/v1/participants/" + id + "/status"),
        "{\"status\":\"DIED\",\"reason\":\"\\u200b\\u00a0\\u2060\"}"), 422, "reason", "visible character");
    refused(send("coord.a", post("/api/v1/participants/" + id + "/randomization/deviations"),
        "{\"note\":\"\\ufeff\"}"), 422, "note", "visible character");
  }

  @Test
  void anAcceptTheOperationCannotAnswerIs406BeforeAnythingChanges() throws Exception {
    // found by ApiFuzzTest: the consent was recorded, then writing the answer as text/html failed with 406
    String id = eligibleAt("A");
    var r = mvc.perform(put("/api/v1/participants/" + id + "/consent").with(as("coord.a"))
        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML)
        .content("{\"formVersion\":\"v1\",\"date\":\"2026-01-05\",\"obtainedBy\":\"Dr Li\"}")).andReturn()
        .getResponse();
    assertThat(r.getStatus()).isEqualTo(406);
    assertThat(register.participants().history(actor("coord.a"), id).participant().status().name())
        .isEqualTo("ELIGIBLE");
    var csv = mvc.perform(get("/api/v1/randomization/allocations").with(as("stat")).header("Accept", "text/csv"))
        .andReturn().getResponse();
    assertThat(csv.getStatus()).isEqualTo(200);
    assertThat(csv.getContentType()).startsWith("text/csv");
  }

  @Test
  void strictBindingRefusesWhatJacksonWouldOtherwiseGuess() throws Exception {
    long before = participants();
    String ok = "\"siteCode\":\"A\",\"screeningRecord\":{\"testVerdict\":\"ELIGIBLE\"}";
    refused(send("coord.a", post("/api/v1/participants"), "{" + ok + ",\"screeningNumber\":\"S-1\",\"admin\":true}"),
        400, "admin", "not a field of this request");
    refused(send("coord.a", post("/api/v1/participants"), "{" + ok + ",\"screeningNumber\":\"S-2\","
        + "\"screeningNumber\":\"S-3\"}"), 400, "screeningNumber", "appears twice");
    refused(send("coord.a", post("/api/v1/participants"), "{\"siteCode\":\"A\",\"screeningNumber\":\"S-4\","
        + "\"screeningRecord\":{\"testVerdict\":\"ELIGIBLE\",\"age\":60,\"age\":61}}"), 400, "screeningRecord.age",
        "appears twice");
    refused(send("coord.a", post("/api/v1/participants"), "{" + ok + ",\"screeningNumber\":1234}"), 400,
        "screeningNumber", "must be text");
    refused(send("coord.a", post("/api/v1/tokens"), "{\"label\":\"t\",\"validDays\":1.5}"), 400, "validDays",
        "whole number");
    refused(send("coord.a", post("/api/v1/tokens"), "{\"label\":\"t\",\"validDays\":\"30\"}"), 400, "validDays",
        "whole number");
    refused(send("coord.a", post("/api/v1/tokens"), "{\"label\":true}"), 400, "label", "must be text");
    refused(send("coord.a", post("/api/v1/participants"), "{\"siteCode\":\"A\",\"screeningNumber\":\"S-5\","
        + "\"screeningRecord\":{\"testVerdict\":\"ELIGIBLE\",\"weight\":1e400}}"), 400, "screeningRecord.weight",
        "not a finite number");
    String deep = "[".repeat(5000) + "]".repeat(5000);
    refused(send("coord.a", post("/api/v1/participants"), "{" + ok.replace("{\"testVerdict\":\"ELIGIBLE\"}",
        "{\"x\":" + deep + "}") + ",\"screeningNumber\":\"S-6\"}"), 400, null, "exceeds a limit");
    refused(send("coord.a", post("/api/v1/participants"), "{" + ok + ",\"screeningNumber\":\"S-7\"} trailing"),
        400, null, "not valid JSON");
    String id = eligibleAt("A");
    refused(send("coord.a", post("/api/v1/participants/" + id + "/status"),
        "{\"status\":\"WITHDRAWN\",\"reason\":\"r\",\"withdrawal\":{\"date\":\"2026-01-06\",\"reason\":\"m\","
            + "\"followUpAllowed\":1}}"), 400, "withdrawal.followUpAllowed", "true or false");
    refused(send("coord.a", put("/api/v1/participants/" + id + "/consent"),
        "{\"formVersion\":\"v1\",\"date\":20260105,\"obtainedBy\":\"Dr Li\"}"), 400, "date", "date");
    refused(send("coord.a", put("/api/v1/participants/" + id + "/consent"),
        "{\"formVersion\":\"v1\",\"date\":\"2026-02-30\",\"obtainedBy\":\"Dr Li\"}"), 400, "date", "date");
    assertThat(participants()).isEqualTo(before + 1);
  }
}
