package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The serious adverse event report is started from its adverse-event form: the page of a serious adverse event links
 * to a new report whose link to the event (the form id nobody should have to copy by hand), term, grade, onset (the
 * event's start, the report's date field), relations, action and outcome are filled from the event; a non-serious
 * event has no such link, and a form of another participant cannot start a report. The form page names its
 * participant in the heading.
 */
class SaeReportFromEventTest extends WebTestBase {
  @Autowired RandomizationService randomization;

  private String randomized(String number) {
    String id = register.participants().register(actor("coord.a"), "A", number, eligibleRecord(number))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", LocalDate.now(), "coord.a"), null);
    randomization.randomize(actor("inv.a"), id, null);
    return id;
  }

  private MockHttpServletRequestBuilder coord(MockHttpServletRequestBuilder r) {
    return r.with(user("coord.a").password(PASSWORD).roles("COORDINATOR"));
  }

  private String event(String pid, boolean serious) throws Exception {
    var r = post("/participants/" + pid + "/forms").with(csrf()).param("type", "adverse-event")
        .param("v.term", "Pneumonitis").param("v.grade", "3").param("v.startDate", LocalDate.now().toString())
        .param("v.relatedToSystemicTherapy", "possible").param("v.relatedToRadiotherapy", "probable")
        .param("v.actionTaken", "interrupted").param("v.outcome", "recovering");
    if (serious) {
      r.param("v.serious", "true");
    }
    String location = mvc.perform(coord(r)).andReturn().getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/forms/");
    return location.substring("/forms/".length(), location.indexOf('?'));
  }

  @Test
  void aSeriousEventStartsItsReportWithItsValues() throws Exception {
    String pid = randomized("A-SAEF-1");
    String ae = event(pid, true);
    String page = mvc.perform(coord(get("/forms/" + ae))).andReturn().getResponse().getContentAsString();
    String link = "/participants/" + pid + "/forms/new?type=sae-report&amp;from=" + ae;
    assertThat(page).contains("id=\"write-sae-report\"").contains(link);

    String report = mvc.perform(coord(get("/participants/" + pid + "/forms/new").param("type", "sae-report")
            .param("from", ae)))
        .andReturn().getResponse().getContentAsString();
    assertThat(report).contains("value=\"" + ae + "\"").contains("value=\"Pneumonitis\"")
        .contains("value=\"" + LocalDate.now() + "\"")
        .containsPattern("<option value=\"3\"[^>]*selected")
        .containsPattern("<option value=\"interrupted\"[^>]*selected")
        .containsPattern("<option value=\"probable\"[^>]*selected");

    String plain = event(pid, false);
    assertThat(mvc.perform(coord(get("/forms/" + plain))).andReturn().getResponse().getContentAsString())
        .doesNotContain("write-sae-report");

    String other = event(randomized("A-SAEF-2"), true);
    var refused = mvc.perform(coord(get("/participants/" + pid + "/forms/new").param("type", "sae-report")
        .param("from", other))).andReturn().getResponse();
    assertThat(refused.getStatus()).isBetween(400, 499);
    assertThat(refused.getContentAsString()).doesNotContain("at org.");
  }

  /** A form's page says whose form it is: the participant's screening number in the heading. */
  @Test
  void theFormPageNamesItsParticipant() throws Exception {
    String pid = randomized("A-SAEF-3");
    String ae = event(pid, false);
    assertThat(mvc.perform(coord(get("/forms/" + ae))).andReturn().getResponse().getContentAsString())
        .contains("<span id=\"form-participant\">A-SAEF-3</span></h1>");
  }
}
