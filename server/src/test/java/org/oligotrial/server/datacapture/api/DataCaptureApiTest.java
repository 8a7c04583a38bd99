package org.oligotrial.server.datacapture.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.datacapture.FixedRandomizationFacts;
import org.oligotrial.server.datacapture.MutableClock;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.ScreeningEvaluator;
import org.oligotrial.server.randomization.RandomizationFacts;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data-capture API per role: site staff enter forms at their sites only; monitors read and raise queries;
 * statisticians read across sites and export; data managers lock and unlock; investigators sign. Errors are problem
 * details naming the field, never 500. One Spring context on H2 with randomization records set by the test and a
 * fixed clock.
 */
@SpringBootTest(
    classes = ServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:datacaptureapi;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "logging.level.root=warn"
    })
@AutoConfigureMockMvc
@Import(DataCaptureApiTest.Fixtures.class)
class DataCaptureApiTest {
  static final String PASSWORD = "password-for-tests";
  static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Register register;
  @Autowired FixedRandomizationFacts facts;

  @TestConfiguration
  static class Fixtures {
    @Bean
    ScreeningEvaluator scriptedEvaluator() {
      return new ScriptedEvaluator();
    }

    @Bean
    FixedRandomizationFacts fixedRandomizationFacts() {
      return new FixedRandomizationFacts();
    }

    @Bean
    @org.springframework.context.annotation.Primary
    Clock fixedTestClock() {
      return new MutableClock(DAY0.plusDays(150));
    }
  }

  @BeforeEach
  void users() {
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
  }

  private static RequestPostProcessor as(String user) {
    return httpBasic(user, PASSWORD);
  }

  private String randomized() {
    Actor coord = register.users().find("coord.a").orElseThrow().actor();
    String id = register.participants().register(coord, "A", "A-" + UUID.randomUUID().toString().substring(0, 13),
        ScriptedEvaluator.record("ELIGIBLE")).participant().id();
    facts.add(id, "RT+", DAY0, "non-targeted");
    return id;
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
    return b.contentType(MediaType.APPLICATION_JSON).content(body.replace('\'', '"'));
  }

  private static String ae(int grade, boolean serious) {
    return "{'formType':'adverse-event','values':{'term':'Oesophagitis','grade':" + grade + ",'startDate':'"
        + DAY0.plusDays(20) + "','serious':" + serious + ",'relatedToSystemicTherapy':'unlikely',"
        + "'relatedToRadiotherapy':'probable','actionTaken':'none','outcome':'recovering'}}";
  }

  private String createAe(String participant, boolean serious) throws Exception {
    String body = mvc.perform(json(post("/api/v1/participants/" + participant + "/forms"), ae(2, serious))
            .with(as("coord.a")))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return JSON.readTree(body).get("id").asString();
  }

  private JsonNode read(String url, String user) throws Exception {
    return JSON.readTree(mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString());
  }

  @Test
  void onlySiteStaffOfTheSiteEnterForms() throws Exception {
    String p = randomized();
    for (String user : new String[] {"mon.a", "stat", "coord.b", "admin"}) {
      mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), ae(2, false)).with(as(user)))
          .andExpect(status().isForbidden());
    }
    mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), ae(2, false))).andExpect(status().isUnauthorized());
    for (String user : new String[] {"inv.a", "coord.a", "dm.a"}) {
      mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), ae(2, false)).with(as(user)))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.status").value("ENTERED"))
          .andExpect(jsonPath("$.version").value(1));
    }
    assertThat(read("/api/v1/participants/" + p + "/forms", "mon.a")).hasSize(3);
    assertThat(read("/api/v1/participants/" + p + "/forms", "stat")).hasSize(3);
    mvc.perform(get("/api/v1/participants/" + p + "/forms").with(as("coord.b"))).andExpect(status().isForbidden());
  }

  @Test
  void aDateBreakingADateRuleIsA400NamingTheFieldAndBothDates() throws Exception {
    String p = randomized();
    // today is DAY0 + 150 (the fixed test clock): the day after is refused, with both dates
    String future = ae(2, false).replace(DAY0.plusDays(20).toString(), DAY0.plusDays(151).toString());
    mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), future).with(as("coord.a")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("values.startDate"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
            "the onset " + DAY0.plusDays(151) + " is after today (" + DAY0.plusDays(150) + ")")));
    String early = ae(2, false).replace(DAY0.plusDays(20).toString(), DAY0.minusDays(2).toString());
    mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), early).with(as("coord.a")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("values.startDate"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
            DAY0.minusDays(2) + " is before randomization (" + DAY0 + ")")));
    assertThat(read("/api/v1/participants/" + p + "/forms", "coord.a")).isEmpty();
  }

  @Test
  void badInputIsAProblemNamingTheFieldNeverA500() throws Exception {
    String p = randomized();
    mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), ae(9, false)).with(as("coord.a")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.field").value("values.grade"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("allowed grades: 1, 2, 3, 4, 5")));
    mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), "{'formType':").with(as("coord.a")))
        .andExpect(status().isBadRequest());
    mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), "{'formType':'adverse-event','values':'x'}")
            .with(as("coord.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("values"));
    mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), "{'formType':'adverse-event','values':{"
            + "'grade':1e999}}").with(as("coord.a")))
        .andExpect(status().is4xxClientError());
    mvc.perform(json(post("/api/v1/participants/nobody/forms"), ae(2, false)).with(as("coord.a")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/forms/" + UUID.randomUUID()).with(as("coord.a"))).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/queries?status=WHATEVER").with(as("dm.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("status"));
  }

  @Test
  void changeSignLockUnlock() throws Exception {
    String p = randomized();
    String f = createAe(p, false);
    String grade3 = "{'values':" + JSON.readTree(ae(3, false).replace('\'', '"')).get("values") + "}";
    mvc.perform(json(put("/api/v1/forms/" + f), grade3).with(as("coord.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("reason"));
    mvc.perform(json(post("/api/v1/forms/" + f + "/signature"), "{'password':'wrong password'}").with(as("inv.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("password"));
    mvc.perform(json(post("/api/v1/forms/" + f + "/signature"), "{'password':'" + PASSWORD + "'}")
            .with(as("coord.a")))
        .andExpect(status().isForbidden());
    mvc.perform(json(post("/api/v1/forms/" + f + "/signature"), "{'password':'" + PASSWORD + "'}").with(as("inv.a")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED"))
        .andExpect(jsonPath("$.signedBy").value("inv.a"))
        // 21 CFR 11.50: printed name, time and meaning with the signed record
        .andExpect(jsonPath("$.signature.printedName").value("inv.a"))
        .andExpect(jsonPath("$.signature.meaning").value("review and approval"))
        .andExpect(jsonPath("$.signature.signedAt").exists())
        .andExpect(jsonPath("$.signature.manifestation").value(org.hamcrest.Matchers.startsWith(
            "Reviewed and approved by inv.a (inv.a) at ")));
    mvc.perform(post("/api/v1/forms/" + f + "/lock").with(as("mon.a"))).andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/forms/" + f + "/lock").with(as("dm.a")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LOCKED"));
    // a locked form takes no query: 409 naming the form, nothing raised
    mvc.perform(json(post("/api/v1/forms/" + f + "/queries"), "{'field':'grade','text':'grade 2 or 3?'}")
            .with(as("dm.a")))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("form"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith(
            "is locked; unlock it to raise a query")));
    String withReason = grade3.substring(0, grade3.length() - 1) + ",'reason':'re-graded','version':1}";
    String withoutVersion = grade3.substring(0, grade3.length() - 1) + ",'reason':'re-graded'}";
    mvc.perform(json(put("/api/v1/forms/" + f), withReason).with(as("coord.a"))).andExpect(status().isConflict());
    mvc.perform(json(post("/api/v1/forms/" + f + "/unlock"), "{}").with(as("dm.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("reason"));
    mvc.perform(json(post("/api/v1/forms/" + f + "/unlock"), "{'reason':'source verification'}").with(as("dm.a")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED"));
    // a change that does not say which version it was made to is refused, not applied (RFC 6585: 428)
    mvc.perform(json(put("/api/v1/forms/" + f), withoutVersion).with(as("coord.a")))
        .andExpect(status().isPreconditionRequired()).andExpect(jsonPath("$.field").value("version"));
    mvc.perform(get("/api/v1/forms/" + f).with(as("coord.a"))).andExpect(jsonPath("$.version").value(1));
    mvc.perform(json(put("/api/v1/forms/" + f), withReason).with(as("coord.a")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.status").value("ENTERED"));
    JsonNode trail = read("/api/v1/forms/" + f + "/audit", "mon.a");
    assertThat(trail.toString()).contains("\"field\":\"values.grade\"").contains("re-graded");
  }

  @Test
  void queryWorkflowAndAlerts() throws Exception {
    String p = randomized();
    String f = createAe(p, true);
    assertThat(read("/api/v1/alerts", "inv.a").toString()).contains(f).contains("serious adverse event");
    assertThat(read("/api/v1/alerts", "dm.a").toString()).contains(f);
    assertThat(read("/api/v1/alerts", "coord.a").toString()).doesNotContain(f);
    mvc.perform(json(post("/api/v1/forms/" + f + "/queries"), "{'field':'grade','text':'grade 2 or 3?'}")
            .with(as("coord.a")))
        .andExpect(status().isForbidden());
    String q = JSON.readTree(mvc.perform(json(post("/api/v1/forms/" + f + "/queries"),
            "{'field':'grade','text':'grade 2 or 3?'}").with(as("mon.a")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    assertThat(read("/api/v1/queries?site=A&status=OPEN", "dm.a").toString()).contains(q);
    mvc.perform(get("/api/v1/queries?site=A").with(as("coord.b"))).andExpect(status().isForbidden());
    mvc.perform(json(post("/api/v1/queries/" + q + "/answer"), "{'answer':'grade 2 per the clinic note'}")
            .with(as("mon.a")))
        .andExpect(status().isForbidden());
    mvc.perform(json(post("/api/v1/queries/" + q + "/answer"), "{'answer':'grade 2 per the clinic note'}")
            .with(as("coord.a")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED"));
    mvc.perform(json(post("/api/v1/queries/" + q + "/close"), "{}").with(as("dm.a"))).andExpect(status().isForbidden());
    mvc.perform(json(post("/api/v1/queries/" + q + "/close"), "{'note':'ok'}").with(as("mon.a")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
  }

  @Test
  void reviewOverTheApiListsWhatBlocksAndLetsEachRoleDoItsStepOnly() throws Exception {
    String p = randomized();
    String f = createAe(p, false);
    String q = JSON.readTree(mvc.perform(json(post("/api/v1/forms/" + f + "/queries"),
            "{'field':'grade','text':'grade 2 or 3?'}").with(as("dm.a")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    mvc.perform(get("/api/v1/forms/" + f).with(as("coord.a")))
        .andExpect(jsonPath("$.pendingQueries").value(1));
    // signing and locking: 409 with every blocker in the problem document
    mvc.perform(json(post("/api/v1/forms/" + f + "/signature"), "{'password':'" + PASSWORD + "'}").with(as("inv.a")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.field").value("blockers"))
        .andExpect(jsonPath("$.overridable").value(false))
        .andExpect(jsonPath("$.blockers[0].field").value("values.grade"))
        .andExpect(jsonPath("$.blockers[0].kind").value("QUERY"));
    mvc.perform(post("/api/v1/forms/" + f + "/lock").with(as("dm.a"))).andExpect(status().isConflict())
        .andExpect(jsonPath("$.blockers[0].field").value("values.grade"));
    assertThat(read("/api/v1/forms/" + f + "/blockers", "mon.a")).hasSize(1);
    assertThat(read("/api/v1/participants/" + p + "/casebook", "inv.a").get("pendingQueries").asInt()).isEqualTo(1);
    // the query filters name a bad one
    mvc.perform(get("/api/v1/queries?age=soon").with(as("dm.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("age"));
    mvc.perform(get("/api/v1/queries?form=shoe").with(as("dm.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("form"));
    assertThat(read("/api/v1/queries?site=A&form=adverse-event&status=PENDING&age=0", "dm.a").toString()).contains(q);
    assertThat(read("/api/v1/queries?form=radiotherapy", "dm.a").toString()).doesNotContain(q);
    // closed by its raiser, re-opened with a reason by a monitor of the site, closed again
    mvc.perform(json(post("/api/v1/queries/" + q + "/close"), "{'note':'grade 2 in the note'}").with(as("dm.a")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.closeNote").value("grade 2 in the note"));
    mvc.perform(json(post("/api/v1/queries/" + q + "/reopen"), "{'reason':'again'}").with(as("coord.a")))
        .andExpect(status().isForbidden());
    mvc.perform(json(post("/api/v1/queries/" + q + "/reopen"), "{}").with(as("mon.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("reason"));
    mvc.perform(json(post("/api/v1/queries/" + q + "/reopen"), "{'reason':'the letter says 3'}").with(as("mon.a")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.reopenReason").value("the letter says 3"));
    mvc.perform(json(post("/api/v1/queries/" + q + "/close"), "{'note':'2 confirmed'}").with(as("dm.a")))
        .andExpect(status().isOk());
    // source-data verification: monitors of the site only, fields named
    mvc.perform(json(post("/api/v1/forms/" + f + "/verification"), "{'fields':['grade']}").with(as("coord.a")))
        .andExpect(status().isForbidden());
    mvc.perform(json(post("/api/v1/forms/" + f + "/verification"), "{'fields':['shoeSize']}").with(as("mon.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("fields"));
    mvc.perform(json(post("/api/v1/forms/" + f + "/verification"), "{'fields':['grade']}").with(as("mon.a")))
        .andExpect(status().isOk()).andExpect(jsonPath("$['values.grade'].verifiedBy").value("mon.a"));
    mvc.perform(get("/api/v1/forms/" + f).with(as("coord.a")))
        .andExpect(jsonPath("$.verified['values.grade'].version").value(1));
    // missing-data codes: a field the protocol gives none names itself
    String coded = ae(2, false).replace("'actionTaken':'none'", "'actionTaken':{'missing':'UNK'}");
    mvc.perform(json(post("/api/v1/participants/" + p + "/forms"), coded).with(as("coord.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("values.actionTaken"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("accepts no missing-data code")));
    // the casebook: one signature, each form listed
    mvc.perform(json(post("/api/v1/participants/" + p + "/casebook/signature"), "{'password':'" + PASSWORD + "'}")
            .with(as("coord.a")))
        .andExpect(status().isForbidden());
    mvc.perform(json(post("/api/v1/participants/" + p + "/casebook/signature"), "{'password':'" + PASSWORD + "'}")
            .with(as("inv.a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.forms[0].id").value(f))
        .andExpect(jsonPath("$.forms[0].status").value("SIGNED"))
        .andExpect(jsonPath("$.signature.manifestation").value(org.hamcrest.Matchers.containsString(f)));
    mvc.perform(json(post("/api/v1/participants/" + p + "/casebook/signature"), "{'password':'" + PASSWORD + "'}")
            .with(as("inv.a")))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("forms"));
    assertThat(read("/api/v1/participants/" + p + "/casebook", "mon.a").get("signatures")).hasSize(1);
  }

  @Test
  void theDataManagerLocksTheCasebookInOneActOverTheApi() throws Exception {
    if (register.users().find("dm.b").isEmpty()) {
      register.users().add(TestRegisters.admin(), "dm.b", Role.DATA_MANAGER, Set.of("B"), PASSWORD);
    }
    String p = randomized();
    String f = createAe(p, false);
    String url = "/api/v1/participants/" + p + "/casebook/lock";
    // the data manager of the participant's site only, as for the form lock: others 403, anonymous 401
    for (String user : new String[] {"inv.a", "coord.a", "mon.a", "stat", "dm.b", "admin"}) {
      mvc.perform(json(post(url), "{}").with(as(user))).andExpect(status().isForbidden());
    }
    mvc.perform(json(post(url), "{}")).andExpect(status().isUnauthorized());
    mvc.perform(json(post("/api/v1/participants/nobody/casebook/lock"), "{}").with(as("dm.a")))
        .andExpect(status().isNotFound());
    // bad input: a problem naming the field, never a 500
    mvc.perform(json(post(url), "{'reason':'" + "x".repeat(4001) + "'}").with(as("dm.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("reason"));
    mvc.perform(json(post(url), "{'reason':").with(as("dm.a"))).andExpect(status().isBadRequest());
    // the form is not signed yet: 409 with every blocker in the problem document (the keys are for machines)
    mvc.perform(json(post(url), "{'reason':'end of treatment'}").with(as("dm.a")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.field").value("blockers"))
        .andExpect(jsonPath("$.overridable").value(false))
        .andExpect(jsonPath("$.blockers.length()").value(1))
        .andExpect(jsonPath("$.blockers[0].formId").value(f))
        .andExpect(jsonPath("$.blockers[0].kind").value("UNSIGNED"))
        .andExpect(jsonPath("$.blockers[0].field").value("status"));
    mvc.perform(json(post("/api/v1/participants/" + p + "/casebook/signature"), "{'password':'" + PASSWORD + "'}")
            .with(as("inv.a")))
        .andExpect(status().isOk());
    // signed and clean: every form locked at once, without a body too
    mvc.perform(post(url).with(as("dm.a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.participantId").value(p))
        .andExpect(jsonPath("$.forms[0].id").value(f))
        .andExpect(jsonPath("$.forms[0].status").value("LOCKED"))
        .andExpect(jsonPath("$.forms[0].lockedBy").value("dm.a"));
    assertThat(read("/api/v1/forms/" + f + "/audit", "mon.a").toString()).contains("locked with the casebook");
    mvc.perform(post(url).with(as("dm.a"))).andExpect(status().isConflict())
        .andExpect(jsonPath("$.field").value("forms"));
    // the trial-scoped path is the same endpoint
    mvc.perform(post("/api/v1/trials/NCT03119519/participants/" + p + "/casebook/lock").with(as("dm.a")))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("forms"));
  }

  @Test
  void visitsEndpointsAndTheAnalysisDataset() throws Exception {
    String p = randomized();
    JsonNode visits = read("/api/v1/participants/" + p + "/visits", "mon.a");
    assertThat(visits.toString()).contains("\"visitId\":\"chemo-cycle\"").contains("OVERDUE");
    mvc.perform(get("/api/v1/participants/" + p + "/visits").with(as("coord.b"))).andExpect(status().isForbidden());
    assertThat(read("/api/v1/visits/overdue", "coord.a").toString()).contains(p);
    assertThat(read("/api/v1/visits/overdue", "coord.b").toString()).doesNotContain(p);
    assertThat(read("/api/v1/participants/" + p + "/endpoints", "stat").get("endpoints").get("pfs").get("event")
        .asInt()).isZero();
    mvc.perform(get("/api/v1/analysis-dataset").with(as("dm.a"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/analysis-dataset").with(as("stat")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
        // the trial's comparative results are not released: the statistician's dataset is pooled, without arm
        .andExpect(content().string(org.hamcrest.Matchers.startsWith("participant_id,histology")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(p + ",")))
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("RT+"))));
    assertThat(read("/api/v1/forms/definitions", "coord.a").toString()).contains("adverse-event");
    assertThat(read("/api/v1/analysis/safety", "stat").has("compliance")).isTrue();
    // pooled too: one compliance group of every participant
    JsonNode compliance = read("/api/v1/analysis/safety", "stat").get("compliance");
    assertThat(compliance.size()).isEqualTo(1);
    assertThat(compliance.get(0).get("arm").asString()).isEqualTo("all");
    mvc.perform(get("/api/v1/analysis/safety").with(as("mon.a"))).andExpect(status().isForbidden());
    // the web application reads these endpoints from the OpenAPI document
    String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(doc).contains("/api/v1/participants/{id}/visits", "/api/v1/forms/{formId}/signature",
        "/api/v1/queries/{queryId}/answer", "/api/v1/analysis-dataset", "/api/v1/alerts");
  }
}
