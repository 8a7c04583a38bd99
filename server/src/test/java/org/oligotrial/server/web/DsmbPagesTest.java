package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DSMB report on a seeded trial: DSMB members only (everyone else 403, audited), every view audited; the
 * sections with the seeded serious adverse event and death; recording an interim look and its row and plot.
 */
class DsmbPagesTest extends WebTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @Autowired DataCapture dc;
  private static boolean seeded;

  @BeforeEach
  void seed() {
    synchronized (DsmbPagesTest.class) {
      if (seeded) {
        return;
      }
      register.users().add(TestRegisters.admin(), "dsmb.chair", Role.DSMB, Set.of(), PASSWORD);
      // randomized 60 days ago (a randomization service on a clock of that day), events since
      LocalDate day0 = LocalDate.now(ZoneOffset.UTC).minusDays(60);
      RandomizationService randomization = RandomizationService.on(register, register.trials().defaultTrial()
          .protocol(), ProtocolRandomization.scheme(register.trials().defaultTrial().protocol()),
          Clock.fixed(day0.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
      String today = day0.plusDays(30).toString();
      for (int i = 1; i <= 4; i++) {
        String number = "A-DSMB-" + i;
        String id = register.participants().register(actor("coord.a"), "A", number, eligibleRecord(number))
            .participant().id();
        register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", day0.minusDays(2),
            "Dr Li"), null);
        randomization.randomize(actor("coord.a"), id, null);
        if (i == 1) {
          form(id, "death", "{'date':'" + today + "','cause':'unknown'}");
        }
        if (i == 2) {
          form(id, "adverse-event", "{'term':'Pneumonitis','grade':3,'startDate':'" + today + "','serious':true,"
              + "'relatedToSystemicTherapy':'unlikely','relatedToRadiotherapy':'probable','actionTaken':'interrupted',"
              + "'outcome':'recovering'}");
          form(id, "progression", "{'date':'" + today + "','site':'thoracic'}");
        }
        if (i >= 3) {
          form(id, "progression", "{'date':'" + day0.plusDays(30 + 10 * (i - 2)) + "','site':'thoracic'}");
        }
      }
      seeded = true;
    }
  }

  private void form(String participant, String type, String values) {
    dc.forms().create(actor("coord.a"), participant, type, null, null, JSON.readTree(values.replace('\'', '"')));
  }

  private String trial() {
    return register.trials().defaultTrial().id();
  }

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  @Test
  void onlyDsmbMembersOpenTheReportAndEveryViewAndRefusalIsAudited() throws Exception {
    String t = trial();
    long denied = count(AuditAction.ACCESS_DENIED);
    for (String page : List.of("/dsmb/" + t, "/dsmb/" + t + "/print", "/dsmb/" + t + "/boundaries.svg")) {
      for (String u : List.of("coord.a", "inv.a", "dm.a", "mon.a", "stat", "admin")) {
        assertThat(as(u, get(page)).getResponse().getStatus()).as(u + " " + page).isEqualTo(403);
      }
    }
    assertThat(count(AuditAction.ACCESS_DENIED)).isGreaterThanOrEqualTo(denied + 18);
    assertThat(as("coord.a", post("/dsmb/" + t + "/looks").with(csrf())).getResponse().getStatus()).isEqualTo(403);

    MvcResult page = as("dsmb.chair", get("/dsmb/" + t));
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    AuditEntry viewed = register.audit().latest(1).get(0).entry();
    assertThat(viewed.actor()).isEqualTo("dsmb.chair");
    assertThat(viewed.entityType()).isEqualTo("dsmb-report");
    assertThat(viewed.action()).isEqualTo(AuditAction.EXPORT);
    assertThat(as("dsmb.chair", get("/dsmb")).getResponse().getRedirectedUrl()).isEqualTo("/dsmb/" + t);
  }

  @Test
  void theReportShowsEverySectionWithTheSeededEventsAndARecordedLook() throws Exception {
    String t = trial();
    MvcResult rec = as("dsmb.chair", post("/dsmb/" + t + "/looks").with(csrf()));
    assertThat(rec.getResponse().getStatus()).as(rec.getResponse().getContentAsString().replaceAll("(?s).*<main", "")).isEqualTo(302);
    String html = as("dsmb.chair", get("/dsmb/" + t + "/print")).getResponse().getContentAsString();
    assertThat(html).contains("id=\"accrual-table\"", "id=\"consort\"", "id=\"table1\"", "id=\"compliance-table\"",
        "id=\"ae-table\"", "id=\"sae-table\"", "id=\"death-table\"", "id=\"look-table\"", "id=\"data-currency\"");
    // the seeded serious adverse event, listed with its grade and outcome
    assertThat(html).contains("Pneumonitis").contains("recovering");
    // the AE table by system organ class (CTCAE v5.0: Pneumonitis is in "Respiratory, thoracic and mediastinal
    // disorders"), and the SAE listing names the coded term
    String aeTable = html.substring(html.indexOf("id=\"ae-table\""), html.indexOf("id=\"sae-table\""));
    assertThat(aeTable).contains("Respiratory, thoracic and mediastinal disorders", "Pneumonitis");
    String saeTable = html.substring(html.indexOf("id=\"sae-table\""), html.indexOf("id=\"death-table\""));
    assertThat(saeTable).contains("Pneumonitis");
    // look 1: the seeded death and three progressions are four PFS events of the planned 122
    assertThat(html).containsPattern("<th scope=\"row\">1</th>\\s*<td>[0-9-]+</td><td>[0-9-]+</td>\\s*<td>4</td>");
    assertThat(html).contains("0.033"); // information fraction 4/122 = 0.0328
    assertThat(html).contains("CONTINUE");
    // the boundary plot and the Kaplan-Meier curves are SVG with a viewBox
    assertThat(html).contains("Group-sequential boundaries").contains("class=\"observed\"");
    assertThat(html.split("viewBox").length - 1).isGreaterThanOrEqualTo(3);
    MvcResult svg = as("dsmb.chair", get("/dsmb/" + t + "/boundaries.svg"));
    assertThat(svg.getResponse().getContentType()).startsWith("image/svg+xml");
    assertThat(svg.getResponse().getContentAsString()).startsWith("<svg").contains("viewBox=\"0 0 640 400\"")
        .contains("class=\"look\"");
  }

  private long count(AuditAction action) {
    long[] n = {0};
    register.audit().forEach(e -> {
      if (e.entry().action() == action) {
        n[0]++;
      }
    });
    return n[0];
  }
}
