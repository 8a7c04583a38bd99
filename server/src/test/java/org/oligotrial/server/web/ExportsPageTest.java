package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exports page and its statistics zip: the statistician's zip holds every form's CSV, the dictionary, the R and
 * SAS read-in scripts and the analysis dataset with its scripts; a data manager's holds the forms of their site's
 * participants and no analysis dataset; the form tables carry no arm; other roles are refused (403, audited); every
 * download is audited.
 */
class ExportsPageTest extends WebTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @Autowired DataCapture dc;
  private static String atA;
  private static String atB;

  @BeforeEach
  void seed() {
    synchronized (ExportsPageTest.class) {
      if (atA != null) {
        return;
      }
      LocalDate day0 = LocalDate.now(ZoneOffset.UTC).minusDays(40);
      RandomizationService randomization = RandomizationService.on(register, register.trials().defaultTrial()
          .protocol(), ProtocolRandomization.scheme(register.trials().defaultTrial().protocol()),
          Clock.fixed(day0.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
      atA = randomized(randomization, "A", "coord.a", "A-EXP-1", day0);
      atB = randomized(randomization, "B", "coord.b", "B-EXP-1", day0);
      dc.forms().create(actor("coord.a"), atA, "adverse-event", null, null, JSON.readTree(("{'term':'Nausea',"
          + "'grade':2,'startDate':'" + day0.plusDays(10) + "','serious':false,'relatedToSystemicTherapy':'probable',"
          + "'relatedToRadiotherapy':'unlikely','actionTaken':'none','outcome':'recovered'}").replace('\'', '"')));
      dc.forms().create(actor("coord.b"), atB, "adverse-event", null, null, JSON.readTree(("{'term':'Fatigue',"
          + "'grade':1,'startDate':'" + day0.plusDays(12) + "','serious':false,'relatedToSystemicTherapy':'possible',"
          + "'relatedToRadiotherapy':'unlikely','actionTaken':'none','outcome':'recovering'}").replace('\'', '"')));
    }
  }

  private String randomized(RandomizationService r, String site, String coordinator, String number, LocalDate day0) {
    String id = register.participants().register(actor(coordinator), site, number, eligibleRecord(number))
        .participant().id();
    register.participants().recordConsent(actor(coordinator), id, new Consent("v1", day0.minusDays(2), "Dr Li"),
        null);
    r.randomize(actor(coordinator), id, null);
    return id;
  }

  private MvcResult as(String username, MockHttpServletRequestBuilder req) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(req.with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  /** The zip's files by name. */
  private Map<String, String> zip(String username, String path) throws Exception {
    MvcResult r = as(username, get(path));
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    assertThat(r.getResponse().getContentType()).isEqualTo("application/zip");
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  @Test
  void theStatisticianDownloadsEveryFormTheDictionaryTheScriptsAndTheAnalysisDataset() throws Exception {
    String trial = register.trials().defaultTrial().id();
    String page = as("stat", get("/trials/" + trial + "/exports")).getResponse().getContentAsString();
    assertThat(page).contains("id=\"statistics-zip\"").contains("href=\"/trials/" + trial
        + "/exports/statistics.zip\"").contains("analysis.csv");
    Map<String, String> files = zip("stat", "/trials/" + trial + "/exports/statistics.zip");
    assertThat(files).containsKeys("adverse-event.csv", "tumour-baseline__lesions.csv", "dictionary.csv", "read.R",
        "read.sas", "analysis.csv", "read-analysis.R", "read-analysis.sas");
    assertThat(files.get("adverse-event.csv")).contains(atA).contains(atB).contains("Nausea").contains("Fatigue");
    // the form tables carry no allocation: no column named arm in any of them
    files.forEach((name, text) -> {
      if (name.endsWith(".csv") && !name.equals("analysis.csv") && !name.equals("dictionary.csv")) {
        assertThat(List.of(text.substring(0, text.indexOf('\n')).split(","))).as(name).doesNotContain("arm");
      }
    });
    // every column of the analysis dataset is read by the R script, in the CSV's order
    List<String> header = List.of(files.get("analysis.csv").substring(0, files.get("analysis.csv").indexOf('\n'))
        .split(","));
    String r = files.get("read-analysis.R");
    int at = 0;
    for (String c : header) {
      int next = r.indexOf(c, at);
      assertThat(next).as("column " + c + " in read-analysis.R").isGreaterThanOrEqualTo(0);
      at = next;
    }
    AuditEntry last = register.audit().latest(1).get(0).entry();
    assertThat(last.action()).isEqualTo(AuditAction.EXPORT);
    assertThat(last.actor()).isEqualTo("stat");
    assertThat(last.entityId()).isEqualTo("statistics");
    assertThat(last.newValue()).startsWith("statistics zip: ").contains("analysis dataset of");
  }

  @Test
  void aDataManagerGetsTheirSitesFormsWithoutTheAnalysisDataset() throws Exception {
    assertThat(as("dm.a", get("/exports")).getResponse().getContentAsString())
        .contains("The analysis dataset is the statistician's export.");
    Map<String, String> files = zip("dm.a", "/exports/statistics.zip");
    assertThat(files).containsKeys("adverse-event.csv", "dictionary.csv", "read.R", "read.sas")
        .doesNotContainKeys("analysis.csv", "read-analysis.R", "read-analysis.sas");
    assertThat(files.get("adverse-event.csv")).contains(atA).doesNotContain(atB);
    // other tests of this context add events too: every row, whoever made it, is of site A (the second column)
    List<String> rows = List.of(files.get("adverse-event.csv").split("\n"));
    assertThat(rows.subList(1, rows.size())).isNotEmpty()
        .allSatisfy(row -> assertThat(row.split(",")[1]).as(row).isEqualTo("A"));
    assertThat(register.audit().latest(1).get(0).entry().newValue()).endsWith("(sites A)");
  }

  @Test
  void everyOtherRoleIsRefusedThePageAndTheZipAndTheRefusalIsAudited() throws Exception {
    for (String u : List.of("coord.a", "inv.a", "mon.a", "admin")) {
      for (String path : List.of("/exports", "/exports/statistics.zip")) {
        assertThat(as(u, get(path)).getResponse().getStatus()).as(u + " " + path).isEqualTo(403);
        AuditEntry last = register.audit().latest(1).get(0).entry();
        assertThat(last.action()).isEqualTo(AuditAction.ACCESS_DENIED);
        assertThat(last.actor()).isEqualTo(u);
      }
    }
  }
}
