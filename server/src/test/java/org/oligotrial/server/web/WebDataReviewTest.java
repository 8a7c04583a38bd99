package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
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
 * Data review in the pages (no browser): the form page with each field's open queries, closing notes, re-opening,
 * what blocks the signature and the monitor's source verification; the data-management page's query filters (a
 * site picker, form, status, age) and casebook counts; the casebook page signing every form with one signature.
 */
class WebDataReviewTest extends WebTestBase {
  @Autowired DataCapture dataCapture;
  @Autowired RandomizationService randomization;

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  private String page(String username, String url) throws Exception {
    return as(username, get(url)).getResponse().getContentAsString();
  }

  private String randomized(String number) {
    String id = register.participants().register(actor("coord.a"), "A", number, eligibleRecord(number))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", LocalDate.now(), "coord.a"), null);
    randomization.randomize(actor("inv.a"), id, null);
    return id;
  }

  private StoredForm adverseEvent(String participant) throws Exception {
    String today = LocalDate.now().toString();
    as("coord.a", post("/participants/" + participant + "/forms").with(csrf()).param("type", "adverse-event")
        .param("v.term", "Nausea").param("v.grade", "2").param("v.startDate", today).param("v.endDate", today)
        .param("v.relatedToSystemicTherapy", "possible").param("v.relatedToRadiotherapy", "unlikely")
        .param("v.actionTaken", "none").param("v.outcome", "recovered"));
    return dataCapture.forms().list(actor("coord.a"), participant).get(0);
  }

  /** The text of the page's action error, entities decoded. */
  private static String actionError(String html) {
    var m = java.util.regex.Pattern.compile("id=\"action-error\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).as("an action error on the page").isTrue();
    return m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  @Test
  void aQueryBlocksTheSignatureUntilClosedAndIsReopenedWithAReason() throws Exception {
    String id = randomized("A-REV-1");
    StoredForm f = adverseEvent(id);
    as("dm.a", post("/forms/" + f.id() + "/queries").with(csrf()).param("field", "grade").param("text",
        "grade 2 or 3 in the source?"));
    DataQuery q = dataCapture.queries().ofForm(f.id()).get(0);
    String form = page("inv.a", "/forms/" + f.id());
    assertThat(form).contains("id=\"blockers\"").contains("CTCAE grade: open query &quot;grade 2 or 3 in the source?")
        .contains("id=\"form-queries\">1<");
    assertThat(form.replaceAll("\\s+", " ")).contains("data-field=\"values.grade\"")
        .containsPattern("values\\.grade\"> <th scope=\"row\">CTCAE grade</th>.*?<td class=\"field-queries\">1</td>");
    String refused = as("inv.a", post("/forms/" + f.id() + "/sign").with(csrf()).param("password", PASSWORD))
        .getResponse().getContentAsString();
    // the refusal in words: the form's name, the field's label and the kind, not the keys of the exception's message
    assertThat(actionError(refused)).startsWith("Cannot sign: 1 item blocks it: ")
        .contains("CTCAE grade: open query \"grade 2 or 3 in the source?\"").doesNotContain("values.grade", "OPEN");
    assertThat(dataCapture.forms().get(actor("inv.a"), f.id()).status()).isEqualTo(StoredForm.ENTERED);
    as("coord.a", post("/queries/" + q.id() + "/answer").with(csrf()).param("answer", "grade 2 per the clinic note"));
    // the data manager who raised it closes it; the closing note is shown with the query
    assertThat(page("dm.a", "/forms/" + f.id())).contains("Close query");
    assertThat(page("mon.a", "/forms/" + f.id())).doesNotContain("Close query");
    as("dm.a", post("/queries/" + q.id() + "/close").with(csrf()).param("note", "accepted per the clinic note"));
    assertThat(page("coord.a", "/forms/" + f.id())).contains("closed by dm.a: accepted per the clinic note")
        .doesNotContain("Re-open query");
    String noReason = as("mon.a", post("/queries/" + q.id() + "/reopen").with(csrf()).param("reason", ""))
        .getResponse().getContentAsString();
    assertThat(noReason).contains("id=\"action-error\"").contains("reason");
    as("mon.a", post("/queries/" + q.id() + "/reopen").with(csrf()).param("reason", "the letter says grade 3"));
    assertThat(page("dm.a", "/forms/" + f.id())).contains("re-opened by mon.a: the letter says grade 3");
    as("dm.a", post("/queries/" + q.id() + "/close").with(csrf()).param("note", "grade 2 confirmed by phone"));
    MvcResult signed = as("inv.a", post("/forms/" + f.id() + "/sign").with(csrf()).param("password", PASSWORD));
    assertThat(signed.getResponse().getRedirectedUrl()).isEqualTo("/forms/" + f.id() + "?signed");
  }

  @Test
  void aLockedFormTakesNoQueryAndThePageSaysWhy() throws Exception {
    String id = randomized("A-REV-9");
    StoredForm f = adverseEvent(id);
    dataCapture.forms().sign(actor("inv.a"), f.id(), PASSWORD);
    dataCapture.forms().lock(actor("dm.a"), f.id(), "clean");
    // the service refuses it naming the form by its name in the protocol file, "adverse event (CTCAE v5.0)"
    String refusal = "the form \"" + dataCapture.protocol().form("adverse-event").orElseThrow().name()
        + "\" is locked; unlock it to raise a query";
    assertThat(refusal).isEqualTo("the form \"adverse event (CTCAE v5.0)\" is locked; unlock it to raise a query");
    assertThatThrownBy(() -> dataCapture.queries().raise(actor("dm.a"), f.id(), "grade", "grade 2 or 3?"))
        .isInstanceOf(org.oligotrial.server.kernel.ConflictException.class).hasMessage("form: " + refusal);
    // the page offers no query on it and says why; a query posted anyway is refused with 409, the page again
    String page = page("dm.a", "/forms/" + f.id());
    assertThat(page).doesNotContain("Raise query").contains("id=\"raise-locked\"")
        .contains("is locked; unlock it to raise a query.");
    MvcResult r = as("mon.a", post("/forms/" + f.id() + "/queries").with(csrf()).param("field", "grade")
        .param("text", "grade 2 or 3?"));
    assertThat(r.getResponse().getStatus()).isEqualTo(409);
    assertThat(actionError(r.getResponse().getContentAsString())).isEqualTo(refusal);
    assertThat(dataCapture.queries().ofForm(f.id())).isEmpty();
  }

  @Test
  void theDataManagementPageFiltersQueriesAndCountsThemPerCasebook() throws Exception {
    String id = randomized("A-REV-2");
    StoredForm f = adverseEvent(id);
    as("dm.a", post("/forms/" + f.id() + "/queries").with(csrf()).param("field", "outcome").param("text",
        "recovered on which date?"));
    String all = page("dm.a", "/data");
    // the site is chosen from the user's sites, not typed
    assertThat(all).contains("<select id=\"qf-site\" name=\"site\">").contains("<option value=\"A\">A</option>")
        .contains("recovered on which date?").contains("/data/casebooks/" + id);
    assertThat(page("dm.a", "/data?site=A&form=adverse-event&status=OPEN&age=0")).contains("recovered on which date?");
    assertThat(page("dm.a", "/data?form=radiotherapy")).doesNotContain("recovered on which date?");
    // raised today: not yet a day old
    assertThat(page("dm.a", "/data?age=1")).doesNotContain("recovered on which date?");
    assertThat(page("dm.a", "/data?status=CLOSED")).doesNotContain("recovered on which date?");
    String bad = page("dm.a", "/data?age=soon");
    // the filter named by its label on the page, once; a status by the words of its choices, not the constants
    assertThat(bad).contains("id=\"filter-error\"").contains("Open at least (days): must be a whole number of days")
        .doesNotContain("age: age");
    assertThat(page("dm.a", "/data?status=SOON")).contains("id=\"filter-error\"")
        .contains("Status: must be one of open, answered, closed, open or answered").doesNotContain("[OPEN");
    assertThat(page("coord.b", "/data")).doesNotContain("recovered on which date?");
  }

  @Test
  void theMonitorVerifiesFieldsOnTheFormPage() throws Exception {
    String id = randomized("A-REV-3");
    StoredForm f = adverseEvent(id);
    assertThat(page("mon.a", "/forms/" + f.id())).contains("id=\"verify-whole\"");
    assertThat(page("coord.a", "/forms/" + f.id())).doesNotContain("id=\"verify-whole\"");
    as("mon.a", post("/forms/" + f.id() + "/verify").with(csrf()).param("field", "values.grade"));
    assertThat(page("coord.a", "/forms/" + f.id())).contains("verified (version 1) by mon.a")
        .contains("id=\"form-verified\">1 fields<");
    as("mon.a", post("/forms/" + f.id() + "/verify").with(csrf()).param("whole", "true"));
    assertThat(page("coord.a", "/forms/" + f.id())).contains("id=\"form-verified\">whole form<");
    assertThat(as("coord.a", post("/forms/" + f.id() + "/verify").with(csrf()).param("whole", "true"))
        .getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void theCasebookIsSignedWithOneSignatureOnItsPage() throws Exception {
    String id = randomized("A-REV-4");
    StoredForm one = adverseEvent(id);
    String today = LocalDate.now().toString();
    as("coord.a", post("/participants/" + id + "/forms").with(csrf()).param("type", "adverse-event")
        .param("v.term", "Fatigue").param("v.grade", "1").param("v.startDate", today)
        .param("v.relatedToSystemicTherapy", "possible").param("v.relatedToRadiotherapy", "unlikely")
        .param("v.actionTaken", "none").param("v.outcome", "recovering"));
    assertThat(dataCapture.forms().list(actor("inv.a"), id)).hasSize(2);
    String casebook = page("inv.a", "/data/casebooks/" + id);
    assertThat(casebook).contains("id=\"casebook-to-sign\">2<").contains("id=\"sign-casebook\"");
    assertThat(page("coord.a", "/data/casebooks/" + id)).doesNotContain("id=\"sign-casebook\"");
    MvcResult wrong = as("inv.a", post("/data/casebooks/" + id + "/sign").with(csrf()).param("password", "nope"));
    assertThat(wrong.getResponse().getContentAsString()).contains("the password is not correct");
    MvcResult ok = as("inv.a", post("/data/casebooks/" + id + "/sign").with(csrf()).param("password", PASSWORD));
    assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/data/casebooks/" + id + "?signed=2");
    assertThat(dataCapture.forms().list(actor("inv.a"), id)).extracting(StoredForm::status)
        .containsOnly(StoredForm.SIGNED);
    assertThat(page("mon.a", "/data/casebooks/" + id)).contains("id=\"casebook-signatures\"").contains(one.id());
  }

  @Test
  void theDataManagerLocksTheCasebookFromItsPageOnceItIsSignedAndClean() throws Exception {
    if (register.users().find("dm.b").isEmpty()) {
      register.users().add(actor("admin"), "dm.b", org.oligotrial.server.kernel.Role.DATA_MANAGER,
          java.util.Set.of("B"), PASSWORD);
    }
    String id = randomized("A-REV-5");
    StoredForm f = adverseEvent(id);
    as("dm.a", post("/forms/" + f.id() + "/queries").with(csrf()).param("field", "grade").param("text",
        "grade 2 or 3 in the source?"));
    String lock = "/data/casebooks/" + id + "/lock";
    // the button, for the data manager of the site only, with what blocks the lock in words
    String casebook = page("dm.a", "/data/casebooks/" + id);
    assertThat(casebook).contains("id=\"lock-casebook\"").contains("action=\"" + lock + "\"")
        .contains("name=\"_csrf\"").contains("id=\"lock-blockers\"").contains("What blocks the lock (2)")
        .contains("CTCAE grade: open query &quot;grade 2 or 3 in the source?&quot;")
        .contains("not signed by the investigator").doesNotContain("values.grade");
    for (String other : java.util.List.of("inv.a", "coord.a", "mon.a")) {
      assertThat(page(other, "/data/casebooks/" + id)).as(other).doesNotContain("id=\"lock-casebook\"");
    }
    // refused: the page again, the list in words; nothing locked
    String refused = as("dm.a", post(lock).with(csrf())).getResponse().getContentAsString();
    assertThat(actionError(refused)).startsWith("Cannot lock: 2 items block it: ")
        .contains("CTCAE grade: open query").contains("not signed by the investigator")
        .doesNotContain("values.grade", "UNSIGNED", "QUERY", "adverse-event");
    assertThat(dataCapture.forms().get(actor("dm.a"), f.id()).status()).isEqualTo(StoredForm.ENTERED);
    // no CSRF token, another role, another site's data manager: refused; a reason too long names the field
    assertThat(as("dm.a", post(lock)).getResponse().getStatus()).isEqualTo(403);
    assertThat(as("inv.a", post(lock).with(csrf())).getResponse().getStatus()).isEqualTo(403);
    assertThat(as("dm.b", post(lock).with(csrf())).getResponse().getStatus()).isIn(403, 404);
    String tooLong = as("dm.a", post(lock).with(csrf()).param("reason", "x".repeat(4001))).getResponse()
        .getContentAsString();
    assertThat(actionError(tooLong)).contains("longer than 4000");
    assertThat(tooLong).contains("aria-describedby=\"action-error\"");
    // sign-off, then the lock: every form at once
    dataCapture.queries().close(actor("dm.a"), dataCapture.queries().ofForm(f.id()).get(0).id(), "grade 2 confirmed");
    as("inv.a", post("/data/casebooks/" + id + "/sign").with(csrf()).param("password", PASSWORD));
    MvcResult ok = as("dm.a", post(lock).with(csrf()).param("reason", "end of treatment"));
    assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/data/casebooks/" + id + "?locked=1");
    assertThat(dataCapture.forms().get(actor("dm.a"), f.id()).status()).isEqualTo(StoredForm.LOCKED);
    assertThat(page("dm.a", "/data/casebooks/" + id + "?locked=1")).contains("id=\"casebook-locked\"")
        .doesNotContain("id=\"lock-casebook\"");
  }
}
