package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every SVG the server emits scales to its box: on each page that shows a figure (the dashboard's enrolment chart,
 * the reports' CONSORT diagram and Kaplan-Meier curves, the participant's RECIST chart, the DSMB report's boundary
 * plot, the second factor's QR code) and in each SVG download, every {@code <svg>} carries a {@code viewBox} and no
 * width or height in pixels (its width is 100% of its box, its height follows from the viewBox's proportions). The
 * browser tests check the same on the pages they visit, as rendered ({@link PageChecks}); this test reaches every
 * figure, each with the data it needs: two participants randomized 40 days ago, one with a RECIST baseline and a
 * partial response (no event, so the other web tests' event counts stay as they are).
 */
class FiguresScaleToTheirBoxTest extends WebTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern SVG = Pattern.compile("<svg\\b[^>]*>");
  private static final Pattern PIXELS = Pattern.compile("\\s(width|height)=[\"']\\s*[0-9.]+\\s*(px)?[\"']");
  private static String withTumour;

  @Autowired DataCapture dc;

  @BeforeEach
  void seed() {
    synchronized (FiguresScaleToTheirBoxTest.class) {
      if (withTumour != null) {
        return;
      }
      register.users().add(TestRegisters.admin(), "dsmb.figures", Role.DSMB, Set.of(), PASSWORD);
      LocalDate day0 = LocalDate.now(ZoneOffset.UTC).minusDays(40);
      var trial = register.trials().defaultTrial();
      RandomizationService randomization = RandomizationService.on(register, trial.protocol(),
          ProtocolRandomization.scheme(trial.protocol()),
          Clock.fixed(day0.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= 2; i++) {
        String number = "A-FIG-" + i;
        String id = register.participants().register(actor("coord.a"), "A", number, eligibleRecord(number))
            .participant().id();
        register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", day0.minusDays(2), "Dr Li"),
            null);
        randomization.randomize(actor("coord.a"), id, null);
        ids.add(id);
      }
      form(ids.get(0), "tumour-baseline", "{'date':'" + day0.minusDays(5) + "','targets':[{'id':'T1','organ':'lung',"
          + "'node':false,'mm':42}]}");
      form(ids.get(0), "tumour-assessment", "{'date':'" + day0.plusDays(30) + "','targets':{'T1':28},"
          + "'newLesions':'no'}");
      withTumour = ids.get(0);
    }
  }

  private void form(String participant, String type, String values) {
    dc.forms().create(actor("coord.a"), participant, type, null, null, JSON.readTree(values.replace('\'', '"')));
  }

  private String as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    var response = mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn()
        .getResponse();
    assertThat(response.getStatus()).as(username + " " + req).isEqualTo(200);
    return response.getContentAsString();
  }

  @Test
  void everySvgOnThePagesAndInTheDownloadsHasAViewBoxAndNoPixelSize() throws Exception {
    String t = register.trials().defaultTrial().id();
    Map<String, String> emitted = new LinkedHashMap<>();
    emitted.put("dashboard", as("coord.a", get("/dashboard")));
    emitted.put("reports", as("stat", get("/reports")));
    emitted.put("participant", as("coord.a", get("/participants/" + withTumour)));
    emitted.put("DSMB report", as("dsmb.figures", get("/dsmb/" + t)));
    emitted.put("second factor", as("coord.a", post("/account/second-factor/start").with(csrf())));
    emitted.put("consort.svg", as("stat", get("/reports/consort.svg")));
    emitted.put("km-os.svg", as("stat", get("/reports/km-os.svg")));
    emitted.put("km-pfs.svg", as("stat", get("/reports/km-pfs.svg")));
    emitted.put("boundaries.svg", as("dsmb.figures", get("/dsmb/" + t + "/boundaries.svg")));

    List<String> figures = new ArrayList<>();
    emitted.forEach((where, body) -> {
      Matcher m = SVG.matcher(body);
      while (m.find()) {
        String root = m.group();
        assertThat(root).as(where).containsPattern("viewBox=[\"']0(\\.0)? 0(\\.0)? [0-9.]+ [0-9.]+[\"']").contains("width=\"100%\"");
        assertThat(PIXELS.matcher(root).find()).as(where + ": " + root).isFalse();
        figures.add(where + ": " + body.substring(m.start(), Math.min(body.length(), m.start() + 1500)));
      }
    });
    // each kind of figure was among them, so that none went unchecked
    assertThat(figures).anyMatch(f -> f.startsWith("dashboard") && f.contains("enr-title"));
    assertThat(figures).anyMatch(f -> f.startsWith("reports") && f.contains("consort-title"));
    assertThat(figures).anyMatch(f -> f.startsWith("reports") && f.contains("jfreesvg"));
    assertThat(figures).anyMatch(f -> f.startsWith("participant") && f.contains("recist-title"));
    assertThat(figures).anyMatch(f -> f.startsWith("DSMB report") && f.contains("Group-sequential boundaries"));
    assertThat(figures).anyMatch(f -> f.startsWith("second factor") && f.contains("QR code"));
    assertThat(figures).anyMatch(f -> f.startsWith("km-os.svg"));
    assertThat(figures).anyMatch(f -> f.startsWith("boundaries.svg"));
  }
}
