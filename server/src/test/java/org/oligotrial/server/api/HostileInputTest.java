package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile strings (SQL injection, script tags, template and format strings, right-to-left and combining Unicode,
 * astral characters, very long text) go through every text field of the API and come back verbatim (identifiers in
 * Unicode NFKC), as JSON (never HTML), without harming the database or the audit chain. Text that is not acceptable
 * at all (lone surrogates, bidirectional overrides, controls) is refused: see {@code InputHygieneTest}.
 */
class HostileInputTest extends ApiTestBase {
  static final JsonMapper JSON = JsonMapper.builder().build();

  static final List<String> HOSTILE = List.of(
      "Robert'); DROP TABLE participant;--",
      "\" OR '1'='1' --",
      "<script>alert(document.cookie)</script>",
      "<img src=x onerror=alert(1)>",
      "${jndi:ldap://example.invalid/a} {{7*7}} %s%n%x",
      "Zo\u00eb \u4e2d\u6587 \ud83d\ude00 e\u0301 \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
      "back\\slash 'quote' \"double\" \u00a0nbsp",
      "x".repeat(3990) + "<b>end</b>");

  static String fit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  MockHttpServletResponse send(MockHttpServletRequestBuilder b, Object body) throws Exception {
    return mvc.perform(b.with(as("coord.a")).contentType(MediaType.APPLICATION_JSON)
        .content(JSON.writeValueAsString(body))).andReturn().getResponse();
  }

  JsonNode read(MockHttpServletResponse r) throws Exception {
    assertThat(r.getContentType()).startsWith("application/json");
    assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    return JSON.readTree(r.getContentAsString());
  }

  @Test
  void everyTextFieldStoresAndReturnsHostileTextVerbatim() throws Exception {
    int i = 0;
    for (String h : HOSTILE) {
      i++;
      String number = fit(i + h, 64);
      var created = send(post("/api/v1/participants"), Map.of("siteCode", "A", "screeningNumber", number,
          "screeningRecord", Map.of("testVerdict", "ELIGIBLE", "note", h)));
      assertThat(created.getStatus()).as(h).isEqualTo(201);
      String id = read(created).get("id").asString();
      Map<String, String> consent = Map.of("formVersion", fit(h, 64), "date", "2026-01-05",
          "obtainedBy", fit(h, 200), "reason", h);
      assertThat(send(put("/api/v1/participants/" + id + "/consent"), consent).getStatus()).as(h).isEqualTo(200);
      var status = send(post("/api/v1/participants/" + id + "/status"), Map.of("status", "WITHDRAWN", "reason", h,
          "withdrawal", Map.of("date", "2026-01-06", "reason", h, "followUpAllowed", false)));
      assertThat(status.getStatus()).as(h).isEqualTo(200);

      JsonNode p = read(mvc.perform(get("/api/v1/participants/" + id).with(as("coord.a"))).andReturn()
          .getResponse());
      // an identifier is stored in NFKC with runs of spaces as one (Identifiers.clean): e + U+0301 is U+00E9,
      // U+00A0 NO-BREAK SPACE a space
      assertThat(p.get("screeningNumber").asString()).isEqualTo(
          Normalizer.normalize(number, Normalizer.Form.NFKC).replace("\u00a0", " ").replaceAll(" +", " ").strip());
      assertThat(p.get("screenings").get(0).get("screeningRecord").get("note").asString()).isEqualTo(h);
      assertThat(p.get("consent").get("formVersion").asString()).isEqualTo(fit(h, 64));
      assertThat(p.get("consent").get("obtainedBy").asString()).isEqualTo(fit(h, 200));
      assertThat(p.get("withdrawal").get("reason").asString()).isEqualTo(h);
      assertThat(p.get("statusHistory").get(2).get("reason").asString()).isEqualTo(h);

      JsonNode audit = read(mvc.perform(get("/api/v1/participants/" + id + "/audit").with(as("coord.a")))
          .andReturn().getResponse());
      boolean found = false;
      for (JsonNode e : audit) {
        found |= "consent.obtainedBy".equals(e.path("field").asString(""))
            && fit(h, 200).equals(e.get("newValue").asString());
      }
      assertThat(found).as("audit holds the hostile value verbatim").isTrue();

      var token = send(post("/api/v1/tokens"), Map.of("label", fit(h, 200)));
      assertThat(token.getStatus()).isEqualTo(201);
      var list = mvc.perform(get("/api/v1/participants").param("site", h).with(as("coord.a"))).andReturn()
          .getResponse();
      assertThat(list.getStatus()).isEqualTo(403);
    }
    assertThat(register.sites().list()).extracting(s -> s.code()).contains("A", "B");
    assertThat(register.verifier().verify().intact()).isTrue();
  }

  @Test
  void textBeyondTheLimitOrWithNulIsRefusedNotStored() throws Exception {
    String id = eligibleAt("A");
    long before = register.jdbc().sql("SELECT COUNT(*) FROM participant").query(Long.class).single();
    var tooLong = send(post("/api/v1/participants/" + id + "/status"), Map.of("status", "DIED",
        "reason", "x".repeat(4001)));
    assertThat(tooLong.getStatus()).isEqualTo(400);
    assertThat(tooLong.getContentAsString()).contains("\"field\":\"reason\"");
    var nul = send(post("/api/v1/participants"), Map.of("siteCode", "A", "screeningNumber", "N\u0000UL",
        "screeningRecord", Map.of("testVerdict", "ELIGIBLE")));
    assertThat(nul.getStatus()).isEqualTo(400);
    assertThat(nul.getContentAsString()).contains("\"field\":\"screeningNumber\"").contains("control character");
    assertThat(register.jdbc().sql("SELECT COUNT(*) FROM participant").query(Long.class).single())
        .isEqualTo(before);
  }
}
