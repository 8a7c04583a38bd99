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
 * The casebook grid starts the forms no visit schedules (in NCT03119519: adverse event, serious adverse event report,
 * death, ...; protocols/nct03119519.yaml, forms without visits) as the participant page does, for those who may write
 * at the participant's site; a scheduled form (systemic therapy, in the grid's cells) is not offered there, and a
 * monitor (reads only) sees no such link.
 */
class CasebookGridNewUnscheduledFormTest extends WebTestBase {
  @Autowired RandomizationService randomization;

  @Test
  void theGridOffersTheUnscheduledFormsToThoseWhoWrite() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "A-CGU-1", eligibleRecord("A-CGU-1"))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", LocalDate.now(), "coord.a"), null);
    randomization.randomize(actor("inv.a"), id, null);
    String coord = mvc.perform(get("/participants/" + id + "/casebook")
            .with(user("coord.a").password(PASSWORD).roles("COORDINATOR")))
        .andReturn().getResponse().getContentAsString();
    String list = coord.substring(coord.indexOf("id=\"new-unscheduled\""));
    list = list.substring(0, list.indexOf("</ul>"));
    assertThat(list).contains("/participants/" + id + "/forms/new?type=adverse-event\"")
        .contains(">adverse event (CTCAE v5.0)<").doesNotContain("type=systemic-therapy");
    String monitor = mvc.perform(get("/participants/" + id + "/casebook")
            .with(user("mon.a").password(PASSWORD).roles("MONITOR")))
        .andReturn().getResponse().getContentAsString();
    assertThat(monitor).doesNotContain("id=\"new-unscheduled\"");
  }
}
