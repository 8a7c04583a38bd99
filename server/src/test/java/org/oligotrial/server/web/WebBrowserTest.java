package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * The workflows end to end in headless Chromium, saving screenshots of the main pages to docs/screenshots. One browser
 * for the class; the server is the shared web test server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest extends WebTestBase {
  private Browser b;
  @org.springframework.beans.factory.annotation.Autowired
  org.oligotrial.server.datacapture.DataCapture dataCapture;
  private String consented;

  @BeforeAll
  void start() throws Exception {
    b = new Browser(base());
  }

  @AfterAll
  void stop() throws Exception {
    b.close();
  }

  @Test
  @Order(1)
  void coordinatorScreensAnEligibleCandidateLiveAndRecordsConsent() throws Exception {
    b.open("/login");
    b.screenshot("sign-in");
    b.signIn("coord.a", PASSWORD);
    assertThat(b.text("header .who")).contains("coord.a").contains("coordinator").contains("A");
    b.open("/screening/new");
    b.type("screeningNumber", "A-E2E-001");
    b.waitFor(d -> b.text("#verdict").contains("Incomplete"));
    fillEligible();
    b.waitFor(d -> b.text("#verdict").startsWith("Eligible"));
    assertThat(b.driver.findElements(By.cssSelector("tr.st-pass")).size()).isGreaterThan(10);
    b.screenshot("screening-form");
    b.driver.findElement(By.xpath("//button[normalize-space()='Save screening']")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("/participants/"));
    assertThat(b.text("#status")).isEqualTo("eligible");
    b.type("formVersion", "ICF v2.1");
    b.driver.findElement(By.xpath("//button[normalize-space()='Record consent']")).click();
    b.waitFor(d -> b.text("#status").equals("consented"));
    assertThat(b.driver.getPageSource()).contains("consent.formVersion").contains("ICF v2.1");
    b.screenshot("participant");
    consented = b.driver.getCurrentUrl().replaceAll("^.*/participants/([^/?]+).*$", "$1");
  }

  @Test
  @Order(2)
  void theInvestigatorSignsTheRandomizationWithTheirPassword() throws Exception {
    b.signOut();
    b.signIn("inv.a", PASSWORD);
    b.open("/participants/" + consented);
    b.byId("randomize").click();
    b.waitFor(d -> d.getCurrentUrl().endsWith("/randomization"));
    assertThat(b.text("main")).contains("first-line systemic therapy").contains("RT+").contains("RT-");
    b.screenshot("randomization");
    b.type("password", "not-my-password");
    b.driver.findElement(By.xpath("//button[normalize-space()='Sign and randomize']")).click();
    b.waitFor(d -> !d.findElements(By.id("signature-error")).isEmpty());
    assertThat(b.byId("password").getDomAttribute("aria-describedby")).isEqualTo("signature-error");
    b.type("password", PASSWORD);
    b.driver.findElement(By.xpath("//button[normalize-space()='Sign and randomize']")).click();
    b.waitFor(d -> !d.findElements(By.id("arm")).isEmpty());
    assertThat(b.text("#arm")).isIn("RT+", "RT-");
    b.screenshot("allocation");
    b.signOut();
    b.signIn("coord.a", PASSWORD);
  }

  @Test
  @Order(3)
  void coordinatorScreensAnIneligibleCandidateAndTheLogGivesTheReason() throws Exception {
    b.open("/screening/new");
    b.type("screeningNumber", "A-E2E-002");
    fillEligible();
    b.set("birthDate", "1940-01-01");
    // the live result may be swapped again by a queued request while it is read: wait for the whole state
    b.waitFor(d -> b.text("#verdict").startsWith("Not eligible") && b.text("tr.st-fail").contains("fails"));
    b.driver.findElement(By.xpath("//button[normalize-space()='Save screening']")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("/participants/"));
    assertThat(b.text("#status")).isEqualTo("screen failed");
    b.open("/screening/log");
    assertThat(b.driver.getPageSource()).contains("A-E2E-002").contains("ineligible");
    b.screenshot("screening-log");
  }

  @Test
  @Order(4)
  void aMissingRequiredFieldIsNamedAtTheField() {
    b.open("/screening/new");
    b.driver.findElement(By.xpath("//button[normalize-space()='Save screening']")).click();
    b.waitFor(d -> !d.findElements(By.id("screeningNumber-error")).isEmpty());
    assertThat(b.byId("screeningNumber").getDomAttribute("aria-describedby")).isEqualTo("screeningNumber-error");
    assertThat(b.byId("screeningNumber").getDomAttribute("aria-invalid")).isEqualTo("true");
  }

  @Test
  @Order(5)
  void scriptLikeTextIsShownLiterallyAndNeverRuns() throws Exception {
    String evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    b.open("/screening/new");
    b.type("screeningNumber", "X" + evil);
    fillEligible();
    b.select("metSite2", "other");
    b.type("metText2", evil);
    b.type("metLesions2", "1");
    b.type("allergies", evil);
    b.waitFor(d -> b.driver.findElements(By.id("verdict")).size() + b.driver.findElements(By.cssSelector(
        ".alert.error")).size() > 0);
    assertThat(b.alertOpen()).isFalse();
    b.driver.findElement(By.xpath("//button[normalize-space()='Save screening']")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("/participants/"));
    assertThat(b.alertOpen()).isFalse();
    b.type("formVersion", evil);
    b.type("obtainedBy", evil);
    b.driver.findElement(By.xpath("//button[normalize-space()='Record consent']")).click();
    b.waitFor(d -> b.text("#status").equals("consented"));
    assertThat(b.alertOpen()).isFalse();
    assertThat(b.text("h1")).contains(evil);
    assertThat(b.driver.findElements(By.cssSelector("main img"))).isEmpty();
    for (String page : new String[] {"/participants", "/screening/log", "/dashboard"}) {
      b.open(page);
      assertThat(b.alertOpen()).as(page).isFalse();
      assertThat(b.driver.findElements(By.cssSelector("main img"))).as(page).isEmpty();
    }
    assertThat(b.driver.getPageSource()).doesNotContain("<script>alert(1)");
  }

  @Test
  @Order(6)
  void navigationOffersOnlyWhatTheRoleMayDo() throws Exception {
    b.signOut();
    b.signIn("mon.a", PASSWORD);
    assertThat(b.text("nav")).doesNotContain("Screen a candidate").doesNotContain("Reports");
    b.open("/screening/new");
    assertThat(b.text("h1")).isEqualTo("Not allowed");
    b.screenshot("not-allowed");
    b.signOut();
    b.signIn("stat", PASSWORD);
    assertThat(b.text("nav")).doesNotContain("Screen a candidate");
    b.open("/dashboard");
    b.screenshot("dashboard");
    b.open("/reports");
    assertThat(b.text("#consort-heading")).contains("CONSORT");
    assertThat(b.driver.findElement(By.cssSelector(".figure svg title")).getDomProperty("textContent"))
        .contains("randomized");
    // the trial's comparative results are not released: Table 1 over all randomized, no arm column
    assertThat(b.text("#table1")).contains("All randomized").doesNotContain("RT+").contains("Age, years");
    b.screenshot("reports");
    b.signOut();
  }

  @Test
  @Order(7)
  void aDataManagerRaisesAQueryThatTheCoordinatorAnswers() throws Exception {
    var coord = actor("coord.a");
    var json = tools.jackson.databind.json.JsonMapper.builder().build();
    LocalDate today = LocalDate.now();
    dataCapture.forms().create(coord, consented, "tumour-baseline", null, null, json.readTree(
        "{\"date\":\"" + today.minusDays(10) + "\",\"targets\":[{\"id\":\"T1\",\"organ\":\"lung\","
            + "\"node\":false,\"mm\":42},{\"id\":\"N1\",\"organ\":\"mediastinal lymph node\",\"node\":true,"
            + "\"mm\":20}]}"));
    var assessment = dataCapture.forms().create(coord, consented, "tumour-assessment", null, null, json.readTree(
        "{\"date\":\"" + today + "\",\"targets\":{\"T1\":30,\"N1\":12},\"newLesions\":\"no\"}"));
    dataCapture.forms().create(coord, consented, "adverse-event", null, null, json.readTree(
        "{\"term\":\"Fatigue\",\"grade\":2,\"startDate\":\"" + today + "\",\"serious\":false,"
            + "\"relatedToSystemicTherapy\":\"possible\",\"relatedToRadiotherapy\":\"not-applicable\","
            + "\"actionTaken\":\"none\",\"outcome\":\"recovering\"}"));
    b.signIn("dm.a", PASSWORD);
    b.open("/participants/" + consented);
    assertThat(b.text("#recist")).contains("assessment").contains("PR");
    assertThat(b.text("#adverse-events")).contains("Fatigue");
    b.screenshot("participant-follow-up");
    b.open("/forms/" + assessment.id());
    b.select("q-field", "targets");
    b.type("q-text", "Please confirm T1: 30 mm on the scan report? <script>alert(3)</script>");
    b.driver.findElement(By.xpath("//button[normalize-space()='Raise query']")).click();
    b.waitFor(d -> b.text("#queries").contains("open"));
    assertThat(b.text("#queries")).contains("<script>alert(3)</script>");
    assertThat(b.alertOpen()).isFalse();
    b.signOut();
    b.signIn("coord.a", PASSWORD);
    b.open("/data");
    assertThat(b.text("#open-queries")).contains("Please confirm T1");
    b.screenshot("data-management");
    b.driver.findElement(By.cssSelector("#open-queries a")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("/forms/"));
    b.driver.findElement(By.cssSelector("#queries input[name=answer]")).sendKeys("Confirmed: 30 mm on the report.");
    b.driver.findElement(By.xpath("//button[normalize-space()='Send answer']")).click();
    b.waitFor(d -> b.text("#queries").contains("answered"));
    assertThat(b.text("#queries")).contains("Confirmed: 30 mm");
    b.screenshot("form-query");
    b.signOut();
    b.signIn("stat", PASSWORD);
    b.open("/reports");
    assertThat(b.text("#km-0")).contains("Progression-free survival");
    assertThat(b.text("#km-1")).contains("Overall survival");
    assertThat(b.text("#ae-table")).contains("Fatigue");
    b.screenshot("reports-km");
    b.signOut();
  }

  @Test
  @Order(8)
  void theCoordinatorEntersAnAdverseEventFormAndIsToldWhichFieldIsWrong() throws Exception {
    b.signIn("coord.a", PASSWORD);
    b.open("/participants/" + consented);
    b.driver.findElement(By.cssSelector("#new-forms a[href*='type=adverse-event']")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("/forms/new"));
    LocalDate today = LocalDate.now();
    // a CTCAE v5.0 term; the grade select then offers that term's grades with their definitions (grade 2 of
    // Esophagitis: "Symptomatic; altered eating/swallowing; oral supplements indicated")
    b.type("f-term", "Esophagitis");
    b.set("f-startDate", today.toString());
    b.set("f-endDate", today.minusDays(3).toString());
    b.select("f-relatedToSystemicTherapy", "unlikely");
    b.select("f-relatedToRadiotherapy", "probable");
    b.select("f-actionTaken", "none");
    b.select("f-outcome", "recovering");
    // the term's input and change events each refresh the grade options (which drops a chosen grade): choose the
    // grade once they are the term's and no refresh is pending, and see it kept
    b.waitFor(d -> b.text("#f-grade").contains("swallowing")
        && !String.valueOf(b.byId("f-grade").getDomAttribute("class")).contains("htmx-request"));
    b.waitFor(d -> {
      if (!"2".equals(b.byId("f-grade").getDomProperty("value"))) {
        b.select("f-grade", "2");
        return false;
      }
      return true;
    });
    b.byId("save-form").click();
    b.waitFor(d -> !d.findElements(By.id("f-endDate-error")).isEmpty());
    assertThat(b.byId("f-endDate").getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(b.text("#f-endDate-error")).contains("cannot resolve before its onset");
    b.screenshot("form-entry");
    b.set("f-endDate", "");
    b.byId("save-form").click();
    b.waitFor(d -> d.getCurrentUrl().contains("saved"));
    assertThat(b.text("#values")).contains("Esophagitis");
    b.signOut();
  }

  @Test
  @Order(9)
  void aCoordinatorCreatesAnApiTokenSeesItOnceAndRevokesIt() throws Exception {
    b.signIn("coord.a", PASSWORD);
    b.driver.findElement(By.linkText("API tokens")).click();
    b.waitFor(d -> d.getCurrentUrl().endsWith("/account/tokens"));
    b.type("label", "laboratory import");
    b.type("validDays", "30");
    b.driver.findElement(By.xpath("//button[normalize-space()='Create token']")).click();
    b.waitFor(d -> !d.findElements(By.id("created")).isEmpty());
    String secret = b.byId("secret").getDomProperty("value");
    assertThat(secret).startsWith("olt_");
    assertThat(b.text("table")).contains("laboratory import").contains("active");
    b.screenshot("api-tokens");
    b.open("/account/tokens");
    assertThat(b.driver.getPageSource()).doesNotContain(secret);
    b.driver.findElement(By.cssSelector("button[aria-label='Revoke laboratory import']")).click();
    b.waitFor(d -> b.text("table").contains("revoked"));
    assertThat(register.tokens().authenticate(secret)).isEmpty();
    b.signOut();
  }

  private void fillEligible() {
    ScreeningFill.eligible(b, LocalDate.now(), true);
  }
}
