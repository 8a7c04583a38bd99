package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.scope.TrialScopes;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.trial.TestProtocols;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Both trials side by side on one server, in headless Chromium: the default NCT03119519 (1:1, five factors) and
 * SABR-COMET NCT01446744 (1:2, one factor, {@code protocols/nct01446744.yaml}). Each trial has participants
 * screened with its own example record, consented and randomized through the services (the factor levels derived
 * from each protocol's rules); then each trial's pages are read under
 * {@code /trials/{id}/...}: the header names the trial, the picker lists the trials the user holds, links keep the
 * prefix, each report shows its protocol's arms, ratio and strata and counts only its own participants, and a
 * coordinator of one trial cannot open the other trial's participant by URL (404, as for a trial that does not
 * exist). Then, in the browser, each trial takes one new candidate through its own pages: the screening form
 * generated from its protocol's record, consent, the investigator's signed randomization, a last-known-alive form,
 * and the report, which counts the new participant in its overall survival and never the other trial's.
 * The database is chosen by the subclass (H2, PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TwoTrialsBrowserContract {
  static final String PASSWORD = "password-for-web-tests";
  static final String A = "NCT03119519";
  static final String B = TestProtocols.SECOND;

  @Autowired Register register;
  @Autowired TrialScopes scopes;
  @LocalServerPort int port;
  Browser b;
  final List<String> inA = new ArrayList<>();
  final List<String> inB = new ArrayList<>();

  @BeforeAll
  void twoTrials() throws Exception {
    Actor admin = TestRegisters.admin();
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
    register.trials().add(admin, TestProtocols.second(), "nct01446744.yaml", false);
    register.trials().enrolSite(admin, B, "A");
    register.users().add(admin, "coord.sabr", Role.COORDINATOR, Set.of("A"), PASSWORD, null, B);
    register.users().grant(admin, "stat", B, Role.STATISTICIAN, Set.of());
    register.users().grant(admin, "inv.a", B, Role.INVESTIGATOR, Set.of("A"));
    Actor coordA = register.users().actorOn("coord.a", A).orElseThrow();
    Actor coordB = register.users().actorOn("coord.sabr", B).orElseThrow();
    // trial A: three participants, trial B: five (so that a report counting both would show eight)
    for (int i = 1; i <= 3; i++) {
      inA.add(randomized(A, coordA, "A-WEB-" + i, TestProtocols.firstEligible()));
    }
    for (int i = 1; i <= 5; i++) {
      inB.add(randomized(B, coordB, "B-WEB-" + i, TestProtocols.secondEligible()));
    }
    b = new Browser("http://127.0.0.1:" + port);
  }

  @AfterAll
  void stop() throws Exception {
    if (b != null) {
      b.close();
    }
  }

  private String consented(String trial, Actor by, String number, String record) {
    ParticipantService ps = scopes.of(trial).participants();
    String id = ps.register(by, "A", number, record).participant().id();
    ps.recordConsent(by, id, new Consent("ICF v1", LocalDate.now(), "Dr Li"), null);
    return id;
  }

  private String randomized(String trial, Actor by, String number, String record) {
    String id = consented(trial, by, number, record);
    var r = scopes.of(trial).randomization();
    r.randomize(by, id, r.preview(by, id).confirmFactors());
    return id;
  }

  @Test
  @Order(1)
  void bothTrialsSideBySideWithNoDataCrossing() throws Exception {
    // a coordinator of B only: signing in lands on B's dashboard; the header names B; the picker lists B alone
    b.signIn("coord.sabr", PASSWORD);
    b.waitFor(d -> d.getCurrentUrl().contains("/trials/" + B + "/dashboard"));
    assertThat(b.text("#current-trial")).isEqualTo(B);
    assertThat(b.driver.findElements(By.cssSelector("#trial-picker li"))).hasSize(1);
    // links inside the page keep the trial prefix
    String participantsLink = b.driver.findElement(By.cssSelector("nav a[href$='/participants']"))
        .getDomAttribute("href");
    assertThat(participantsLink).isEqualTo("/trials/" + B + "/participants");
    b.open("/trials/" + B + "/participants");
    String list = b.text("main");
    assertThat(list).contains("B-WEB-1", "B-WEB-5").doesNotContain("A-WEB-1");
    b.open("/trials/" + B + "/participants/" + inB.get(0));
    assertThat(b.text("main")).contains("B-WEB-1");
    // trial A's participant by URL: not found through B, and A itself is hidden from a user with no role there
    b.open("/trials/" + B + "/participants/" + inA.get(0));
    assertThat(b.text("main")).doesNotContain("A-WEB-1");
    assertThat(b.driver.getTitle()).containsIgnoringCase("not found");
    b.open("/trials/" + A + "/participants/" + inA.get(0));
    assertThat(b.text("main")).doesNotContain("A-WEB-1");
    assertThat(b.driver.getTitle()).containsIgnoringCase("not found");
    b.screenshot("two-trials-coordinator-b");
    b.open("/trials/" + B + "/dashboard");
    b.signOut();

    // the statistician holds both: each report follows its protocol and counts its own participants only
    b.signIn("stat", PASSWORD);
    b.open("/trials/" + B + "/reports");
    assertThat(b.text("#current-trial")).isEqualTo(B);
    assertThat(b.driver.findElements(By.cssSelector("#trial-picker li"))).hasSize(2);
    assertThat(b.text("#design-ratio")).isEqualTo("1:2");
    assertThat(b.driver.findElements(By.cssSelector("#design-strata tbody tr"))).hasSize(1);
    assertThat(b.text("#design-arms")).contains("SOC+SABR", "SOC");
    assertThat(b.text("#versions-spanned")).contains("v1");
    String reportB = b.driver.getPageSource();
    assertThat(reportB).contains("Assessed for eligibility (n=5)", "Randomized (n=5)")
        .containsPattern("Allocated to SOC\\+SABR \\(n=[0-5]\\)").containsPattern("Allocated to SOC \\(n=[0-5]\\)")
        .doesNotContain("(n=8)").doesNotContain("RT+");
    assertThat(allocated(reportB, "SOC+SABR") + allocated(reportB, "SOC")).isEqualTo(5);
    b.screenshot("two-trials-report-b");
    b.open("/trials/" + A + "/reports");
    assertThat(b.text("#current-trial")).isEqualTo(A);
    assertThat(b.text("#design-ratio")).isEqualTo("1:1");
    assertThat(b.driver.findElements(By.cssSelector("#design-strata tbody tr"))).hasSize(5);
    assertThat(b.driver.getPageSource()).contains("Assessed for eligibility (n=3)", "Randomized (n=3)")
        .doesNotContain("(n=8)").doesNotContain("SOC+SABR");
    // the old single-trial path is the default trial's
    b.open("/reports");
    assertThat(b.text("#current-trial")).isEqualTo(A);
    assertThat(b.text("#design-ratio")).isEqualTo("1:1");
    b.signOut();
  }

  @Test
  @Order(2)
  void eachTrialTakesANewCandidateThroughItsOwnPages() throws Exception {
    LocalDate today = LocalDate.now();
    // trial A: the NCT03119519 screening form (ScreeningFill), 1:1 over five factors
    String a = screenAndConsent(A, "coord.a", "A-BROWSER-1", () -> ScreeningFill.eligible(b, today));
    randomizeAsInvestigator(A, a, "RT+", "RT-");
    enterLastKnownAlive(A, "coord.a", a, today);
    // trial B: the form generated from nct01446744's record, filled as examples/screening/nct01446744/eligible.json
    String sabr = screenAndConsent(B, "coord.sabr", "B-BROWSER-1", () -> fillSabrCometEligible(today));
    randomizeAsInvestigator(B, sabr, "SOC+SABR", "SOC");
    enterLastKnownAlive(B, "coord.sabr", sabr, today);

    // each report counts its own new participant in its overall survival, and neither counts the other trial's
    b.signIn("stat", PASSWORD);
    b.open("/trials/" + B + "/reports");
    assertThat(b.text("#current-trial")).isEqualTo(B);
    String reportB = b.driver.getPageSource();
    // B: the five randomized through the services plus the one through the pages
    assertThat(reportB).contains("Assessed for eligibility (n=6)", "Randomized (n=6)")
        .doesNotContain("(n=10)").doesNotContain("RT+");
    assertThat(allocated(reportB, "SOC+SABR") + allocated(reportB, "SOC")).isEqualTo(6);
    // OS, B's primary endpoint: the six randomized, no death, all censored (the new one at its last-known-alive date)
    assertThat(sources("Overall survival")).containsExactly(0, 6);
    b.screenshot("two-trials-report-b-after-browser");
    b.open("/trials/" + A + "/reports");
    assertThat(b.text("#current-trial")).isEqualTo(A);
    String reportA = b.driver.getPageSource();
    assertThat(reportA).contains("Assessed for eligibility (n=4)", "Randomized (n=4)")
        .doesNotContain("(n=10)").doesNotContain("SOC+SABR");
    assertThat(sources("Overall survival")).containsExactly(0, 4);
    b.signOut();
  }

  /** Screens a candidate through the trial's screening page, saves (registers) it and records consent. */
  private String screenAndConsent(String trial, String coordinator, String number, Runnable fill)
      throws Exception {
    String prefix = "/trials/" + trial;
    b.signIn(coordinator, PASSWORD);
    b.open(prefix + "/screening/new");
    assertThat(b.text("#current-trial")).isEqualTo(trial);
    b.select("site", "A");
    b.type(trial.equals(A) ? "screeningNumber" : "id", number);
    fill.run();
    b.waitFor(d -> b.text("#verdict").startsWith("Eligible"));
    b.screenshot("two-trials-screening-" + trial);
    b.driver.findElement(By.xpath("//button[normalize-space()='Save screening']")).click();
    b.waitFor(d -> d.getCurrentUrl().contains(prefix + "/participants/"));
    assertThat(b.text("#status")).isEqualTo("eligible");
    b.type("formVersion", "ICF v1");
    b.driver.findElement(By.xpath("//button[normalize-space()='Record consent']")).click();
    b.waitFor(d -> b.text("#status").equals("consented"));
    String id = b.driver.getCurrentUrl().replaceAll("^.*/participants/([^/?]+).*$", "$1");
    Actor by = register.users().actorOn(coordinator, trial).orElseThrow();
    assertThat(scopes.of(trial).participants().history(by, id).participant().screeningNumber()).isEqualTo(number);
    b.signOut();
    return id;
  }

  /** The investigator opens the randomization page from the participant's page and signs with their password. */
  private void randomizeAsInvestigator(String trial, String id, String... arms) throws Exception {
    String prefix = "/trials/" + trial;
    b.signIn("inv.a", PASSWORD);
    b.open(prefix + "/participants/" + id);
    b.byId("randomize").click();
    b.waitFor(d -> d.getCurrentUrl().endsWith(prefix + "/participants/" + id + "/randomization"));
    assertThat(b.text("main")).contains(arms);
    b.type("password", PASSWORD);
    b.driver.findElement(By.xpath("//button[normalize-space()='Sign and randomize']")).click();
    b.waitFor(d -> !d.findElements(By.id("arm")).isEmpty());
    assertThat(b.text("#arm")).isIn((Object[]) arms);
    b.screenshot("two-trials-allocation-" + trial);
    b.signOut();
  }

  /**
   * The coordinator enters a last-known-alive form through the participant's form links (dated the randomization
   * day: a death on that day would be saved but left out of the analysis dataset, whose derivation requires a death
   * after randomization).
   */
  private void enterLastKnownAlive(String trial, String coordinator, String id, LocalDate day) {
    String prefix = "/trials/" + trial;
    b.signIn(coordinator, PASSWORD);
    b.open(prefix + "/participants/" + id);
    b.driver.findElement(By.cssSelector("#new-forms a[href*='type=last-known-alive']")).click();
    b.waitFor(d -> d.getCurrentUrl().contains(prefix + "/participants/" + id + "/forms/new"));
    b.set("f-date", day.toString());
    b.type("f-furtherTreatment", "none");
    b.byId("save-form").click();
    b.waitFor(d -> d.getCurrentUrl().contains(prefix + "/forms/") && d.getCurrentUrl().contains("saved"));
    b.signOut();
  }

  /** The fields of nct01446744's generated screening form, as in examples/screening/nct01446744/eligible.json. */
  private void fillSabrCometEligible(LocalDate day) {
    b.set("screeningDate", day.toString());
    b.set("birthDate", day.minusYears(65).toString());
    b.select("sex", "female");
    b.select("primary_site", "breast");
    b.select("primary_histologicallyConfirmed", "yes");
    b.select("primary_definitivelyTreated", "yes");
    b.type("primary_monthsSinceDefinitiveTreatment", "14");
    b.select("primary_progressionSinceTreatment", "no");
    b.select("metastases_organ_0", "lung");
    b.type("metastases_lesions_0", "2");
    b.select("metastases_organ_1", "bone");
    b.type("metastases_lesions_1", "1");
    b.select("brainMetastasisOver3cm", "no");
    b.select("brainMetastasisNeedsDecompression", "no");
    b.select("ecog", "1");
    b.type("lifeExpectancyMonths", "12");
    b.select("seriousComorbidity", "no");
    b.select("spinalCordCompression", "no");
    b.select("malignantPleuralEffusion", "no");
    b.select("metastasisInvadingGiTractOrSkin", "no");
    b.select("consentSigned", "yes");
  }

  /** The n of "Allocated to ARM (n=N)" in a report page. */
  private static int allocated(String page, String arm) {
    var m = java.util.regex.Pattern.compile("Allocated to " + java.util.regex.Pattern.quote(arm) + " \\(n=(\\d+)\\)")
        .matcher(page);
    assertThat(m.find()).as("allocation line of " + arm).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /**
   * Deaths and censored participants of the report's Kaplan-Meier section whose heading starts with the endpoint's
   * name, summed over the arms' "decided by" lines.
   */
  private List<Integer> sources(String endpoint) {
    for (var h : b.driver.findElements(By.cssSelector("h2[id^='km-']"))) {
      if (h.getText().toLowerCase(java.util.Locale.ROOT).startsWith(endpoint.toLowerCase(java.util.Locale.ROOT))) {
        int deaths = 0;
        int censored = 0;
        for (var li : h.findElements(By.xpath("following-sibling::ul[1]/li[@class='km-source']"))) {
          var m = java.util.regex.Pattern.compile("death (\\d+), censored (\\d+)").matcher(li.getText());
          assertThat(m.find()).as(li.getText()).isTrue();
          deaths += Integer.parseInt(m.group(1));
          censored += Integer.parseInt(m.group(2));
        }
        return List.of(deaths, censored);
      }
    }
    throw new AssertionError("no Kaplan-Meier section for " + endpoint);
  }
}
