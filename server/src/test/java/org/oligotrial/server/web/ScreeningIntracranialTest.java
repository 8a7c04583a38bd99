package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.oligotrial.server.web.screening.ScreeningForm;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;

/**
 * The explicit "intracranial metastasis" question and the coded metastasis sites on the web screening form and the
 * screening API: the example record (a brain metastasis) answered "no" is refused with both fields named, at the
 * question on the web and as a problem naming the field in the API; "yes" is accepted.
 */
class ScreeningIntracranialTest extends WebTestBase {
  private MultiValueMap<String, String> form(String number, String intracranial) {
    MultiValueMap<String, String> p = ScreeningForm.fromJson(org.oligotrial.protocol.ProtocolLoader.bundled().record(), eligibleRecord(number));
    p.set("intracranial", intracranial);
    p.set("site", "A");
    return p;
  }

  private org.springframework.test.web.servlet.request.RequestPostProcessor coord() {
    return user("coord.a").password(PASSWORD).roles("COORDINATOR");
  }

  @Test
  void theWebFormAsksTheQuestionAndOffersTheCodedSites() throws Exception {
    String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .get("/screening/new").with(coord()))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"intracranial\"").contains("Intracranial metastasis")
        .contains("<option value=\"leptomeninges\"").contains("id=\"metText0\"");
    // the example record's answers come back on the form
    MultiValueMap<String, String> p = ScreeningForm.fromJson(org.oligotrial.protocol.ProtocolLoader.bundled().record(), eligibleRecord("X"));
    assertThat(p.getFirst("intracranial")).isEqualTo("yes");
    assertThat(p.getFirst("metSite1")).isEqualTo("brain");
  }

  @Test
  void aBrainSiteAnsweredNoIsRefusedOnTheWebNamingBothFields() throws Exception {
    String html = mvc.perform(post("/screening/check").with(csrf()).with(coord())
            .params(form("A-IC-1", "no")))
        .andReturn().getResponse().getContentAsString();
    // the live result links the message to the question
    // the protocol's record check RC1 names the answer and the coded sites that contradict it, by their labels
    // (the message's intracranialMetastasis = false as the protocol file's label and a yes/no answer)
    assertThat(html).contains("intracranial metastasis = no").doesNotContain("intracranialMetastasis = false")
        .contains("includes one of brain, leptomeninges")
        .contains("href=\"#intracranial\"").doesNotContain("at org.");
    // saving is refused at the question, nothing stored
    String saved = mvc.perform(post("/screening").with(csrf()).with(coord()).params(form("A-IC-1", "no")))
        .andReturn().getResponse().getContentAsString();
    assertThat(saved).contains("Not saved").contains("aria-describedby=\"intracranial-error\"")
        .contains("intracranial metastasis = no");
    assertThat(register.participants().histories(actor("coord.a"), "A"))
        .noneMatch(h -> h.participant().screeningNumber().equals("A-IC-1"));
    String ok = mvc.perform(post("/screening/check").with(csrf()).with(coord())
            .params(form("A-IC-2", "yes")))
        .andReturn().getResponse().getContentAsString();
    assertThat(ok).doesNotContain("intracranial-error");
  }

  @Test
  void aBrainSiteAnsweredNoIsRefusedByTheApiNamingBothFields() throws Exception {
    String record = eligibleRecord("A-IC-3").replace("\"intracranialMetastasis\": true",
        "\"intracranialMetastasis\": false");
    assertThat(record).contains("\"intracranialMetastasis\": false");
    String body = "{\"siteCode\":\"A\",\"screeningNumber\":\"A-IC-3\",\"screeningRecord\":" + record + "}";
    mvc.perform(post("/api/v1/participants").with(httpBasic("coord.a", PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.field").value("screeningRecord.intracranialMetastasis"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("includes one of brain, leptomeninges")));
    // a free-text site is no longer read as "no intracranial metastasis": it must be coded
    String cerebellum = eligibleRecord("A-IC-4").replace("\"site\": \"brain\"", "\"site\": \"cerebellum\"");
    mvc.perform(post("/api/v1/participants").with(httpBasic("coord.a", PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"siteCode\":\"A\",\"screeningNumber\":\"A-IC-4\",\"screeningRecord\":" + cerebellum + "}"))
        .andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.field").value("screeningRecord.metastases[1].site"));
  }
}
