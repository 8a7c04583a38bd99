package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The casebook page (visits by forms, one status per cell, a cell creating its form at that visit) and the serious
 * adverse event alert with its 24-hour clock, through the pages (no browser), on the default trial
 * ({@code protocols/nct03119519.yaml}: the survival follow-up every 91 days collects the last-known-alive form).
 */
class CasebookAndSaeAlertTest extends WebTestBase {
  @Autowired DataCapture dataCapture;
  @Autowired RandomizationService randomization;

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  private String page(String username, String path) throws Exception {
    return as(username, get(path)).getResponse().getContentAsString();
  }

  private String randomized(String number) {
    String id = register.participants().register(actor("coord.a"), "A", number, eligibleRecord(number))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", LocalDate.now(), "coord.a"), null);
    randomization.randomize(actor("inv.a"), id, null);
    return id;
  }

  /** The cell's accessible name as the page writes it: form, visit, status. */
  private static String cell(String form, String visit, String status) {
    return "aria-label=\"" + form + ", " + visit + ": " + status + "\"";
  }

  private static final String ST = "systemic therapy administration";
  private static final String TKI = "EGFR-TKI review (continuous daily dosing) ";

  private static MockHttpServletRequestBuilder therapy(MockHttpServletRequestBuilder r) {
    return r.with(csrf()).param("type", "systemic-therapy").param("visit", "tki-review").param("occurrence", "3")
        .param("v.date", LocalDate.now().toString()).param("v.regimen", "egfr-tki").param("v.cycle", "3")
        .param("v.dosePercent", "100").param("v.modification", "none");
  }

  @Test
  void aCellCreatesItsFormAtThatVisitAndFollowsItsStatus() throws Exception {
    // the example candidate is EGFR-mutant: first-line EGFR-TKI, reviewed every 28 days from randomization
    String id = randomized("A-CB-1");
    assertThat(page("coord.a", "/participants/" + id)).contains("/participants/" + id + "/casebook");
    String grid = page("coord.a", "/participants/" + id + "/casebook");
    assertThat(grid).contains("id=\"casebook\"").contains("<th scope=\"col\">" + ST + "</th>")
        .contains("start " + ST + ", " + TKI + "3: not started")
        .contains("forms/new?type=systemic-therapy&amp;visit=tki-review&amp;occurrence=3");
    // the blank form names the chosen visit and carries it to the save
    String blank = page("coord.a", "/participants/" + id
        + "/forms/new?type=systemic-therapy&visit=tki-review&occurrence=3");
    assertThat(blank).contains("Visit: <strong>" + TKI + "3</strong>")
        .contains("name=\"visit\" value=\"tki-review\"").contains("name=\"occurrence\" value=\"3\"");
    // the tumour assessment has its own page: it carries the chosen visit the same way
    String scan = page("coord.a", "/participants/" + id
        + "/forms/new?type=tumour-assessment&visit=tumour-assessment-year-1&occurrence=2");
    assertThat(scan).contains("Visit: <strong>tumour assessment (RECIST 1.1), first year 2</strong>")
        .contains("name=\"visit\" value=\"tumour-assessment-year-1\"").contains("name=\"occurrence\" value=\"2\"");
    // dated today, the schedule alone would place it at the nearest free occurrence (the first): the choice wins
    MvcResult saved = as("coord.a", therapy(post("/participants/" + id + "/forms")));
    assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/forms/");
    StoredForm f = dataCapture.forms().list(actor("coord.a"), id).get(0);
    assertThat(f.visitId()).isEqualTo("tki-review");
    assertThat(f.visitNumber()).isEqualTo(3);
    grid = page("coord.a", "/participants/" + id + "/casebook");
    assertThat(grid).contains(cell(ST, TKI + "3", "entered"))
        .contains("href=\"/forms/" + f.id() + "\"")
        .contains("start " + ST + ", " + TKI + "1: not started");

    DataQuery q = dataCapture.queries().raise(actor("dm.a"), f.id(), "cycle", "please confirm the review number");
    // the open query is counted on the grid and on the participant page, both linking to the sign-off page
    assertThat(page("coord.a", "/participants/" + id + "/casebook")).contains("1 query open or answered")
        .contains("href=\"/data/casebooks/" + id + "\"");
    assertThat(page("coord.a", "/participants/" + id)).contains("1 query open or answered")
        .contains("href=\"/data/casebooks/" + id + "\"");
    assertThat(page("coord.a", "/data/casebooks/" + id)).contains("href=\"/participants/" + id + "/casebook\"");
    assertThat(page("mon.a", "/participants/" + id + "/casebook"))
        .contains(cell(ST, TKI + "3", "queried"))
        .doesNotContain("start " + ST); // a monitor reads the grid and starts nothing
    dataCapture.queries().close(actor("dm.a"), q.id(), "confirmed");
    dataCapture.forms().sign(actor("inv.a"), f.id(), PASSWORD);
    assertThat(page("coord.a", "/participants/" + id + "/casebook")).contains(cell(ST, TKI + "3", "signed"));
    dataCapture.forms().lock(actor("dm.a"), f.id(), "data cleaned");
    assertThat(page("coord.a", "/participants/" + id + "/casebook")).contains(cell(ST, TKI + "3", "locked"));
    // a second form of the same type cannot take the same visit; nothing more is stored
    MvcResult again = as("coord.a", therapy(post("/participants/" + id + "/forms")));
    assertThat(again.getResponse().getContentAsString()).contains("Not saved")
        .contains("another " + ST + " form already completes this visit");
    assertThat(dataCapture.forms().list(actor("coord.a"), id)).hasSize(1);
    // another site's coordinator does not get the casebook
    assertThat(as("coord.b", get("/participants/" + id + "/casebook")).getResponse().getStatus())
        .isIn(403, 404);
  }

  @Test
  void aFullyVerifiedFormReadsVerifiedUntilAVerifiedFieldChanges() throws Exception {
    String id = randomized("A-CB-V");
    as("coord.a", therapy(post("/participants/" + id + "/forms")));
    StoredForm f = dataCapture.forms().list(actor("coord.a"), id).get(0);
    assertThat(page("coord.a", "/participants/" + id + "/casebook")).contains(cell(ST, TKI + "3", "entered"));
    // the monitor verifies one field: the form is not fully verified, the cell carries no mark
    dataCapture.forms().verification().verify(actor("mon.a"), f.id(), java.util.List.of("cycle"));
    assertThat(page("coord.a", "/participants/" + id + "/casebook")).contains(cell(ST, TKI + "3", "entered"));
    // the whole form: every entered field verified
    dataCapture.forms().verification().verify(actor("mon.a"), f.id(), null);
    assertThat(page("mon.a", "/participants/" + id + "/casebook"))
        .contains(cell(ST, TKI + "3", "entered, verified"));
    // the investigator signs the casebook from the grid (the sign-off page's action); the mark stays beside the status
    assertThat(page("coord.a", "/participants/" + id + "/casebook")).doesNotContain("id=\"grid-sign-casebook\"");
    assertThat(page("inv.a", "/participants/" + id + "/casebook")).contains("id=\"grid-sign-casebook\"")
        .contains("action=\"/data/casebooks/" + id + "/sign\"");
    MvcResult signed0 = as("inv.a", post("/data/casebooks/" + id + "/sign").with(csrf()).param("password", PASSWORD));
    assertThat(signed0.getResponse().getRedirectedUrl()).isEqualTo("/data/casebooks/" + id + "?signed=1");
    // one form in the singular
    assertThat(page("inv.a", "/data/casebooks/" + id + "?signed=1")).contains("1 form signed with one signature.");
    assertThat(page("coord.a", "/participants/" + id + "/casebook"))
        .contains(cell(ST, TKI + "3", "signed, verified"));
    // a change to a verified field clears its mark (and the signature): the cell is no longer verified
    StoredForm signed = dataCapture.forms().list(actor("coord.a"), id).get(0);
    var values = (tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(signed.valuesJson());
    values.put("dosePercent", 90);
    dataCapture.forms().update(actor("coord.a"), f.id(), values, "dose taken from the pharmacy record",
        signed.version());
    String grid = page("coord.a", "/participants/" + id + "/casebook");
    assertThat(grid).contains(cell(ST, TKI + "3", "entered")).doesNotContain(", verified\"");
  }

  @Test
  void beforeRandomizationTheCasebookSaysItStartsAtRandomization() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "A-CB-2", eligibleRecord("A-CB-2"))
        .participant().id();
    assertThat(page("coord.a", "/participants/" + id + "/casebook")).contains("id=\"no-casebook\"")
        .doesNotContain("id=\"casebook\"");
  }

  private MockHttpServletRequestBuilder seriousEvent(String id) {
    return post("/participants/" + id + "/forms").with(csrf()).param("type", "adverse-event")
        .param("v.term", "Pneumonitis").param("v.grade", "3").param("v.startDate", LocalDate.now().toString())
        .param("v.serious", "true").param("v.relatedToSystemicTherapy", "possible")
        .param("v.relatedToRadiotherapy", "probable").param("v.actionTaken", "interrupted")
        .param("v.outcome", "recovering");
  }

  @Test
  void aSeriousAdverseEventAlertsTheSiteWithTheClockUntilReported() throws Exception {
    String id = randomized("A-SAE-1");
    as("coord.a", seriousEvent(id));
    String ae = dataCapture.forms().list(actor("coord.a"), id).get(0).id();
    // no report yet: the clock counts from the entry, 24 h from now, so between 23 and 24 hours are left
    for (String who : new String[] {"inv.a", "dm.a", "mon.a"}) {
      String dash = page(who, "/dashboard");
      assertThat(dash).as(who).contains("id=\"sae-alerts\"").contains("A-SAE-1").contains("/forms/" + ae);
      assertThat(dash).as(who).containsPattern("2[34] h \\d+ min left");
      assertThat(page(who, "/participants/" + id)).as(who).contains("id=\"sae-alerts\"");
    }
    for (String who : new String[] {"coord.a", "coord.b", "stat"}) {
      assertThat(page(who, "/dashboard")).as(who).doesNotContain("id=\"sae-alerts\"").doesNotContain("A-SAE-1");
    }
    // the report says the site knew 30 hours ago and has not sent it: overdue by 6 hours
    LocalDateTime aware = LocalDateTime.now(ZoneOffset.UTC).minusHours(30).truncatedTo(ChronoUnit.MINUTES);
    MvcResult r = as("coord.a", saeReport("/participants/" + id + "/forms", ae, aware, null));
    assertThat(r.getResponse().getRedirectedUrl()).startsWith("/forms/");
    String dash = page("inv.a", "/dashboard");
    assertThat(dash).containsPattern("overdue by [56] h \\d+ min").contains("A-SAE-1");
    assertThat(dash.split("A-SAE-1", -1)).as("one alert for the event and its report").hasSize(2);
    // sent: no alert any more
    String report = dataCapture.forms().list(actor("coord.a"), id).stream()
        .filter(f -> f.formType().equals("sae-report")).findFirst().orElseThrow().id();
    MvcResult sent = as("coord.a", saeReport("/forms/" + report + "/edit", ae, aware, aware.plusHours(20))
        .param("reason", "sent to the sponsor").param("version", "1"));
    assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/forms/" + report + "?saved");
    assertThat(page("inv.a", "/dashboard")).doesNotContain("A-SAE-1");
    assertThat(page("inv.a", "/participants/" + id)).doesNotContain("id=\"sae-alerts\"");
  }

  private MockHttpServletRequestBuilder saeReport(String path, String ae, LocalDateTime aware,
      LocalDateTime sent) {
    var b = post(path).with(csrf()).param("type", "sae-report")
        .param("v.adverseEventForm", ae).param("v.reportType", "initial").param("v.term", "Pneumonitis")
        .param("v.grade", "3").param("v.onsetDate", LocalDate.now().toString())
        .param("v.awarenessAt", aware.toString()).param("v.hospitalisation", "true")
        .param("v.relatedToSystemicTherapy", "possible").param("v.relatedToRadiotherapy", "probable")
        .param("v.actionTaken", "interrupted").param("v.outcome", "recovering")
        .param("v.narrative", "admitted with grade 3 pneumonitis, treated with steroids");
    return sent == null ? b : b.param("v.reportedAt", sent.toString());
  }
}
