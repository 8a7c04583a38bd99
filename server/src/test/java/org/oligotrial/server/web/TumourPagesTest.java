package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.FormFacts;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tumour-assessment pages without a browser: the baseline editor's live check answers each lesion's message out
 * of band in the core's words, a refused save is a 400 naming the lesion with nothing stored, a saved baseline is
 * stored structured and opens again in the editor, a follow-up target neither measured nor marked not evaluable is
 * refused naming it. No page carries inline script.
 */
class TumourPagesTest extends WebTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @Autowired DataCapture dc;
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

  /** A lung primary of 40 mm and a mediastinal node of {@code nodeMm} as a target. */
  private static MockHttpServletRequestBuilder baseline(MockHttpServletRequestBuilder r, String nodeMm) {
    return r.with(csrf()).param("date", LocalDate.now().minusDays(10).toString())
        .param("lesionId", "T1", "T2").param("site", "lung", "mediastinal-node").param("siteText", "", "")
        .param("nodal", "no", "yes").param("target", "yes", "yes").param("mm", "40", nodeMm)
        .param("method", "CT", "CT").param("sliceThicknessMm", "1", "").param("role", "primary", "other");
  }

  @Test
  void theBaselineEditorChecksRecistAtTheLesionAsTyped() throws Exception {
    String id = randomized("A-TUM-1");
    String page = as("coord.a", get("/participants/" + id + "/forms/new").param("type", "tumour-baseline"))
        .getResponse().getContentAsString();
    assertThat(page).contains("id=\"lesion-rows\"").contains("data-row-id=\"T1\"").contains("id=\"lesion-template\"")
        .contains("/js/lesions.js").contains("hx-post=\"/participants/" + id + "/tumour/baseline/check\"")
        .contains("value=\"mediastinal-node\"").contains("value=\"PET-CT\"").contains("baseline oligometastatic focus")
        .doesNotContain("<textarea");
    // RECIST 1.1: a target node needs a short axis of at least 15 mm (Eisenhauer 2009, section 3.1.1)
    String live = as("coord.a", baseline(post("/participants/" + id + "/tumour/baseline/check"), "12"))
        .getResponse().getContentAsString();
    assertThat(live).contains("id=\"panel\"").contains("Not yet a valid RECIST baseline");
    String t2 = live.substring(live.indexOf("id=\"msg-T2\""));
    assertThat(live.substring(live.indexOf("id=\"msg-T1\""), live.indexOf("id=\"msg-T2\"")))
        .contains("hx-swap-oob=\"true\"").doesNotContain("error-text");
    assertThat(t2).contains("hx-swap-oob=\"true\"").contains("short axis 12 mm is below the 15 mm");
    String fine = as("coord.a", baseline(post("/participants/" + id + "/tumour/baseline/check"), "15"))
        .getResponse().getContentAsString();
    assertThat(fine).contains("Follows RECIST 1.1").contains("2 target, 0 non-target").contains("55 mm");
  }

  @Test
  void aRefusedBaselineIsA400NamingTheLesionAndNothingIsStored() throws Exception {
    String id = randomized("A-TUM-2");
    MvcResult r = as("coord.a", baseline(post("/participants/" + id + "/tumour/baseline"), "12"));
    assertThat(r.getResponse().getStatus()).isEqualTo(400);
    assertThat(r.getResponse().getContentAsString()).contains("Not saved").contains("T2")
        .contains("value=\"12\"").doesNotContain("Exception");
    assertThat(dc.forms().list(actor("coord.a"), id)).isEmpty();
  }

  @Test
  void aSavedBaselineIsStructuredAndOpensAgainInTheEditor() throws Exception {
    String id = randomized("A-TUM-3");
    MvcResult r = as("coord.a", baseline(post("/participants/" + id + "/tumour/baseline"), "18"));
    assertThat(r.getResponse().getRedirectedUrl()).as(r.getResponse().getContentAsString()).startsWith("/forms/");
    StoredForm f = dc.forms().list(actor("coord.a"), id).get(0);
    JsonNode v = JSON.readTree(f.valuesJson());
    assertThat(v.path("lesions")).hasSize(2);
    assertThat(v.path("lesions").get(0).path("role").asString()).isEqualTo("primary");
    assertThat(v.path("lesions").get(1).path("nodal").asBoolean()).isTrue();
    assertThat(as("coord.a", get("/forms/" + f.id() + "/edit")).getResponse().getRedirectedUrl())
        .isEqualTo("/forms/" + f.id() + "/lesions");
    String edit = as("coord.a", get("/forms/" + f.id() + "/lesions")).getResponse().getContentAsString();
    assertThat(edit).contains("data-row-id=\"T2\"").contains("value=\"18\"").contains("Reason for change");
    // a second baseline is not offered: the page opens the stored one
    assertThat(as("coord.a", get("/participants/" + id + "/forms/new").param("type", "tumour-baseline"))
        .getResponse().getRedirectedUrl()).isEqualTo("/forms/" + f.id() + "/lesions");
  }

  @Test
  void aTargetNeitherMeasuredNorNotEvaluableIsA400NamingItAndNothingIsStored() throws Exception {
    String id = randomized("A-TUM-5");
    as("coord.a", baseline(post("/participants/" + id + "/tumour/baseline"), "20"));
    MvcResult r = as("coord.a", post("/participants/" + id + "/tumour/assessment").with(csrf())
        .param("date", LocalDate.now().toString()).param("t.T1", "30"));
    assertThat(r.getResponse().getStatus()).isEqualTo(400);
    assertThat(r.getResponse().getContentAsString()).contains("Not saved").contains("href=\"#msg-T2\"")
        .contains("T2: enter the measure in mm");
    assertThat(dc.forms().list(actor("coord.a"), id)).extracting(StoredForm::formType)
        .containsExactly("tumour-baseline");
    MvcResult ok = as("coord.a", post("/participants/" + id + "/tumour/assessment").with(csrf())
        .param("date", LocalDate.now().toString()).param("t.T1", "30").param("ne.T2", "true"));
    assertThat(ok.getResponse().getRedirectedUrl()).startsWith("/forms/");
    StoredForm a = dc.forms().list(actor("coord.a"), id).stream()
        .filter(f -> f.formType().equals("tumour-assessment")).findFirst().orElseThrow();
    assertThat(FormFacts.values(a).path("targets").get("T2").isNull()).isTrue();
    assertThat(FormFacts.derived(a).path("overallResponse").asString()).isEqualTo("NE");
  }

  @Test
  void aBaselineStoredInTheOlderShapeOpensInTheEditorAndIsSavedStructured() throws Exception {
    String id = randomized("A-TUM-6");
    StoredForm old = dc.forms().create(actor("coord.a"), id, "tumour-baseline", null, null, JSON.readTree(
        "{\"date\":\"" + LocalDate.now().minusDays(10) + "\",\"targets\":[{\"id\":\"T1\",\"organ\":\"lung\","
            + "\"node\":false,\"mm\":42},{\"id\":\"N1\",\"organ\":\"mediastinal lymph node\",\"node\":true,"
            + "\"mm\":20}]}"));
    assertThat(old.valuesJson()).contains("\"targets\"").doesNotContain("\"lesions\"");
    String edit = as("coord.a", get("/forms/" + old.id() + "/lesions")).getResponse().getContentAsString();
    // the organ "lung" is a coded site; "mediastinal lymph node" is kept as the text of an "other" site
    assertThat(edit).contains("data-row-id=\"T1\"").contains("data-row-id=\"N1\"").contains("value=\"42\"")
        .contains("value=\"mediastinal lymph node\"").contains("Follows RECIST 1.1");
    MvcResult r = as("coord.a", post("/forms/" + old.id() + "/lesions").with(csrf())
        .param("date", LocalDate.now().minusDays(10).toString()).param("version", "1")
        .param("reason", "lesions recorded structured").param("lesionId", "T1", "N1")
        .param("site", "lung", "mediastinal-node").param("siteText", "", "").param("nodal", "no", "yes")
        .param("target", "yes", "yes").param("mm", "42", "20").param("method", "CT", "CT")
        .param("sliceThicknessMm", "", "").param("role", "primary", "other"));
    assertThat(r.getResponse().getRedirectedUrl()).as(r.getResponse().getContentAsString())
        .isEqualTo("/forms/" + old.id() + "?saved");
    StoredForm now = dc.forms().get(actor("coord.a"), old.id());
    assertThat(now.version()).isEqualTo(2);
    assertThat(JSON.readTree(now.valuesJson()).path("lesions").get(1).path("site").asString())
        .isEqualTo("mediastinal-node");
    assertThat(dc.forms().auditTrail(actor("coord.a"), old.id())).anySatisfy(e -> {
      assertThat(e.entry().field()).isEqualTo("values.lesions");
      assertThat(e.entry().reason()).isEqualTo("lesions recorded structured");
    });
  }

  @Test
  void noTemplateCarriesInlineScriptOrEventHandlerAttributes() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        String html = Files.readString(p);
        assertThat(html).as(p.toString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
            .doesNotContainPattern("\\son[a-z]+\\s*=");
      }
    }
  }
}
