package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A consent refused on the participant page names the input by its label on that page ("Date signed"), not by the
 * request parameter ("date"): a consent dated next year is refused by the observation date rule (no date after the
 * day it is entered), a date that is not a date by the controller's own check.
 */
class ConsentFormErrorTest extends WebTestBase {
  private String refusal(String id, String date) throws Exception {
    return mvc.perform(post("/participants/" + id + "/consent").with(csrf())
            .with(user("coord.a").password(PASSWORD).roles("COORDINATOR"))
            .param("formVersion", "v2").param("date", date).param("obtainedBy", "coord.a"))
        .andReturn().getResponse().getContentAsString();
  }

  @Test
  void aRefusedConsentDateIsNamedByItsLabel() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "A-CONS-1", eligibleRecord("A-CONS-1"))
        .participant().id();
    String future = refusal(id, LocalDate.now().plusYears(1).toString());
    assertThat(future).contains("id=\"consent-error\"").contains("Date signed: the consent date")
        .doesNotContain(">date: ");
    String garbled = refusal(id, "5th of May");
    assertThat(garbled).contains("Date signed: is not a date (YYYY-MM-DD)");
  }
}
