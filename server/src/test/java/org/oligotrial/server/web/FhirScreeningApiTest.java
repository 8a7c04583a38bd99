package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oligotrial.fhir.R4Validation;
import org.oligotrial.fhir.RecordToBundle;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR endpoints of the server: a screening registered from a bundle written by the fhir module's generator
 * ({@link RecordToBundle}) from the repository's example records gets the same verdict and status as the same record
 * posted as JSON, with the provenance stored; bad bundles are 422 problems naming resource and element; the trial and
 * its participants come out as ResearchStudy and ResearchSubject valid against base R4; access follows the roles of
 * the participant reads.
 */
class FhirScreeningApiTest extends WebTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static int counter;

  private static synchronized String number(String prefix) {
    return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + (++counter);
  }

  private static String example(String name) throws Exception {
    return Files.readString(Path.of("../examples/screening/" + name + ".json"));
  }

  private static String bundleOf(String recordJson) {
    return RecordToBundle.toJson(new RecordToBundle().write(JSON.readTree(recordJson)));
  }

  private MockHttpServletResponse postBundle(String user, String site, String number, String bundle,
      String contentType) throws Exception {
    return mvc.perform(post("/api/v1/screenings/fhir").with(httpBasic(user, PASSWORD))
            .param("siteCode", site).param("screeningNumber", number)
            .contentType(contentType).content(bundle))
        .andReturn().getResponse();
  }

  private JsonNode postJson(String user, String site, String number, String record) throws Exception {
    MockHttpServletResponse r = mvc.perform(post("/api/v1/participants").with(httpBasic(user, PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"siteCode\":\"" + site + "\",\"screeningNumber\":\"" + number + "\",\"screeningRecord\":"
                + record + "}"))
        .andReturn().getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JSON.readTree(r.getContentAsString());
  }

  /** The three example records (eligible, ineligible, incomplete) of examples/screening, as JSON and as FHIR. */
  @ParameterizedTest
  @ValueSource(strings = {"eligible", "ineligible", "incomplete"})
  void theSamePatientAsJsonAndAsFhirGetsTheSameVerdictAndStatus(String example) throws Exception {
    String record = example(example);
    JsonNode typed = postJson("coord.a", "A", number("J"), record);
    MockHttpServletResponse r = postBundle("coord.a", "A", number("F"), bundleOf(record), "application/fhir+json");
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    JsonNode fhir = JSON.readTree(r.getContentAsString());
    JsonNode typedScreening = typed.path("eligibility");
    assertThat(fhir.path("verdict").asString()).isEqualTo(typedScreening.path("verdict").asString());
    assertThat(fhir.path("status").asString()).isEqualTo(typed.path("status").asString());
    assertThat(fhir.path("protocolVersion").asString()).isEqualTo(typedScreening.path("protocolVersion").asString());
    // the provenance: the ECOG from the generator's observation (LOINC 89247-1), the birth date from the Patient
    assertThat(fhir.path("provenance").path("ecog").path("resourceType").asString()).isEqualTo("Observation");
    assertThat(fhir.path("provenance").path("ecog").path("code").asString()).contains("89247-1");
    assertThat(fhir.path("provenance").path("birthDate").path("element").asString()).isEqualTo("birthDate");
    String id = fhir.path("id").asString();
    // stored with the screening version: read back
    JsonNode stored = JSON.readTree(mvc.perform(get("/api/v1/screenings/fhir/" + id)
        .with(httpBasic("coord.a", PASSWORD))).andReturn().getResponse().getContentAsString());
    assertThat(stored.path("provenance").path("ecog")).isEqualTo(fhir.path("provenance").path("ecog"));
    assertThat(stored.path("provenance").size()).isEqualTo(fhir.path("provenance").size());
    // the participant page loads the stored provenance (htmx fragment)
    String page = mvc.perform(get("/participants/" + id + "/provenance").with(org.springframework.security.test.web
            .servlet.request.SecurityMockMvcRequestPostProcessors.user("coord.a").password(PASSWORD)
            .roles("COORDINATOR"))).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("mapped from FHIR")
        .contains("Observation/" + JSON.readTree(record).path("id").asString() + "-ecog value");
    // the same audit as a typed registration: the participant's trail has the created and screening rows
    String audit = mvc.perform(get("/api/v1/participants/" + id + "/audit").with(httpBasic("coord.a", PASSWORD)))
        .andReturn().getResponse().getContentAsString();
    String typedAudit = mvc.perform(get("/api/v1/participants/" + typed.path("id").asString() + "/audit")
        .with(httpBasic("coord.a", PASSWORD))).andReturn().getResponse().getContentAsString();
    assertThat(fields(audit)).isEqualTo(fields(typedAudit));
  }

  private static List<String> fields(String auditJson) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode e : JSON.readTree(auditJson)) {
      out.add(e.path("action").asString() + " " + e.path("field").asString());
    }
    return out;
  }

  @Test
  void aTypedScreeningHasNoProvenance() throws Exception {
    JsonNode typed = postJson("coord.a", "A", number("T"), example("eligible"));
    JsonNode stored = JSON.readTree(mvc.perform(get("/api/v1/screenings/fhir/" + typed.path("id").asString())
        .with(httpBasic("coord.a", PASSWORD))).andReturn().getResponse().getContentAsString());
    assertThat(stored.path("provenance").size()).isZero();
  }

  @Test
  void badBundlesAreProblemsNamingResourceAndElementAndNothingIsRegistered() throws Exception {
    int before = register.participants().histories(actor("coord.a"), "A").size();
    // ECOG 7: the generator writes the ECOG observation as SCR-0001-ecog with valueInteger
    String ecog7 = bundleOf(example("eligible").replace("\"ecog\": 1", "\"ecog\": 7"));
    assertThat(ecog7).contains("\"valueInteger\":7");
    MockHttpServletResponse r = postBundle("coord.a", "A", number("B"), ecog7, "application/fhir+json");
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    JsonNode p = JSON.readTree(r.getContentAsString());
    assertThat(p.path("field").asString()).isEqualTo("Observation/SCR-0001-ecog valueInteger");
    assertThat(p.path("detail").asString()).contains("ECOG");

    for (String bad : List.of("not json", "[1,2]", "{\"resourceType\":\"Patient\",\"id\":\"p1\"}",
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"bogus\":1}", "{\"resourceType\":\"Bundle\","
            + "\"type\":\"collection\"}", "")) {
      MockHttpServletResponse b = postBundle("coord.a", "A", number("B"), bad, "application/json");
      assertThat(b.getStatus()).as(bad + " -> " + b.getContentAsString()).isIn(400, 422);
      assertThat(b.getContentType()).as(bad).startsWith("application/problem+json");
      assertThat(b.getContentAsString()).as(bad).doesNotContain("at org.").doesNotContain("at ca.uhn");
    }
    assertThat(register.participants().histories(actor("coord.a"), "A")).hasSize(before);
  }

  @Test
  void registeringFromABundleNeedsWriteAccessAtTheSite() throws Exception {
    String bundle = bundleOf(example("eligible"));
    assertThat(postBundle("coord.b", "A", number("R"), bundle, "application/fhir+json").getStatus()).isEqualTo(403);
    assertThat(postBundle("mon.a", "A", number("R"), bundle, "application/fhir+json").getStatus()).isEqualTo(403);
    assertThat(mvc.perform(post("/api/v1/screenings/fhir").param("siteCode", "A").param("screeningNumber", "x")
        .contentType("application/fhir+json").content(bundle)).andReturn().getResponse().getStatus()).isEqualTo(401);
  }

  @Test
  void theTrialIsAValidResearchStudy() throws Exception {
    MockHttpServletResponse r = mvc.perform(get("/api/v1/fhir/ResearchStudy").with(httpBasic("mon.a", PASSWORD)))
        .andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentType()).startsWith("application/fhir+json");
    ResearchStudy s = R4.newJsonParser().parseResource(ResearchStudy.class, r.getContentAsString());
    assertThat(R4Validation.errors(s)).isEmpty();
    // the default trial of a new database is the bundled protocol, NCT03119519
    assertThat(s.getIdentifierFirstRep().getValue()).isEqualTo("NCT03119519");
    assertThat(s.getArm()).isNotEmpty();
  }

  @Test
  void participantsAreValidResearchSubjectsReadAsTheParticipantReadsAre() throws Exception {
    MockHttpServletResponse created = postBundle("coord.a", "A", number("S"), bundleOf(example("eligible")),
        "application/fhir+json");
    String id = JSON.readTree(created.getContentAsString()).path("id").asString();
    MockHttpServletResponse r = mvc.perform(get("/api/v1/fhir/ResearchSubject").param("participant", id)
        .with(httpBasic("inv.a", PASSWORD))).andReturn().getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    ResearchSubject s = R4.newJsonParser().parseResource(ResearchSubject.class, r.getContentAsString());
    assertThat(R4Validation.errors(s)).isEmpty();
    // the example record is eligible (examples/screening/eligible.json), not consented, not randomized
    assertThat(s.getStatus().toCode()).isEqualTo("eligible");
    assertThat(s.hasConsent()).isFalse();
    assertThat(s.hasAssignedArm()).isFalse();
    assertThat(s.getStudy().getReference()).isEqualTo("ResearchStudy/NCT03119519");

    // a coordinator of site B may not read a participant of site A
    assertThat(mvc.perform(get("/api/v1/fhir/ResearchSubject").param("participant", id)
        .with(httpBasic("coord.b", PASSWORD))).andReturn().getResponse().getStatus()).isEqualTo(403);

    // the bundle: every participant the caller may read, each valid
    Bundle all = R4.newJsonParser().parseResource(Bundle.class, mvc.perform(get("/api/v1/fhir/ResearchSubject")
        .with(httpBasic("coord.a", PASSWORD))).andReturn().getResponse().getContentAsString());
    assertThat(R4Validation.errors(all)).isEmpty();
    assertThat(all.getEntry()).anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(id));
    Bundle ofB = R4.newJsonParser().parseResource(Bundle.class, mvc.perform(get("/api/v1/fhir/ResearchSubject")
        .with(httpBasic("coord.b", PASSWORD))).andReturn().getResponse().getContentAsString());
    assertThat(ofB.getEntry()).noneMatch(e -> e.getResource().getIdElement().getIdPart().equals(id));
  }

  @Test
  void subjectStatusesAreR4Codes() {
    for (var st : org.oligotrial.server.participant.ParticipantStatus.values()) {
      // every status maps to a research-subject-status code HAPI knows
      assertThat(ResearchSubject.ResearchSubjectStatus.fromCode(
          org.oligotrial.server.fhir.FhirController.subjectStatus(st))).isNotNull();
    }
  }

  @Test
  void anUploadedBundleFillsTheScreeningFormMarkedWithItsSourcesAndStoresNothing() throws Exception {
    int before = register.participants().histories(actor("coord.a"), "A").size();
    String bundle = bundleOf(example("eligible"));
    String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .multipart("/screening/fhir")
            .file(new org.springframework.mock.web.MockMultipartFile("bundle", "patient.json", "application/fhir+json",
                bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("coord.a").password(PASSWORD).roles("COORDINATOR")))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"from-bundle\"").contains("patient.json")
        // the ECOG input holds the example's ECOG 1 (examples/screening/eligible.json), marked with its observation
        .contains("From the bundle: Observation/SCR-0001-ecog value")
        .contains("From the bundle: Patient/SCR-0001 birthDate")
        .contains("value=\"1962-07-21\"")
        .doesNotContain("Bundle not read");
    assertThat(register.participants().histories(actor("coord.a"), "A")).hasSize(before);

    String bad = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .multipart("/screening/fhir")
            .file(new org.springframework.mock.web.MockMultipartFile("bundle", "bad.json", "application/json",
                "{\"resourceType\":\"Patient\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("coord.a").password(PASSWORD).roles("COORDINATOR")))
        .andReturn().getResponse().getContentAsString();
    assertThat(bad).contains("Bundle not read").contains("Patient").doesNotContain("at org.");
  }
}
