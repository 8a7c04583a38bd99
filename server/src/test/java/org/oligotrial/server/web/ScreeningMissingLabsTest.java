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
}
