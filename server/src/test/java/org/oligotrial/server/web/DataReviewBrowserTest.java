package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data-review pages in a browser, each page state checked by {@link PageChecks}: the monitor verifies a field
 * on the form page, the data manager filters the queries, the casebook lock is refused while a form waits for its
 * signature, the investigator signs the casebook with one signature, and the data manager locks it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataReviewBrowserTest extends WebTestBase {
  private Browser b;
  @Autowired DataCapture dataCapture;
  @Autowired RandomizationService randomization;

  @BeforeAll
  void start() throws Exception {
    b = new Browser(base());
  }

  @AfterAll
  void stop() throws Exception {
    b.close();
  }

  @Test
  void aMonitorVerifiesTheDataManagerFiltersTheInvestigatorSignsAndTheDataManagerLocksTheCasebook() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "A-BRV-1", eligibleRecord("A-BRV-1"))
        .participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", LocalDate.now(), "coord.a"), null);
    randomization.randomize(actor("inv.a"), id, null);
    StoredForm f = dataCapture.forms().create(actor("coord.a"), id, "adverse-event", null, null,
        JsonMapper.builder().build().readTree("{\"term\":\"Fatigue\",\"grade\":1,\"startDate\":\""
            + LocalDate.now() + "\",\"serious\":false,\"relatedToSystemicTherapy\":\"possible\","
            + "\"relatedToRadiotherapy\":\"unlikely\",\"actionTaken\":\"none\",\"outcome\":\"recovering\"}"));
    dataCapture.queries().raise(actor("dm.a"), f.id(), "outcome", "recovering since when?");

    b.signIn("mon.a", PASSWORD);
    b.open("/forms/" + f.id());
    b.driver.findElement(By.cssSelector("tr[data-field='values.grade'] input[name=field]")).click();
    b.driver.findElement(By.id("verify-fields")).click();
    b.waitFor(d -> b.text("#values").contains("verified (version 1) by mon.a"));
    b.signOut();

    b.signIn("dm.a", PASSWORD);
    b.open("/data?form=adverse-event&status=OPEN");
    assertThat(b.text("#open-queries")).contains("recovering since when?");
    assertThat(b.text("#casebooks")).contains("A-BRV-1");
    b.open("/forms/" + f.id());
    b.type("note-" + dataCapture.queries().ofForm(f.id()).get(0).id(), "since the last visit");
    b.driver.findElement(By.xpath("//button[normalize-space()='Close query']")).click();
    b.waitFor(d -> b.text("#queries").contains("closed by dm.a: since the last visit"));
    // the casebook lock waits for the signature: refused, the blockers in words on the page
    b.open("/data/casebooks/" + id);
    assertThat(b.text("#lock-blockers")).contains("not signed by the investigator");
    b.driver.findElement(By.id("lock-casebook")).click();
    b.waitFor(d -> b.text("#action-error").startsWith("Cannot lock: 1 item blocks it"));
    b.signOut();

    b.signIn("inv.a", PASSWORD);
    b.open("/data/casebooks/" + id);
    b.type("casebook-password", PASSWORD);
    b.driver.findElement(By.id("sign-casebook")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("signed=1"));
    assertThat(b.text("#casebook-signatures")).contains(f.id());
    b.signOut();

    b.signIn("dm.a", PASSWORD);
    b.open("/data/casebooks/" + id);
    b.type("casebook-lock-reason", "end of treatment");
    b.driver.findElement(By.id("lock-casebook")).click();
    b.waitFor(d -> d.getCurrentUrl().contains("locked=1"));
    assertThat(b.text("#casebook-locked")).isEqualTo("1 form locked.");
    b.signOut();
  }
}
