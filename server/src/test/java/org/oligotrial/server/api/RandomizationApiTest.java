package org.oligotrial.server.api;

import org.oligotrial.server.testing.ScriptedEvaluator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.participant.Consent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The randomization endpoints over HTTP: preview, the irreversible POST (201, then 409), the record, deviation notes,
 * problem details naming the field, and every role against every endpoint. Site users never receive the allocation
 * log, the sealed list, a draw or the seed.
 */
class RandomizationApiTest extends ApiTestBase {
  static final List<String> USERS = List.of("admin", "inv.a", "coord.a", "dm.a", "mon.a", "stat", "coord.b");

  static String record(String egfr) {
    return ScriptedEvaluator.randomizable(egfr, "N1");
  }

  String consentedAtA(String egfr) {
    String id = register.participants().register(actor("coord.a"), "A",
        "RA-" + java.util.UUID.randomUUID().toString().substring(0, 13), record(egfr)).participant().id();
    register.participants().recordConsent(actor("coord.a"), id, new Consent("v1", LocalDate.of(2026, 1, 5), "Dr Li"),
        null);
    return id;
  }

  /** The investigator's signature as the API takes it: the password re-entered and the meaning stated. */
  static final String SIGNED = "\"signature\":{\"password\":\"" + PASSWORD + "\",\"meaning\":\"approval\"}";

  static MockHttpServletRequestBuilder signed(String base) {
    return json(post(base), "{" + SIGNED + "}");
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
    return b.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void previewThenRandomizeThenReadTheRecord() throws Exception {
    String id = consentedAtA("wild-type");
    String base = "/api/v1/participants/" + id + "/randomization";
    mvc.perform(get(base + "/preview").with(as("inv.a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.randomizable").value(true))
        .andExpect(jsonPath("$.confirmFactors.first_line").value("non-targeted"))
        .andExpect(jsonPath("$.stratum").value(
            "histology=non-squamous;first_line=non-targeted;brain_metastasis=no;metastases=2-5;thoracic_stage=I-II"))
        .andExpect(jsonPath("$.treatmentPlans['RT+'].systemicRegimen").value("pemetrexed-cisplatin"))
        .andExpect(jsonPath("$.treatmentPlans['RT+'].interventions[1]").value(
            "3D-CRT or IMRT to the primary tumour and oligometastatic foci"));
    String confirm = "{\"confirmFactors\":{\"histology\":\"non-squamous\",\"first_line\":\"non-targeted\","
        + "\"brain_metastasis\":\"no\",\"metastases\":\"2-5\",\"thoracic_stage\":\"I-II\"}," + SIGNED + "}";
    String body = mvc.perform(json(post(base), confirm).with(as("inv.a")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.arm").exists())
        .andExpect(jsonPath("$.treatmentPlan.systemicRegimen").value("pemetrexed-cisplatin"))
        .andExpect(jsonPath("$.factors.brain_metastasis").value("no"))
        .andExpect(jsonPath("$.signatures[0].signedBy").value("inv.a"))
        .andExpect(jsonPath("$.signatures[0].meaning").value("approval"))
        .andExpect(jsonPath("$.signatures[0].printedName").value("inv.a"))
        .andExpect(jsonPath("$.signatures[0].signedAt").exists())
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain("draw", "basis", "block", "seed");
    mvc.perform(json(post(base), confirm).with(as("inv.a")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already randomized")));
    mvc.perform(get(base).with(as("mon.a"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.participantId").value(id));
    mvc.perform(get("/api/v1/participants/" + id).with(as("mon.a")))
        .andExpect(jsonPath("$.status").value("RANDOMIZED"));
    mvc.perform(json(post(base + "/deviations"), "{\"note\":\"T was T3 on review\"}").with(as("dm.a")))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.seq").value(1));
    mvc.perform(get(base).with(as("inv.a"))).andExpect(jsonPath("$.deviations[0].note").value("T was T3 on review"));
  }

  @Test
  void badInputIsAProblemDetailNamingTheField() throws Exception {
    String unknown = consentedAtA("unknown");
    String base = "/api/v1/participants/" + unknown + "/randomization";
    mvc.perform(get(base + "/preview").with(as("coord.a")))
        .andExpect(jsonPath("$.randomizable").value(false))
        .andExpect(jsonPath("$.blockingReasons[0].field").value("screeningRecord.egfr"));
    mvc.perform(signed(base).with(as("inv.a")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.field").value("screeningRecord.egfr"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
            "factor first_line: the record matches none of the levels (targeted: egfr = unknown")));
    String id = consentedAtA("mutant");
    String b = "/api/v1/participants/" + id + "/randomization";
    mvc.perform(json(post(b), "{\"confirmFactors\":{\"histology\":\"squamous\"}," + SIGNED + "}")
            .with(as("inv.a")))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("confirmFactors"));
    mvc.perform(json(post(b), "{\"confirmFactors\":7}").with(as("inv.a")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("confirmFactors"));
    mvc.perform(json(post(b), "{\"confirmFactors\":{\"x\":\"" + "y".repeat(100) + "\"}}").with(as("inv.a")))
        .andExpect(status().is4xxClientError());
    mvc.perform(json(post(b), "not json").with(as("inv.a"))).andExpect(status().isBadRequest());
    mvc.perform(json(post(b + "/deviations"), "{\"note\":\"\"}").with(as("coord.a")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("note"));
    mvc.perform(json(post(b + "/deviations"), "{\"note\":\"x\"}").with(as("coord.a")))
        .andExpect(status().isConflict());
    mvc.perform(get(b).with(as("coord.a"))).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/participants/no-such-id/randomization/preview").with(as("coord.a")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/randomization/allocations?format=xml").with(as("stat")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("format"));
    mvc.perform(get("/api/v1/randomization/list?blocksPerStratum=abc").with(as("stat")))
        .andExpect(status().is4xxClientError());
  }

  @Test
  void everyRoleAgainstEveryRandomizationEndpoint() throws Exception {
    for (String user : USERS) {
      String id = consentedAtA("mutant");
      String base = "/api/v1/participants/" + id + "/randomization";
      boolean reads = !user.equals("coord.b");
      // only the site's investigator signs a randomization, through the API as on the web
      boolean randomizes = user.equals("inv.a");
      mvc.perform(get(base + "/preview").with(as(user))).andExpect(status().is(reads ? 200 : 403));
      mvc.perform(signed(base).with(as(user))).andExpect(status().is(randomizes ? 201 : 403));
      if (!randomizes) {
        mvc.perform(signed(base).with(as("inv.a"))).andExpect(status().isCreated());
      }
      mvc.perform(get(base).with(as(user))).andExpect(status().is(reads ? 200 : 403));
      boolean notes = Set.of("inv.a", "coord.a", "dm.a").contains(user);
      mvc.perform(json(post(base + "/deviations"), "{\"note\":\"n\"}").with(as(user)))
          .andExpect(status().is(notes ? 201 : 403));
      boolean exports = user.equals("stat");
      String log = mvc.perform(get("/api/v1/randomization/allocations").with(as(user)))
          .andExpect(status().is(exports ? 200 : 403)).andReturn().getResponse().getContentAsString();
      assertThat(log.contains("\"draw\"")).isEqualTo(exports);
      mvc.perform(get("/api/v1/randomization/allocations?format=csv").with(as(user)))
          .andExpect(status().is(exports ? 200 : 403));
      // the trial randomizes by minimization: the statistician learns there is no list, everybody else is refused
      mvc.perform(get("/api/v1/randomization/list").with(as(user))).andExpect(status().is(exports ? 409 : 403));
    }
    for (String path : List.of("/api/v1/randomization/allocations", "/api/v1/randomization/list")) {
      mvc.perform(get(path)).andExpect(status().isUnauthorized());
    }
  }

  @Test
  void anUnknownEgfrIsRecordedAsAnAmendmentAndThenThePlanAndRandomizationProceed() throws Exception {
    String id = consentedAtA("unknown");
    String base = "/api/v1/participants/" + id;
    mvc.perform(get(base + "/randomization/preview").with(as("coord.a")))
        .andExpect(jsonPath("$.randomizable").value(false))
        .andExpect(jsonPath("$.blockingReasons[0].field").value("screeningRecord.egfr"));
    mvc.perform(json(post(base + "/screenings/gene-result"), "{\"egfr\":\"mutant\"}").with(as("coord.a")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
    mvc.perform(json(post(base + "/screenings/gene-result"), "{\"egfr\":\"maybe\",\"reason\":\"lab\"}")
            .with(as("coord.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("egfr"));
    mvc.perform(json(post(base + "/screenings/gene-result"), "{\"egfr\":\"mutant\",\"reason\":\"lab\"}")
            .with(as("mon.a")))
        .andExpect(status().isForbidden());
    mvc.perform(json(post(base + "/screenings/gene-result"),
            "{\"egfr\":\"mutant\",\"reason\":\"EGFR exon 19 deletion, report of 2026-01-09\"}").with(as("coord.a")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("CONSENTED"))
        .andExpect(jsonPath("$.screenings.length()").value(2));
    mvc.perform(json(post(base + "/screenings/gene-result"), "{\"egfr\":\"wild-type\",\"reason\":\"x\"}")
            .with(as("coord.a")))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("egfr"));
    mvc.perform(get(base + "/randomization/preview").with(as("inv.a")))
        .andExpect(jsonPath("$.randomizable").value(true))
        .andExpect(jsonPath("$.screeningVersion").value(2))
        .andExpect(jsonPath("$.treatmentPlans['RT+'].systemicRegimen").value("egfr-tki"));
    mvc.perform(signed(base + "/randomization").with(as("inv.a")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.screeningVersion").value(2))
        .andExpect(jsonPath("$.treatmentPlan.systemicRegimen").value("egfr-tki"));
  }

  @Test
  void aCoordinatorCannotRandomizeThroughTheApiAndTheInvestigatorMustSign() throws Exception {
    String id = consentedAtA("mutant");
    String base = "/api/v1/participants/" + id + "/randomization";
    // the coordinator, even with a signature, is refused: the web and the API both need the investigator
    mvc.perform(signed(base).with(as("coord.a"))).andExpect(status().isForbidden());
    mvc.perform(post(base).with(as("inv.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("signature.meaning"));
    mvc.perform(json(post(base), "{\"signature\":{\"password\":\"" + PASSWORD + "\",\"meaning\":\"authorship\"}}")
            .with(as("inv.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("signature.meaning"));
    mvc.perform(json(post(base), "{\"signature\":{\"meaning\":\"approval\"}}").with(as("inv.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("signature.password"));
    long denied = register.audit().forRecord("randomization", id).stream()
        .filter(e -> e.entry().action().name().equals("ACCESS_DENIED")).count();
    mvc.perform(json(post(base), "{\"signature\":{\"password\":\"not the password\",\"meaning\":\"approval\"}}")
            .with(as("inv.a")))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("signature.password"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not correct")));
    assertThat(register.audit().forRecord("randomization", id).stream()
        .filter(e -> e.entry().action().name().equals("ACCESS_DENIED")).count()).isEqualTo(denied + 1);
    mvc.perform(get("/api/v1/participants/" + id).with(as("inv.a"))).andExpect(jsonPath("$.status").value("CONSENTED"));
    mvc.perform(signed(base).with(as("inv.a"))).andExpect(status().isCreated());
    var sign = register.audit().forRecord("randomization", id).stream()
        .filter(e -> e.entry().action().name().equals("SIGN")).toList();
    assertThat(sign).hasSize(1);
    assertThat(sign.get(0).entry().newValue()).startsWith("Approved by inv.a (inv.a) at ")
        .contains("meaning approval: randomization of RA-");
    mvc.perform(get(base).with(as("mon.a"))).andExpect(jsonPath("$.signatures[0].manifestation")
        .value(sign.get(0).entry().newValue()));
  }

  @Test
  void theStatisticianGetsTheLogAsCsvAndJson() throws Exception {
    String id = consentedAtA("mutant");
    mvc.perform(signed("/api/v1/participants/" + id + "/randomization").with(as("inv.a")))
        .andExpect(status().isCreated());
    mvc.perform(get("/api/v1/randomization/allocations").accept("text/csv").with(as("stat")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(content().string(org.hamcrest.Matchers.startsWith(
            "sequence,participant_id,site,randomized_at,randomized_by,stratum,method,arm,draw,basis\n")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(id)));
    mvc.perform(get("/api/v1/randomization/allocations").with(as("stat")))
        .andExpect(jsonPath("$[?(@.participantId == '" + id + "')].basis.draw").isNotEmpty())
        .andExpect(jsonPath("$[?(@.participantId == '" + id + "')].explanation").isNotEmpty());
    assertThat(register.audit().forRecord("randomization", "NCT03119519"))
        .anyMatch(e -> e.entry().action().name().equals("EXPORT") && e.entry().actor().equals("stat"));
    assertThat(Map.of()).isEmpty();
  }
}
