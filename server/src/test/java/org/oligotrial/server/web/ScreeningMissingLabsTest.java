package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.oligotrial.server.web.screening.ScreeningForm;
import org.springframework.util.MultiValueMap;

/**
 * The live screening result for a candidate whose laboratory values are not entered yet: the criteria that need them
 * (I7 bone marrow, I8 liver and kidney in NCT03119519) name each missing value by its form row's label
 * ({@code WBC (white blood cells)}, the name from the units table as on the form), never by its record path
 * ({@code labs.WBC}) or its input id ({@code WBC_value}), and the "Fill in" links are separated by commas.
 */
class ScreeningMissingLabsTest extends WebTestBase {
  @Test
  void missingLaboratoryValuesAreNamedAsOnTheForm() throws Exception {
    MultiValueMap<String, String> p =
        ScreeningForm.fromJson(org.oligotrial.protocol.ProtocolLoader.bundled().record(), eligibleRecord("A-LAB-1"));
    p.set("site", "A");
    p.keySet().removeIf(k -> k.endsWith("_value"));
    String html = mvc.perform(post("/screening/check").with(csrf())
            .with(user("coord.a").password(PASSWORD).roles("COORDINATOR")).params(p))
        .andReturn().getResponse().getContentAsString();
    assertThat(html).contains("missing data")
        .contains("WBC (white blood cells)").contains("ALT (alanine aminotransferase)")
        .doesNotContain("labs.WBC").doesNotContain("labs.ALT")
        .doesNotContain(">WBC_value<").doesNotContain(">ALT_value<")
        // the link still leads to the input
        .contains("href=\"#WBC_value\"")
        .contains("WBC (white blood cells)</a>, <a");
  }

  /** Values entered without the upper limit of normal that I8 compares with: the limit is named, not {@code labs.ALT.uln}. */
  @Test
  void aMissingUpperLimitOfNormalIsNamedAsOnTheForm() throws Exception {
    MultiValueMap<String, String> p =
        ScreeningForm.fromJson(org.oligotrial.protocol.ProtocolLoader.bundled().record(), eligibleRecord("A-LAB-2"));
    p.set("site", "A");
    p.keySet().removeIf(k -> k.endsWith("_uln"));
    String html = mvc.perform(post("/screening/check").with(csrf())
            .with(user("coord.a").password(PASSWORD).roles("COORDINATOR")).params(p))
        .andReturn().getResponse().getContentAsString();
    assertThat(html).contains("ALT (alanine aminotransferase) upper limit of normal")
        .doesNotContain("labs.ALT.uln").doesNotContain(">ALT_uln<").contains("href=\"#ALT_uln\"");
  }

  /**
   * The saved result on the participant's page words each criterion's result as the live check does ("passes",
   * "fails", "missing data"), not the engine's PASS or UNKNOWN: here I7 and I8 lack the removed values.
   */
  @Test
  void theParticipantPageWordsTheResultsAsTheLiveCheck() throws Exception {
    var json = (tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(eligibleRecord("A-LAB-3"));
    ((tools.jackson.databind.node.ObjectNode) json.get("labs")).remove("WBC");
    String record = json.toString();
    var actor = new org.oligotrial.server.kernel.Actor("coord.a", org.oligotrial.server.kernel.Role.COORDINATOR,
        java.util.Set.of("A"));
    String id = register.participants().register(actor, "A", "A-LAB-3", record).participant().id();
    String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .get("/participants/" + id).with(user("coord.a").password(PASSWORD).roles("COORDINATOR")))
        .andReturn().getResponse().getContentAsString();
    String table = html.substring(html.indexOf("Eligibility (screening version"));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(table).contains(">passes<").contains(">missing data<")
        .doesNotContain(">pass<").doesNotContain(">unknown<").doesNotContain(">PASS<");
  }
}
