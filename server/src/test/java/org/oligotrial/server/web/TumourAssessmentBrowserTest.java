package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.MutableClock;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance of the primary endpoint end to end, in headless Chromium: one participant is screened in the browser,
 * has the baseline lesions entered in the lesion editor (a RECIST rule broken and shown at its row, then fixed) and
 * two follow-up assessments (partial response, then progression by a new lesion) with the live panel checked as
 * typed; a second participant progresses clinically only (progression form) and a third dies without progression.
 * Then the Kaplan-Meier report of the web and the analysis dataset show each at the right time, with the PFS source.
 * A clock of its own (day 0 some 200 days ago) lets the scans follow one another; its own in-memory database holds
 * only these three participants.
 */
@SpringBootTest(
    classes = ServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:tumourbrowser;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "logging.level.root=warn"
    })
@Import(TumourAssessmentBrowserTest.TestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TumourAssessmentBrowserTest {
  static final String PASSWORD = "password-for-web-tests";
  static final LocalDate DAY0 = LocalDate.now().minusDays(200);

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock mutableTestClock() {
      return new MutableClock(DAY0);
    }
  }

  @Autowired Register register;
  @Autowired DataCapture dc;
  @Autowired RandomizationService randomization;
  @Autowired MutableClock clock;
  @Autowired Clock anyClock;
  @LocalServerPort int port;
  private Browser b;

  @BeforeAll
  void start() throws Exception {
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
    b = new Browser("http://127.0.0.1:" + port);
  }

  @AfterAll
  void stop() throws Exception {
    b.close();
  }

  @Test
  void screeningToPfsEventsByRecistClinicalProgressionAndDeath() throws Exception {
    assertThat(anyClock.instant()).isEqualTo(clock.instant());
    // day 0: participant 1 screened and consented in the browser; 2 and 3 through the services; all randomized
    b.signIn("coord.a", PASSWORD);
    String p1 = screenInBrowser("A-PFS-001");
    String p2 = registered("A-PFS-002");
    String p3 = registered("A-PFS-003");
    Map<String, String> arm = new HashMap<>();
    for (String id : List.of(p1, p2, p3)) {
      arm.put(id, randomization.randomize(actor("inv.a"), id, null).arm());
    }

    // participant 1: the baseline in the lesion editor, three days before day 0
    b.open("/participants/" + p1);
    b.driver.findElement(By.cssSelector("#new-forms a[href*='type=tumour-baseline']")).click();
    b.waitFor(d -> !d.findElements(By.id("lesion-rows")).isEmpty());
    assertThat(b.driver.findElements(By.tagName("textarea"))).isEmpty();
    b.set("f-date", DAY0.minusDays(3).toString());
    row("T1", "site", "lung");
    row("T1", "role", "primary");
    rowType("T1", "mm", "40");
    rowType("T1", "sliceThicknessMm", "1");
    b.byId("add-lesion").click();
    b.waitFor(d -> !d.findElements(By.cssSelector("tr[data-row-id='T2']")).isEmpty());
    row("T2", "site", "mediastinal-node");
    row("T2", "nodal", "yes");
    rowType("T2", "mm", "12");
    // the rule is shown at the row it concerns, in the core's words
    b.waitFor(d -> b.text("#msg-T2").contains("below the 15 mm"));
    assertThat(b.text("#baseline-verdict")).contains("Not yet a valid RECIST baseline");
    b.screenshot("tumour-baseline-editor");
    // the node becomes a non-target lesion: a fresh row takes the non-target id
    row("T2", "target", "no");
    b.waitFor(d -> !d.findElements(By.cssSelector("tr[data-row-id='N1']")).isEmpty());
    b.waitFor(d -> b.text("#msg-N1").isEmpty() && b.text("#baseline-verdict").contains("Follows RECIST 1.1"));
    b.byId("add-lesion").click();
    b.waitFor(d -> !d.findElements(By.cssSelector("tr[data-row-id='T2']")).isEmpty());
    row("T2", "site", "liver");
    row("T2", "role", "oligometastatic");
    rowType("T2", "mm", "25");
    b.waitFor(d -> b.text("#baseline-sum").equals("65 mm") && b.text("#baseline-verdict").contains("Follows"));
    b.byId("save-form").click();
    b.waitFor(d -> d.getCurrentUrl().contains("saved"));
    assertThat(b.text("#values")).contains("lesions[0].id").contains("T1").contains("primary");

    // day 56: partial response (sum 40 mm, -38.5%)
    clock.set(DAY0.plusDays(56));
    newAssessment(p1, DAY0.plusDays(56));
    b.type("t-T1", "25");
    b.type("t-T2", "15");
    new Select(b.byId("nt-N1")).selectByValue("present");
    b.waitFor(d -> b.text("#p-overall").equals("PR"));
    assertThat(b.text("#p-sum")).isEqualTo("40 mm");
    assertThat(b.text("#p-change-baseline")).isEqualTo("-38.5%");
    assertThat(b.text("#p-nadir")).isEqualTo("65 mm");
    assertThat(b.text("#p-target")).isEqualTo("PR");
    assertThat(b.text("#p-non-target")).isEqualTo("non-CR/non-PD");
    b.byId("save-form").click();
    b.waitFor(d -> d.getCurrentUrl().contains("saved"));

    // day 112: the sums still show a partial response (38 mm, -41.5% from 65 mm) but a new brain lesion is
    // progression whatever the sums (RECIST 1.1 Table 4)
    clock.set(DAY0.plusDays(112));
    newAssessment(p1, DAY0.plusDays(112));
    assertThat(b.text("#targets")).contains("25").contains("15");
    b.type("t-T1", "24");
    b.type("t-T2", "14");
    new Select(b.byId("nt-N1")).selectByValue("present");
    b.waitFor(d -> b.text("#p-overall").equals("PR"));
    b.byId("add-new-lesion").click();
    b.waitFor(d -> !d.findElements(By.cssSelector("tr[data-row-id='NL1']")).isEmpty());
    row("NL1", "newSite", "brain");
    b.waitFor(d -> b.text("#p-overall").equals("PD"));
    assertThat(b.text("#p-target")).isEqualTo("PR");
    assertThat(b.text("#p-nadir")).isEqualTo("40 mm");
    assertThat(b.text("#p-progression")).isEqualTo(DAY0.plusDays(112).toString());
    b.screenshot("tumour-follow-up");
    b.byId("save-form").click();
    b.waitFor(d -> d.getCurrentUrl().contains("saved"));

    // participant 2: baseline and stable disease at day 49 (services), clinical progression at day 84 (browser)
    JsonMapper json = JsonMapper.builder().build();
    for (String id : List.of(p2, p3)) {
      dc.forms().create(actor("coord.a"), id, "tumour-baseline", null, null, json.readTree("{\"date\":\""
          + DAY0.minusDays(2) + "\",\"lesions\":[{\"id\":\"T1\",\"type\":\"target\",\"site\":\"lung\",\"nodal\":false,"
          + "\"mm\":30,\"method\":\"CT\",\"role\":\"primary\"}]}"));
      dc.forms().create(actor("coord.a"), id, "tumour-assessment", null, null, json.readTree("{\"date\":\""
          + DAY0.plusDays(49) + "\",\"targets\":{\"T1\":29},\"nonTargets\":{},\"newLesions\":[]}"));
    }
    b.open("/participants/" + p2);
    b.driver.findElement(By.cssSelector("#new-forms a[href*='type=progression']")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("/forms/new"));
    b.set("f-date", DAY0.plusDays(84).toString());
    b.select("f-site", "thoracic");
    b.byId("save-form").click();
    b.waitFor(d -> d.getCurrentUrl().contains("saved"));

    // participant 3: death at day 100, 51 days after the last adequate assessment (within the 84-day allowance)
    clock.set(DAY0.plusDays(160));
    b.open("/participants/" + p3);
    b.driver.findElement(By.cssSelector("#new-forms a[href*='type=death']")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("/forms/new"));
    b.set("f-date", DAY0.plusDays(100).toString());
    b.select("f-cause", "unknown");
    b.byId("save-form").click();
    b.waitFor(d -> d.getCurrentUrl().contains("saved"));
    b.signOut();

    // the analysis dataset: each participant's PFS time, event and source
    Map<String, Map<String, String>> rows = dataset();
    assertPfs(rows.get(p1), 112, "RECIST");
    assertPfs(rows.get(p2), 84, "CLINICAL");
    assertPfs(rows.get(p3), 100, "DEATH");

    // the web Kaplan-Meier report: per arm, n, events and the median (every time is an event, so the median is
    // the middle event time, or for an even number the midpoint of the two middle ones, as R's survfit gives it)
    Map<String, List<Integer>> byArm = new HashMap<>();
    Map<String, Integer> days = Map.of(p1, 112, p2, 84, p3, 100);
    days.forEach((id, d) -> byArm.computeIfAbsent(arm.get(id), k -> new ArrayList<>()).add(d));
    b.signIn("stat", PASSWORD);
    // before the trial's comparative results are released: one curve of all three, no arm (112, 84, 100: median 100)
    b.open("/reports");
    assertThat(b.text("#blinding")).startsWith("Pooled results");
    assertThat(b.text("#km-0 ~ ul.km-summary")).contains(String.format(Locale.ROOT,
        "all: n=3, events=3, median %.1f months", 100 / 30.4375)).doesNotContain("RT+").doesNotContain("Hazard");
    // released (audited, irreversible): by arm
    register.results().release(new org.oligotrial.server.kernel.Actor("admin",
        org.oligotrial.server.kernel.Role.ADMINISTRATOR, java.util.Set.of()), register.trials().defaultId(),
        "final analysis");
    b.open("/reports");
    String km = b.text("#km-0 ~ ul.km-summary");
    for (var e : byArm.entrySet()) {
      List<Integer> t = e.getValue().stream().sorted().toList();
      int n = t.size();
      double median = n % 2 == 1 ? t.get(n / 2) : (t.get(n / 2 - 1) + t.get(n / 2)) / 2.0;
      assertThat(km).contains(String.format(Locale.ROOT, "%s: n=%d, events=%d, median %.1f months", e.getKey(), n, n,
          median / 30.4375));
    }
    b.signOut();
  }

  private void assertPfs(Map<String, String> row, int days, String source) {
    assertThat(row).as("dataset row").isNotNull();
    assertThat(row.get("pfs_time")).isEqualTo(Integer.toString(days));
    assertThat(row.get("pfs_event")).isEqualTo("1");
    assertThat(row.get("pfs_source")).isEqualTo(source);
  }

  private Map<String, Map<String, String>> dataset() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/v1/analysis-dataset"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("stat:" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String[] lines = r.body().split("\n");
    List<String> header = List.of(lines[0].split(","));
    Map<String, Map<String, String>> out = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size() && c < cells.length; c++) {
        row.put(header.get(c), cells[c]);
      }
      out.put(row.get("participant_id"), row);
    }
    return out;
  }

  private void newAssessment(String pid, LocalDate date) {
    b.open("/participants/" + pid);
    b.driver.findElement(By.cssSelector("#new-forms a[href*='type=tumour-assessment']")).click();
    b.waitFor(d -> !d.findElements(By.id("panel")).isEmpty());
    b.set("f-date", date.toString());
  }

  private WebElement cell(String rowId, String name) {
    return b.driver.findElement(By.cssSelector("tr[data-row-id='" + rowId + "'] [name='" + name + "']"));
  }

  private void row(String rowId, String name, String value) {
    new Select(cell(rowId, name)).selectByValue(value);
  }

  private void rowType(String rowId, String name, String text) {
    WebElement e = cell(rowId, name);
    e.clear();
    e.sendKeys(text);
  }

  private String screenInBrowser(String number) {
    b.open("/screening/new");
    b.type("screeningNumber", number);
    b.set("screeningDate", DAY0.toString());
    ScreeningFill.eligible(b, DAY0);
    b.waitFor(d -> b.text("#verdict").startsWith("Eligible"));
    b.driver.findElement(By.xpath("//button[normalize-space()='Save screening']")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("/participants/"));
    b.type("formVersion", "ICF v2.1");
    b.set("date", DAY0.toString());
    b.driver.findElement(By.xpath("//button[normalize-space()='Record consent']")).click();
    b.waitFor(d -> b.text("#status").equals("consented"));
    return b.driver.getCurrentUrl().replaceAll("^.*/participants/([^/?]+).*$", "$1");
  }

  private String registered(String number) {
    String id = register.participants().register(actor("coord.a"), "A", number,
        WebTestBase.eligibleRecord(number)).participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", DAY0, "coord.a"), null);
    return id;
  }

  private Actor actor(String user) {
    return register.users().find(user).orElseThrow().actor();
  }
}
