package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.randomization.RandomizationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Case report form entry and change, re-screening and status change in the browser pages (no browser): everything
 * goes through the data-capture and participant services, which validate, check the site and audit.
 */
class WebDataEntryTest extends WebTestBase {
  @Autowired DataCapture dataCapture;
  @Autowired RandomizationService randomization;

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  private String randomized(String number) {
    String id = register.participants().register(actor("coord.a"), "A", number, eligibleRecord(number))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", LocalDate.now(), "coord.a"), null);
    randomization.randomize(actor("inv.a"), id, null);
    return id;
  }

  private static MockHttpServletRequestBuilder adverseEvent(MockHttpServletRequestBuilder r, String end) {
    return adverseEvent(r, end, "2");
  }

  private static MockHttpServletRequestBuilder adverseEvent(MockHttpServletRequestBuilder r, String end,
      String grade) {
    String today = LocalDate.now().toString();
    return r.with(csrf()).param("type", "adverse-event").param("v.term", "Nausea").param("v.grade", grade)
        .param("v.startDate", today).param("v.endDate", end).param("v.relatedToSystemicTherapy", "possible")
        .param("v.relatedToRadiotherapy", "unlikely").param("v.actionTaken", "none").param("v.outcome", "recovered");
  }

  @Test
  void aCoordinatorEntersAFormThatIsStoredAndAudited() throws Exception {
    String id = randomized("A-CRF-1");
    String page = as("coord.a", get("/participants/" + id)).getResponse().getContentAsString();
    assertThat(page).contains("id=\"new-forms\"").contains("forms/new?type=adverse-event");
    String blank = as("coord.a", get("/participants/" + id + "/forms/new").param("type", "adverse-event"))
        .getResponse().getContentAsString();
    // the term by type-ahead (htmx fills the datalist), the grade a select refreshed for the chosen term
    assertThat(blank).contains("name=\"_csrf\"").contains("list=\"f-term-options\"")
        .contains("hx-get=\"/ctcae/terms?field=term\"").contains("<select id=\"f-grade\"")
        .contains("hx-get=\"/ctcae/grades?field=term&amp;grade=grade\"").contains("type=\"checkbox\"")
        .contains("type=\"date\"");
    MvcResult r = as("coord.a", adverseEvent(post("/participants/" + id + "/forms"), LocalDate.now().toString()));
    assertThat(r.getResponse().getRedirectedUrl()).startsWith("/forms/");
    var forms = dataCapture.forms().list(actor("coord.a"), id);
    assertThat(forms).hasSize(1);
    StoredForm f = forms.get(0);
    assertThat(f.valuesJson()).contains("Nausea").contains("\"serious\":false");
    assertThat(dataCapture.forms().auditTrail(actor("coord.a"), f.id())).isNotEmpty();
  }

  @Test
  void choicesAndStoredValuesReadAsTheProtocolsLabelsWhileTheSubmittedValuesStayCodes() throws Exception {
    String id = randomized("A-CRF-9");
    String blank = as("coord.a", get("/participants/" + id + "/forms/new").param("type", "adverse-event"))
        .getResponse().getContentAsString();
    // protocols/nct03119519.yaml: actionTaken dose-reduced and outcome recovered-with-sequelae have no valueLabels,
    // so they read with hyphens as spaces; relatedToRadiotherapy not-applicable likewise
    assertThat(blank).contains("<option value=\"dose-reduced\">dose reduced</option>")
        .contains("<option value=\"recovered-with-sequelae\">recovered with sequelae</option>")
        .contains("<option value=\"not-applicable\">not applicable</option>");
    String today = LocalDate.now().toString();
    MvcResult r = as("coord.a", post("/participants/" + id + "/forms").with(csrf()).param("type", "adverse-event")
        .param("v.term", "Nausea").param("v.grade", "2").param("v.startDate", today).param("v.endDate", today)
        .param("v.relatedToSystemicTherapy", "possible").param("v.relatedToRadiotherapy", "unlikely")
        .param("v.actionTaken", "dose-reduced").param("v.outcome", "recovered-with-sequelae"));
    String formId = r.getResponse().getRedirectedUrl().substring("/forms/".length()).replaceAll("\\?.*", "");
    String shown = HumanLabelsTest.visibleText(as("coord.a", get("/forms/" + formId)).getResponse()
        .getContentAsString());
    assertThat(shown).contains("dose reduced").contains("recovered with sequelae").contains("serious adverse event no")
        .doesNotContain("dose-reduced").doesNotContain("recovered-with-sequelae").doesNotContain(" false ");
    // the change page selects the stored code; the regimen of the systemic-therapy form has its own labels
    String edit = as("coord.a", get("/forms/" + formId + "/edit")).getResponse().getContentAsString();
    assertThat(edit).contains("<option value=\"dose-reduced\" selected=\"selected\">dose reduced</option>");
    String therapy = as("coord.a", get("/participants/" + id + "/forms/new").param("type", "systemic-therapy"))
        .getResponse().getContentAsString();
    assertThat(therapy).contains("<option value=\"egfr-tki\">EGFR tyrosine-kinase inhibitor</option>");
  }

  @Test
  void signedThingsShowTheSignaturesMeaningPrintedNameAndTime() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "A-SIG-1", eligibleRecord("A-SIG-1"))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", LocalDate.now(), "coord.a"), null);
    randomization.randomizeSigned(actor("inv.a"), id, null, PASSWORD);
    String record = as("inv.a", get("/participants/" + id + "/randomization")).getResponse().getContentAsString();
    assertThat(record).contains("id=\"signatures\"").contains("meaning <strong>approval</strong>")
        .contains("randomization of A-SIG-1");
    as("coord.a", adverseEvent(post("/participants/" + id + "/forms"), LocalDate.now().toString()));
    StoredForm f = dataCapture.forms().list(actor("coord.a"), id).get(0);
    String unsigned = as("inv.a", get("/forms/" + f.id())).getResponse().getContentAsString();
    assertThat(unsigned).contains("id=\"signature-meaning\"").contains("review and approval");
    MvcResult wrong = as("inv.a", post("/forms/" + f.id() + "/sign").with(csrf()).param("password", "not it at all"));
    assertThat(wrong.getResponse().getContentAsString()).contains("the password is not correct");
    as("inv.a", post("/forms/" + f.id() + "/sign").with(csrf()).param("password", PASSWORD));
    String signed = as("mon.a", get("/forms/" + f.id())).getResponse().getContentAsString();
    assertThat(signed).contains("id=\"signature\"").contains("<strong>inv.a</strong>")
        .contains("meaning <strong>review and approval</strong>");
    assertThat(dataCapture.forms().auditTrail(actor("mon.a"), f.id()))
        .anyMatch(e -> e.entry().action().name().equals("SIGN")
            && e.entry().newValue().startsWith("Reviewed and approved by inv.a (inv.a) at "));
  }

  @Test
  void aBlockingEditCheckShowsTheFieldMessageAndStoresNothing() throws Exception {
    String id = randomized("A-CRF-2");
    MvcResult r = as("coord.a", adverseEvent(post("/participants/" + id + "/forms"),
        LocalDate.now().minusDays(5).toString()));
    String html = r.getResponse().getContentAsString();
    assertThat(html).contains("Not saved").contains("an adverse event cannot resolve before its onset")
        .contains("aria-describedby=\"f-endDate-error\"").contains("aria-invalid=\"true\"")
        .contains("value=\"Nausea\"").doesNotContain("at org.");
    assertThat(dataCapture.forms().list(actor("coord.a"), id)).isEmpty();
  }

  @Test
  void aDateInTheFutureIsRefusedOnTheWebWithBothDates() throws Exception {
    String id = randomized("A-CRF-DATE");
    String future = java.time.LocalDate.now(java.time.ZoneOffset.ofHours(14)).plusDays(2).toString();
    MvcResult r = as("coord.a", post("/participants/" + id + "/forms").with(csrf()).param("type", "adverse-event")
        .param("v.term", "Nausea").param("v.grade", "2").param("v.startDate", future)
        .param("v.relatedToSystemicTherapy", "possible").param("v.relatedToRadiotherapy", "unrelated")
        .param("v.actionTaken", "none").param("v.outcome", "recovering"));
    String html = r.getResponse().getContentAsString();
    assertThat(html).contains("Not saved").contains("the onset " + future + " is after today")
        .contains("aria-describedby=\"f-startDate-error\"").doesNotContain("at org.");
    assertThat(dataCapture.forms().list(actor("coord.a"), id)).isEmpty();
  }

  @Test
  void changingAFormNeedsAReasonAndShowsTheCurrentValues() throws Exception {
    String id = randomized("A-CRF-3");
    as("coord.a", adverseEvent(post("/participants/" + id + "/forms"), LocalDate.now().toString()));
    StoredForm f = dataCapture.forms().list(actor("coord.a"), id).get(0);
    String edit = as("coord.a", get("/forms/" + f.id() + "/edit")).getResponse().getContentAsString();
    assertThat(edit).contains("value=\"Nausea\"").contains("Reason for change");
    MvcResult noReason = as("coord.a", adverseEvent(post("/forms/" + f.id() + "/edit"), LocalDate.now().toString(),
        "3"));
    assertThat(noReason.getResponse().getContentAsString()).contains("Not saved")
        .contains("aria-describedby=\"reason-error\"");
    assertThat(dataCapture.forms().get(actor("coord.a"), f.id()).version()).isEqualTo(1);
    MvcResult noVersion = as("coord.a", adverseEvent(post("/forms/" + f.id() + "/edit"), LocalDate.now().toString(),
        "3").param("reason", "grade corrected from the source"));
    assertThat(noVersion.getResponse().getStatus()).isEqualTo(428);
    assertThat(dataCapture.forms().get(actor("coord.a"), f.id()).version()).isEqualTo(1);
    MvcResult ok = as("coord.a", adverseEvent(post("/forms/" + f.id() + "/edit"), LocalDate.now().toString(),
        "3").param("reason", "grade corrected from the source").param("version", "1"));
    assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/forms/" + f.id() + "?saved");
    assertThat(dataCapture.forms().get(actor("coord.a"), f.id()).version()).isEqualTo(2);
    assertThat(dataCapture.forms().get(actor("coord.a"), f.id()).valuesJson()).contains("\"grade\":3");
  }

  @Test
  void aMonitorIsNotOfferedDataEntryAndIsRefused() throws Exception {
    String id = randomized("A-CRF-4");
    String page = as("mon.a", get("/participants/" + id)).getResponse().getContentAsString();
    assertThat(page).doesNotContain("id=\"new-forms\"").doesNotContain("id=\"status-change\"")
        .doesNotContain("id=\"rescreen\"");
    assertThat(as("mon.a", adverseEvent(post("/participants/" + id + "/forms"), LocalDate.now().toString()))
        .getResponse().getStatus()).isEqualTo(403);
    assertThat(dataCapture.forms().list(actor("mon.a"), id)).isEmpty();
    assertThat(as("mon.a", get("/participants/" + id + "/forms/new").param("type", "adverse-event"))
        .getResponse().getStatus()).isEqualTo(403);
    assertThat(as("mon.a", post("/participants/" + id + "/status").with(csrf()).param("to", "LOST_TO_FOLLOW_UP")
        .param("reason", "x")).getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void reScreeningStoresVersionTwoWithTheReason() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "A-RES-1", eligibleRecord("A-RES-1"))
        .participant().id();
    assertThat(as("coord.a", get("/participants/" + id)).getResponse().getContentAsString()).contains("id=\"rescreen\"");
    String form = as("coord.a", get("/participants/" + id + "/rescreen")).getResponse().getContentAsString();
    assertThat(form).contains("Re-screen").contains("value=\"A-RES-1\"").contains("value=\"1962-07-21\"")
        .contains("Eligible");
    var params = org.oligotrial.server.web.screening.ScreeningForm.fromJson(org.oligotrial.protocol.ProtocolLoader.bundled().record(), eligibleRecord("A-RES-1"));
    params.set("ecog", "3");
    MvcResult noReason = as("coord.a", post("/participants/" + id + "/rescreen").with(csrf()).params(params));
    assertThat(noReason.getResponse().getContentAsString()).contains("Not saved");
    assertThat(register.participants().history(actor("coord.a"), id).screenings()).hasSize(1);
    params.set("reason", "ECOG re-assessed");
    MvcResult ok = as("coord.a", post("/participants/" + id + "/rescreen").with(csrf()).params(params));
    assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/participants/" + id + "?rescreened");
    var h = register.participants().history(actor("coord.a"), id);
    assertThat(h.screenings()).hasSize(2);
    assertThat(h.participant().screeningVersion()).isEqualTo(2);
    assertThat(h.participant().status()).isEqualTo(ParticipantStatus.SCREEN_FAILED);
  }

  @Test
  void aStatusChangeNeedsAReason() throws Exception {
    String id = randomized("A-ST-1");
    String page = as("coord.a", get("/participants/" + id)).getResponse().getContentAsString();
    // treatment, progression and death follow the forms: only loss to follow-up and withdrawal are offered
    assertThat(page).contains("id=\"status-change\"").contains("value=\"LOST_TO_FOLLOW_UP\"")
        .doesNotContain("<option value=\"RANDOMIZED\"").doesNotContain("<option value=\"ON_TREATMENT\"");
    MvcResult noReason = as("coord.a", post("/participants/" + id + "/status").with(csrf())
        .param("to", "LOST_TO_FOLLOW_UP"));
    assertThat(noReason.getResponse().getContentAsString()).contains("id=\"status-error\"");
    as("coord.a", post("/participants/" + id + "/status").with(csrf()).param("to", "LOST_TO_FOLLOW_UP")
        .param("reason", "no contact since the move abroad"));
    var h = register.participants().history(actor("coord.a"), id);
    assertThat(h.participant().status()).isEqualTo(ParticipantStatus.LOST_TO_FOLLOW_UP);
    assertThat(h.statusChanges().get(h.statusChanges().size() - 1).reason())
        .isEqualTo("no contact since the move abroad");
  }

  @Test
  void withdrawalRecordsDateReasonAndWhetherFollowUpMayContinue() throws Exception {
    String id = randomized("A-WD-1");
    MvcResult noDate = as("coord.a", post("/participants/" + id + "/status").with(csrf()).param("to", "WITHDRAWN")
        .param("reason", "participant's wish"));
    assertThat(noDate.getResponse().getContentAsString()).contains("withdrawal.date");
    MvcResult ok = as("coord.a", post("/participants/" + id + "/status").with(csrf()).param("to", "WITHDRAWN")
        .param("reason", "participant's wish").param("withdrawalDate", LocalDate.now().toString())
        .param("withdrawalReason", "moved abroad").param("followUpAllowed", "true"));
    assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/participants/" + id + "?statusChanged");
    var p = register.participants().history(actor("coord.a"), id).participant();
    assertThat(p.status()).isEqualTo(ParticipantStatus.WITHDRAWN);
    assertThat(p.withdrawal().reason()).isEqualTo("moved abroad");
    assertThat(p.withdrawal().followUpAllowed()).isTrue();
  }
}
