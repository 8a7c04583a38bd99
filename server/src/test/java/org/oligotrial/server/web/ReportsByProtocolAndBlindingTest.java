package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.scope.TrialScopes;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.trial.TestProtocols;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports page follows the trial's protocol and the blinding rule.
 *
 * <p>Endpoints: the sections are the protocol's time-to-event endpoints, the primary first: SABR-COMET
 * ({@code protocols/nct01446744.yaml}) shows overall survival, progression-free survival and lesion control, in that
 * order, and none of NCT03119519's own endpoints (thoracic PFS, local tumour control, oligometastatic foci control);
 * NCT03119519 shows its five; a trial whose protocol declares an endpoint no code knows (SABR-COMET's protocol under
 * another id with a made-up {@code distant-control} endpoint) shows it, with its downloads.
 *
 * <p>Blinding, on a trial of its own (a copy of NCT03119519 under {@link #R}, so that its irreversible release does
 * not change what the other tests of this shared server see): before the release the statistician sees pooled
 * results (one curve "all", no hazard ratio, Table 1 and adverse events over all randomized, no arm column in the
 * dataset, the safety API or the downloads), the DSMB sees them by arm; the release needs a reason and is refused a
 * second time; after it the statistician sees them by arm; every view is audited with the trial's id.
 */
class ReportsByProtocolAndBlindingTest extends WebTestBase {
  static final String B = TestProtocols.SECOND;
  /** The trial whose results this test releases. */
  static final String R = "NCT09999917";
  /** A trial with an endpoint unknown to the code. */
  static final String U = "NCT09999918";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static boolean seeded;

  @Autowired TrialScopes scopes;

  @BeforeEach
  void trials() {
    synchronized (ReportsByProtocolAndBlindingTest.class) {
      if (seeded) {
        return;
      }
      Actor admin = TestRegisters.admin();
      if (register.trials().find(B).isEmpty()) {
        register.trials().add(admin, TestProtocols.second(), "nct01446744.yaml", false);
        register.trials().enrolSite(admin, B, "A");
      }
      register.users().grant(admin, "stat", B, Role.STATISTICIAN, Set.of());
      // U: SABR-COMET's protocol under another id, with an endpoint of its own after lesion control
      String sabr = TestProtocols.second();
      String u = sabr.replaceFirst("(?m)^id: NCT01446744$", "id: " + U).replace("""
              column: lc
              event: {progression: oligometastatic-foci, death: censored}
          """, """
              column: lc
              event: {progression: oligometastatic-foci, death: censored}
            - id: distant-control
              kind: secondary
              name: made-up distant control
              definition: a made-up endpoint, here to show that the reports follow the protocol
              column: dctl
              event: {progression: any, death: censored}
          """);
      assertThat(u).contains("id: " + U, "column: dctl");
      register.trials().add(admin, u, "made-up-endpoint.yaml", false);
      register.users().grant(admin, "stat", U, Role.STATISTICIAN, Set.of());
      // R: NCT03119519's protocol under another id, six participants randomized 60 days ago, events since
      register.trials().add(admin, TestProtocols.firstUnder(R), "copy.yaml", false);
      register.trials().enrolSite(admin, R, "A");
      register.users().grant(admin, "stat", R, Role.STATISTICIAN, Set.of());
      register.users().grant(admin, "coord.a", R, Role.COORDINATOR, Set.of("A"));
      register.users().add(admin, "dsmb.r", Role.DSMB, Set.of(), PASSWORD, null, R);
      Actor coord = register.users().actorOn("coord.a", R).orElseThrow();
      var protocol = register.trials().get(R).protocol();
      LocalDate day0 = LocalDate.now(ZoneOffset.UTC).minusDays(60);
      RandomizationService randomization = RandomizationService.on(register, protocol,
          ProtocolRandomization.scheme(protocol), Clock.fixed(day0.atTime(9, 0).toInstant(ZoneOffset.UTC),
              ZoneOffset.UTC));
      var participants = scopes.of(R).participants();
      var forms = scopes.of(R).dataCapture().forms();
      for (int i = 1; i <= 6; i++) {
        String number = "R-BLIND-" + i;
        String id = participants.register(coord, "A", number, eligibleRecord(number)).participant().id();
        participants.recordConsent(coord, id, new Consent("v1", day0.minusDays(2), "Dr Li"), null);
        randomization.randomize(coord, id, null);
        String values = i % 3 == 0 ? "{\"date\":\"" + day0.plusDays(20 + i) + "\",\"cause\":\"unknown\"}"
            : "{\"date\":\"" + day0.plusDays(10 + 5 * i) + "\",\"site\":\"thoracic\"}";
        forms.create(coord, id, i % 3 == 0 ? "death" : "progression", null, null, JSON.readTree(values));
      }
      seeded = true;
    }
  }

  private MvcResult as(String username, String path) throws Exception {
    var u = register.users().find(username).orElseThrow();
    return mvc.perform(get(path).with(user(username).password(PASSWORD).roles(u.role().name()))).andReturn();
  }

  private String page(String username, String path) throws Exception {
    MvcResult r = as(username, path);
    assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
    return r.getResponse().getContentAsString();
  }

  /** The Kaplan-Meier section headings of a report page, in page order. */
  private static List<String> kmHeadings(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<h2 id=\"km-\\d+\"[^>]*>([^<]*)</h2>").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void sabrCometsReportListsOverallSurvivalFirstAndNoneOfNct03119519sOwnEndpoints() throws Exception {
    String html = page("stat", "/trials/" + B + "/reports");
    // protocols/nct01446744.yaml: os (primary), pfs, lesion-control; its names capitalized
    assertThat(kmHeadings(html)).hasSize(3);
    assertThat(kmHeadings(html).get(0)).startsWith("Overall survival");
    assertThat(kmHeadings(html).get(1)).startsWith("Progression-free survival");
    assertThat(kmHeadings(html).get(2)).startsWith("Lesion control");
    assertThat(html).doesNotContainIgnoringCase("thoracic progression-free survival")
        .doesNotContainIgnoringCase("local tumour control").doesNotContainIgnoringCase("oligometastatic foci control")
        .contains("/reports/km-os.svg", "/reports/km-lc.png").doesNotContain("km-ofc").doesNotContain("km-tpfs");
    assertThat(as("stat", "/trials/" + B + "/reports/km-os.svg").getResponse().getContentAsString())
        .startsWith("<svg");
    // NCT03119519's endpoint is no endpoint of SABR-COMET: not found
    assertThat(as("stat", "/trials/" + B + "/reports/km-ofc.svg").getResponse().getStatus()).isEqualTo(404);
  }

  @Test
  void nct03119519sReportStillHasItsFiveEndpoints() throws Exception {
    List<String> km = kmHeadings(page("stat", "/reports"));
    // protocols/nct03119519.yaml: pfs (primary), os, thoracic-pfs, local-control, oligometastatic-control
    assertThat(km).hasSize(5);
    assertThat(km.get(0)).startsWith("Progression-free survival");
    assertThat(km.get(1)).startsWith("Overall survival");
    assertThat(km.get(2)).startsWith("Thoracic progression-free survival");
    assertThat(km.get(3)).startsWith("Local tumour control");
    assertThat(km.get(4)).startsWith("Oligometastatic foci control");
  }

  @Test
  void anEndpointNoCodeKnowsHasItsSectionAndDownloads() throws Exception {
    String html = page("stat", "/trials/" + U + "/reports");
    assertThat(kmHeadings(html)).hasSize(4);
    assertThat(kmHeadings(html).get(3)).startsWith("Made-up distant control");
    assertThat(html).contains("/reports/km-dctl.svg");
    MvcResult png = as("stat", "/trials/" + U + "/reports/km-dctl.png");
    assertThat(png.getResponse().getStatus()).isEqualTo(200);
    assertThat(png.getResponse().getContentType()).isEqualTo("image/png");
  }

  @Test
  void theExportedEventOfADownloadCarriesTheTrial() throws Exception {
    assertThat(as("stat", "/trials/" + B + "/reports/table1.csv").getResponse().getStatus()).isEqualTo(200);
    AuditEntry e = register.audit().latest(1).get(0).entry();
    assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
    assertThat(e.entityType()).isEqualTo("report");
    assertThat(e.entityId()).isEqualTo("table1.csv");
    assertThat(e.trialId()).isEqualTo(B);
  }

  @Test
  void theStatisticianSeesPooledResultsUntilTheReleaseTheDsmbByArmAndEveryViewIsAudited() throws Exception {
    String prefix = "/trials/" + R;
    // --- before the release: the statistician, pooled ---
    String pooled = page("stat", prefix + "/reports");
    assertThat(pooled).contains("id=\"blinding\"", "Pooled results", "All randomized (n=6)", "all decided by")
        .doesNotContain("Hazard ratio").doesNotContain("RT+ decided by").doesNotContain("RT- decided by")
        .doesNotContain(">RT+ (n=").doesNotContain("n in arm");
    assertThat(kmHeadings(pooled)).hasSize(5).allMatch(h -> h.endsWith("all participants (Kaplan-Meier)"));
    // CONSORT keeps its allocation counts (not an outcome)
    assertThat(pooled).containsPattern("Allocated to RT\\+ \\(n=[1-5]\\)");
    AuditEntry viewed = register.audit().latest(1).get(0).entry();
    assertThat(viewed.entityId()).isEqualTo("reports");
    assertThat(viewed.newValue()).isEqualTo("reports page, pooled");
    assertThat(viewed.trialId()).isEqualTo(R);
    // the printable report (printed to PDF) and the downloads: no arm
    assertThat(page("stat", prefix + "/reports/print")).doesNotContain("Hazard ratio")
        .doesNotContain("RT+ decided by").contains("All randomized (n=6)");
    assertThat(page("stat", prefix + "/reports/table1.csv").lines().findFirst().orElseThrow())
        .isEqualTo("characteristic,level,\"All randomized (n=6)\"");
    assertThat(page("stat", prefix + "/reports/adverse-events.csv")).startsWith("soc,term,participants,");
    // the API: the dataset without the arm and compliance columns, safety in one group
    String csv = page("stat", "/api/v1/trials/" + R + "/analysis-dataset");
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("participant_id,histology,")
        .doesNotContain("arm").doesNotContain("compliance");
    assertThat(csv).doesNotContain("RT+").doesNotContain("RT-");
    assertThat(csv.lines().count()).isEqualTo(7);
    JsonNode safety = JSON.readTree(page("stat", "/api/v1/trials/" + R + "/analysis/safety"));
    assertThat(safety.get("compliance").size()).isEqualTo(1);
    assertThat(safety.get("compliance").get(0).get("arm").asString()).isEqualTo("all");

    // --- the DSMB: by arm, every view audited ---
    String dsmb = page("dsmb.r", "/dsmb/" + R);
    assertThat(dsmb).contains(">RT+ (n=", "Hazard ratio").containsPattern("RT[+-]: n=\\d");
    AuditEntry dsmbView = register.audit().latest(1).get(0).entry();
    assertThat(dsmbView.entityType()).isEqualTo("dsmb-report");
    assertThat(dsmbView.actor()).isEqualTo("dsmb.r");
    assertThat(dsmbView.trialId()).isEqualTo(R);
    // the DSMB's report lists the trial's five endpoints too, the primary first
    assertThat(kmHeadings(dsmb)).hasSize(5);
    assertThat(kmHeadings(dsmb).get(0)).startsWith("Progression-free survival");

    // --- the release: a reason is required; once only ---
    Actor admin = TestRegisters.admin();
    assertThatThrownBy(() -> register.results().release(admin, R, "  "))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("reason: is required");
    assertThatThrownBy(() -> register.results().release(actor("stat"), R, "the statistician cannot"))
        .isInstanceOf(org.oligotrial.server.kernel.SiteAccessDeniedException.class);
    assertThat(register.results().released(R)).isFalse();
    register.results().release(admin, R, "DSMB recommendation of the final look");
    AuditEntry released = register.audit().latest(1).get(0).entry();
    assertThat(released.field()).isEqualTo("results-release");
    assertThat(released.reason()).isEqualTo("DSMB recommendation of the final look");
    assertThat(released.trialId()).isEqualTo(R);
    assertThatThrownBy(() -> register.results().release(admin, R, "again"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("the comparative results of " + R + " were released already on")
        .hasMessageContaining("by admin").hasMessageContaining("irreversible");
    // the row cannot be changed nor removed (V89)
    assertThatThrownBy(() -> register.jdbc().sql("DELETE FROM results_release WHERE trial_id = :t").param("t", R)
        .update()).hasStackTraceContaining("results_release is immutable");

    // --- after the release: the statistician, by arm; the view audited as such ---
    String byArm = page("stat", prefix + "/reports");
    assertThat(byArm).contains("Results by arm: the comparative results were released", "Hazard ratio RT+ vs RT-",
        ">RT+ (n=", "n in arm").containsPattern("RT[+-] decided by").doesNotContain("Pooled results");
    assertThat(kmHeadings(byArm)).hasSize(5).allMatch(h -> h.endsWith("by arm (Kaplan-Meier)"));
    viewed = register.audit().latest(1).get(0).entry();
    assertThat(viewed.newValue()).isEqualTo("reports page by arm");
    assertThat(viewed.trialId()).isEqualTo(R);
    assertThat(page("stat", "/api/v1/trials/" + R + "/analysis-dataset")).startsWith("participant_id,arm,")
        .contains("cycle_compliance").containsPattern(",RT[+-],");
    assertThat(page("stat", prefix + "/reports/adverse-events.csv")).startsWith("arm,soc,term,participants_in_arm,");
    // the other trials are still pooled: the release is the trial's
    assertThat(page("stat", "/trials/" + B + "/reports")).contains("Pooled results").doesNotContain("Hazard ratio");
  }
}
