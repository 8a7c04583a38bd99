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

/**
 * An adverse event's CTCAE term is stored with its parts ({@code term}, {@code meddraCode}, {@code soc}); the form
 * page's values table and audit trail name the parts in words ("MedDRA code", "system organ class"), never by the
 * stored key {@code meddraCode}. Expected MedDRA code of Pneumonitis, 10035742: CTCAE v5.0.
 */
class CtcaeTermPartsLabelsTest extends WebTestBase {
  @Autowired RandomizationService randomization;

  @Test
  void theTermsPartsAreNamedInWords() throws Exception {
    String pid = register.participants().register(actor("coord.a"), "A", "A-CTP-1", eligibleRecord("A-CTP-1"))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), pid, new Consent("v1", LocalDate.now(), "coord.a"), null);
    randomization.randomize(actor("inv.a"), pid, null);
    String location = mvc.perform(post("/participants/" + pid + "/forms").with(csrf())
            .with(user("coord.a").password(PASSWORD).roles("COORDINATOR")).param("type", "adverse-event")
            .param("v.term", "Pneumonitis").param("v.grade", "3").param("v.startDate", LocalDate.now().toString())
            .param("v.relatedToSystemicTherapy", "possible").param("v.relatedToRadiotherapy", "probable")
            .param("v.actionTaken", "interrupted").param("v.outcome", "recovering"))
        .andReturn().getResponse().getRedirectedUrl();
    String page = mvc.perform(get(location.substring(0, location.indexOf('?')))
            .with(user("dm.a").password(PASSWORD).roles("DATA_MANAGER")))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("CTCAE v5.0 term (MedDRA code)").contains("CTCAE v5.0 term (system organ class)")
        .contains("MedDRA code: 10035742").doesNotContain("meddraCode").doesNotContain("(soc)");
  }
}
