package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.participant.Consent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The adverse-event form coded to CTCAE v5.0 in the browser's terms: the type-ahead options, the grades of the chosen
 * term with their definitions (quoted from CTCAE v5.0, NCI 2017), and a refused grade shown at its field.
 */
class CtcaeWebTest extends WebTestBase {
  @Autowired DataCapture dataCapture;
  @Autowired RandomizationService randomization;

  @Test
  void theTypeAheadOffersTermsBestFirst() throws Exception {
    String rash = as("coord.a", get("/ctcae/terms").param("q", "rash")).getResponse().getContentAsString();
    assertThat(rash.indexOf("value=\"Rash pustular\"")).isNotNegative()
        .isLessThan(rash.indexOf("value=\"Papulopustular rash\""));
    // as the form's input sends it: its own name and value
    String low = as("coord.a", get("/ctcae/terms").param("field", "term").param("v.term", "low platelets"))
        .getResponse().getContentAsString();
    assertThat(low).contains("<option value=\"Platelet count decreased\">Investigations (for low platelets),"
        + " MedDRA 10035528</option>");
    assertThat(as("coord.a", get("/ctcae/terms").param("q", "")).getResponse().getContentAsString())
        .doesNotContain("<option");
  }

  @Test
  void theBlankFormWiresTheTermToItsGrades() throws Exception {
    String id = randomized("A-CTCAE-0");
    String blank = as("coord.a", get("/participants/" + id + "/forms/new").param("type", "adverse-event"))
        .getResponse().getContentAsString();
    String grade = blank.substring(blank.indexOf("<select id=\"f-grade\""));
    grade = grade.substring(0, grade.indexOf("</select>"));
    // the select asks for the grades when the term changes, sending the term; before a term all five are offered
    assertThat(grade).contains("hx-trigger=\"change from:#f-term, input changed delay:300ms from:#f-term\"")
        .contains("hx-include=\"#f-term\"").contains("<option value=\"5\">Grade 5</option>");
    assertThat(blank).contains("<datalist id=\"f-term-options\"></datalist>")
        .contains("name=\"v.term.otherSpecify\"");
  }

  @Test
  void theGradeSelectOffersOnlyTheTermsGradesWithTheirDefinitions() throws Exception {
    String html = as("coord.a", get("/ctcae/grades").param("field", "term").param("v.term", "Nausea")
        .param("grade", "grade").param("v.grade", "2")).getResponse().getContentAsString();
    // CTCAE v5.0 Nausea grade 2: "Oral intake decreased without significant weight loss, dehydration or malnutrition"
    assertThat(html).contains("<option value=\"2\" selected=\"selected\">Grade 2: Oral intake decreased without"
        + " significant weight loss, dehydration or malnutrition</option>");
    assertThat(html).contains("value=\"1\"").contains("value=\"3\"").doesNotContain("value=\"4\"")
        .doesNotContain("value=\"5\"");
  }

  @Test
  void aGradeThatDoesNotExistForTheTermIsRefusedAtItsField() throws Exception {
    String id = randomized("A-CTCAE-1");
    MvcResult r = as("coord.a", adverseEvent(post("/participants/" + id + "/forms"), "Nausea", "", "5"));
    String page = r.getResponse().getContentAsString();
    assertThat(page).contains("Not saved").contains("CTCAE grade: grade 5 does not exist for Nausea in CTCAE v5.0;"
        + " allowed grades: 1, 2, 3");
    // the page comes back with the term kept and only Nausea's grades offered
    assertThat(page).contains("value=\"Nausea\"").contains("Grade 3: Inadequate oral caloric or fluid intake")
        .doesNotContain("<option value=\"4\"");
    String other = as("coord.a", adverseEvent(post("/participants/" + id + "/forms"),
        "Eye disorders - Other, specify", "", "1")).getResponse().getContentAsString();
    assertThat(other).contains("CTCAE v5.0 term: is required for Eye disorders - Other, specify: the event in words");
    MvcResult saved = as("coord.a", adverseEvent(post("/participants/" + id + "/forms"),
        "Eye disorders - Other, specify", "conjunctival haemorrhage", "1"));
    assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/forms/");
    String formId = saved.getResponse().getRedirectedUrl().substring(7).replace("?saved", "");
    String edit = as("coord.a", get("/forms/" + formId + "/edit")).getResponse().getContentAsString();
    assertThat(edit).contains("value=\"Eye disorders - Other, specify\"")
        .contains("value=\"conjunctival haemorrhage\"");
  }

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

  private static MockHttpServletRequestBuilder adverseEvent(MockHttpServletRequestBuilder r, String term,
      String other, String grade) {
    return r.with(csrf()).param("type", "adverse-event").param("v.term", term).param("v.term.otherSpecify", other)
        .param("v.grade", grade).param("v.startDate", LocalDate.now().toString())
        .param("v.relatedToSystemicTherapy", "possible").param("v.relatedToRadiotherapy", "unlikely")
        .param("v.actionTaken", "none").param("v.outcome", "recovered");
  }
}
