package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.MutableClock;
import org.oligotrial.server.datacapture.forms.FormFacts;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The follow-up page over several scans (a clock of its own, randomization on day 0): pre-filled with the baseline
 * lesions, the previous measures and the new lesions recorded before; its live panel shows what saving would derive,
 * including the back-dating of a confirmed equivocal lesion; an earlier assessment changed in the page moves the
 * responses of the later ones (re-derived and audited by the form service).
 */
@SpringBootTest(
    classes = ServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:tumourfollowup;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "logging.level.root=warn"
    })
@AutoConfigureMockMvc
@Import(TumourFollowUpPagesTest.TestClock.class)
class TumourFollowUpPagesTest {
  static final String PASSWORD = "password-for-web-tests";
  static final LocalDate DAY0 = LocalDate.of(2025, 3, 3);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock followUpTestClock() {
      return new MutableClock(DAY0);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired Register register;
  @Autowired DataCapture dc;
  @Autowired RandomizationService randomization;
  @Autowired MutableClock clock;

  @BeforeEach
  void users() {
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
    clock.set(DAY0);
  }

  private Actor actor(String user) {
    return register.users().find(user).orElseThrow().actor();
  }

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  /** Randomized on day 0 with a baseline: T1 lung 40 mm (primary), T2 mediastinal node 20 mm, N1 bone. */
  private String withBaseline(String number) throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", number,
        WebTestBase.eligibleRecord(number)).participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", DAY0, "coord.a"), null);
    randomization.randomize(actor("inv.a"), id, null);
    dc.forms().create(actor("coord.a"), id, "tumour-baseline", null, null, JSON.readTree("{\"date\":\""
        + DAY0.minusDays(5) + "\",\"lesions\":["
        + "{\"id\":\"T1\",\"type\":\"target\",\"site\":\"lung\",\"nodal\":false,\"mm\":40,\"method\":\"CT\","
        + "\"role\":\"primary\"},"
        + "{\"id\":\"T2\",\"type\":\"target\",\"site\":\"mediastinal-node\",\"nodal\":true,\"mm\":20,\"method\":\"CT\"},"
        + "{\"id\":\"N1\",\"type\":\"non-target\",\"site\":\"bone\",\"nodal\":false,\"role\":\"oligometastatic\"}]}"));
    return id;
  }

  private static MockHttpServletRequestBuilder scan(MockHttpServletRequestBuilder r, LocalDate date, String t1,
      String t2, String finding) {
    r = r.with(csrf()).param("date", date.toString()).param("t.T1", t1).param("t.T2", t2).param("nt.N1", "present");
    return finding == null ? r : r.param("newId", "NL1").param("newSite", "liver").param("newSiteText", "")
        .param("newFinding", finding);
  }

  @Test
  void theFollowUpIsPrefilledAndItsPanelShowsWhatSavingWouldDerive() throws Exception {
    String id = withBaseline("A-FU-1");
    clock.set(DAY0.plusDays(50));
    dc.forms().create(actor("coord.a"), id, "tumour-assessment", null, null, JSON.readTree("{\"date\":\""
        + DAY0.plusDays(49) + "\",\"targets\":{\"T1\":36,\"T2\":20},\"nonTargets\":{\"N1\":\"present\"},"
        + "\"newLesions\":[{\"id\":\"NL1\",\"site\":\"liver\",\"equivocal\":true}]}"));
    clock.set(DAY0.plusDays(99));
    String page = as("coord.a", get("/participants/" + id + "/forms/new").param("type", "tumour-assessment"))
        .getResponse().getContentAsString();
    assertThat(page).contains("id=\"t-T1\"").contains("id=\"t-T2\"").contains("id=\"nt-N1\"")
        .contains("data-row-id=\"NL1\"").contains("data-taken=\"T1 T2 N1 NL1\"")
        .contains("value=\"equivocal\" selected=\"selected\"").contains("<td>36 mm</td>").doesNotContain("<textarea");
    // sum 28 + 14 = 42 mm against the baseline 60 mm: -30.0%, partial response (RECIST 1.1 section 4.3.1);
    // the nadir is the day-49 sum 36 + 20 = 56 mm, smaller than the baseline's
    String html = as("coord.a", scan(post("/participants/" + id + "/tumour/assessment/check"), DAY0.plusDays(98),
        "28", "14", "equivocal")).getResponse().getContentAsString();
    assertThat(html).contains("id=\"p-sum\">42 mm").contains("id=\"p-change-baseline\">-30.0%")
        .contains("id=\"p-nadir\">56 mm").contains("id=\"p-target\">PR").contains("id=\"p-overall\">PR")
        .contains("id=\"p-progression\">-");
    // the equivocal liver lesion now unequivocal: progression dated back to the first equivocal scan (section 4.3.2)
    html = as("coord.a", scan(post("/participants/" + id + "/tumour/assessment/check"), DAY0.plusDays(98), "28",
        "14", "unequivocal")).getResponse().getContentAsString();
    assertThat(html).contains("id=\"p-overall\">PD").contains("id=\"p-progression\">" + DAY0.plusDays(49));
    // nothing of the previews was stored
    assertThat(dc.forms().list(actor("coord.a"), id)).hasSize(2);
  }

  @Test
  void aNewLesionWithoutItsSiteIsShownAtItsRowAndRefusedNamingIt() throws Exception {
    String id = withBaseline("A-FU-2");
    clock.set(DAY0.plusDays(50));
    String html = as("coord.a", post("/participants/" + id + "/tumour/assessment/check").with(csrf())
        .param("date", DAY0.plusDays(49).toString()).param("t.T1", "30").param("t.T2", "18")
        .param("nt.N1", "present").param("newId", "NL1").param("newSite", "").param("newSiteText", "")
        .param("newFinding", "unequivocal")).getResponse().getContentAsString();
    String nl1 = html.substring(html.indexOf("id=\"msg-NL1\""));
    assertThat(nl1).contains("hx-swap-oob=\"true\"").contains("NL1: choose the site of the new lesion.");
    // the API names the field of the structure
    MvcResult r = mvc.perform(post("/api/v1/participants/" + id + "/forms").with(csrf())
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .httpBasic("coord.a", PASSWORD))
        .contentType("application/json").content("{\"formType\":\"tumour-assessment\",\"values\":{\"date\":\""
            + DAY0.plusDays(49) + "\",\"targets\":{\"T1\":30,\"T2\":18},\"nonTargets\":{\"N1\":\"present\"},"
            + "\"newLesions\":[{\"id\":\"NL1\",\"site\":\"spleen\",\"equivocal\":false}]}}")).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(422);
    assertThat(r.getResponse().getContentAsString()).contains("values.newLesions[0].site")
        .contains("is not one of");
    assertThat(dc.forms().list(actor("coord.a"), id)).hasSize(1);
  }

  @Test
  void changingAnEarlierAssessmentInThePageReDerivesTheLaterOne() throws Exception {
    String id = withBaseline("A-FU-3");
    clock.set(DAY0.plusDays(100));
    as("coord.a", scan(post("/participants/" + id + "/tumour/assessment"), DAY0.plusDays(49), "30", "16", null));
    as("coord.a", scan(post("/participants/" + id + "/tumour/assessment"), DAY0.plusDays(98), "29", "14", null));
    StoredForm first = dc.forms().list(actor("coord.a"), id).stream()
        .filter(f -> f.formType().equals("tumour-assessment")).findFirst().orElseThrow();
    StoredForm second = dc.forms().list(actor("coord.a"), id).stream()
        .filter(f -> f.formType().equals("tumour-assessment")).reduce((a, b) -> b).orElseThrow();
    // 29 + 14 = 43 mm at day 98: -28.3% from the baseline 60 mm, below the day-49 nadir 46 mm: stable disease
    assertThat(FormFacts.derived(second).path("overallResponse").asString()).isEqualTo("SD");
    String edit = as("coord.a", get("/forms/" + first.id() + "/assessment")).getResponse().getContentAsString();
    assertThat(edit).contains("value=\"30\"").contains("Reason for change").contains("name=\"formId\"");
    // corrected: 20 + 12 = 32 mm at day 49 becomes the nadir; 43 mm is +34.4% and +11 mm above it: progression
    MvcResult r = as("coord.a", scan(post("/forms/" + first.id() + "/assessment"), DAY0.plusDays(49), "20", "12",
        null).param("reason", "measures transcribed from the wrong scan").param("version", "1"));
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/forms/" + first.id() + "?saved");
    StoredForm after = dc.forms().get(actor("coord.a"), second.id());
    assertThat(FormFacts.derived(after).path("overallResponse").asString()).isEqualTo("PD");
    assertThat(dc.forms().auditTrail(actor("coord.a"), second.id())).anySatisfy(e -> {
      assertThat(e.entry().field()).isEqualTo("derived.overallResponse");
      assertThat(e.entry().newValue()).isEqualTo("PD");
    });
  }
}
