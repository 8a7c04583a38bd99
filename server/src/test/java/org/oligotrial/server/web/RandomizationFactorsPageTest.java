package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The randomization record of a randomized participant lists the stratification factors used by the protocol's
 * factor names and level labels (protocols/nct03119519.yaml: {@code first_line} is "first-line systemic therapy",
 * its level {@code non-targeted} "non-targeted (platinum doublet)"), as the preview before randomization does, never
 * as {@code first_line: non-targeted}.
 */
class RandomizationFactorsPageTest extends WebTestBase {
  @Autowired RandomizationService randomization;

  @Test
  void theFactorsUsedReadAsTheProtocolNamesThem() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "A-RF-1", eligibleRecord("A-RF-1"))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", LocalDate.now(), "coord.a"), null);
    randomization.randomize(actor("inv.a"), id, null);
    String page = mvc.perform(get("/participants/" + id + "/randomization")
            .with(user("inv.a").password(PASSWORD).roles("INVESTIGATOR")))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Stratification factors used").contains("<li>first-line systemic therapy: ")
        .contains("<li>intracranial metastasis: ")
        .doesNotContain("<li>first_line: ").doesNotContain("<li>brain_metastasis: ").doesNotContain("<li>histology: non-squamous");
  }
}
