package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * screened with its own example record and consented; trial A's are randomized (the server's randomization derives
 * factors from the NCT03119519 record only, until it derives them from the protocol's rules, so B's stay
 * unrandomized here); then each trial's pages are read under
 * {@code /trials/{id}/...}: the header names the trial, the picker lists the trials the user holds, links keep the
 * prefix, each report shows its protocol's arms, ratio and strata and counts only its own participants, and a
 * coordinator of one trial cannot open the other trial's participant by URL (404, as for a trial that does not
 * exist). The database is chosen by the subclass (H2, PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
    Actor coordA = register.users().actorOn("coord.a", A).orElseThrow();
    Actor coordB = register.users().actorOn("coord.sabr", B).orElseThrow();
    // trial A: three participants, trial B: five (so that a report counting both would show eight)
    for (int i = 1; i <= 3; i++) {
      inA.add(randomized(A, coordA, "A-WEB-" + i, TestProtocols.firstEligible()));
    }
    for (int i = 1; i <= 5; i++) {
      inB.add(consented(B, coordB, "B-WEB-" + i, TestProtocols.secondEligible()));
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
    assertThat(reportB).contains("Assessed for eligibility (n=5)", "Randomized (n=0)", "Allocated to SOC+SABR (n=0)")
        .doesNotContain("(n=8)").doesNotContain("RT+");
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
}
