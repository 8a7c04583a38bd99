package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.fhir.BundleToRecord;
import org.oligotrial.fhir.FieldSource;
import org.oligotrial.fhir.RecordToBundle;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.server.fhir.FhirScreenings;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.web.screening.ScreeningForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Start from a FHIR bundle" on the screening page: the upload is served per trial ({@code /trials/{id}/screening/
 * fhir}, the form generated from that trial's protocol), and the provenance of the mapped fields survives the
 * coordinator's completion and save: stored with screening version 1 for the fields still as the bundle gave them,
 * none for a field the coordinator changed, and shown on the participant's page. The bundle is the repository's
 * example eligible record (examples/screening/eligible.json: ECOG 1, born 1962-07-21) written as FHIR by the fhir
 * module's generator.
 */
class FhirUploadFormTest extends ApiTestBase {
  static final String A = "NCT03119519";
  static final String B = "NCT01446744";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern TOKEN = Pattern.compile("name=\"fhirUpload\" value=\"([^\"]+)\"");
  private static final Pattern SAVED = Pattern.compile("/participants/([^?/]+)\\?saved");

  @Autowired FhirScreenings fhir;

  @BeforeEach
  void secondTrial() throws Exception {
    // the same second trial as TrialAuthorizationMatrixTest (this context is shared with it)
    synchronized (TrialAuthorizationMatrixTest.class) {
      if (register.trials().find(B).isEmpty()) {
        var admin = TestRegisters.admin();
        register.trials().add(admin, Files.readString(Path.of("..", "protocols", "nct01446744.yaml")),
            "nct01446744.yaml", false);
        register.trials().enrolSite(admin, B, "A");
        register.users().add(admin, "coord.sabr", Role.COORDINATOR, Set.of("A"), PASSWORD, null, B);
      }
    }
  }

  static String bundle() throws Exception {
    String record = Files.readString(Path.of("../examples/screening/eligible.json"));
    return RecordToBundle.toJson(new RecordToBundle().write(JSON.readTree(record)));
  }

  /** The form a browser would post back: the trial's form filled from the bundle's mapped record. */
  static MultiValueMap<String, String> filledForm(RecordDeclaration record, String bundle) {
    String mapped = new BundleToRecord().map(BundleToRecord.parseBundle(bundle), LocalDate.now()).json();
    return ScreeningForm.fromJson(record, mapped);
  }

  String upload(String prefix, String user, MockHttpSession session, String bundle) throws Exception {
    return mvc.perform(multipart(prefix + "/screening/fhir")
            .file(new MockMultipartFile("bundle", "patient.json", "application/fhir+json",
                bundle.getBytes(StandardCharsets.UTF_8)))
            .with(csrf()).with(user(user)).session(session))
        .andReturn().getResponse().getContentAsString();
  }

  /** Saves the form with the upload's token; the new participant's id. */
  String save(String prefix, String user, MockHttpSession session, MultiValueMap<String, String> form)
      throws Exception {
    MockHttpServletResponse r = mvc.perform(post(prefix + "/screening/fhir/save").params(form)
            .with(csrf()).with(user(user)).session(session))
        .andReturn().getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
    assertThat(r.getRedirectedUrl()).startsWith(prefix + "/participants/");
    Matcher m = SAVED.matcher(r.getRedirectedUrl());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static String token(String page) {
    Matcher m = TOKEN.matcher(page);
    assertThat(m.find()).as("the form carries the upload's token").isTrue();
    return m.group(1);
  }

  @Test
  void theMappedFieldsSourcesAreStoredWithTheSavedScreeningExceptWhatTheCoordinatorChanged() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String bundle = bundle();
    String page = upload("", "coord.a", session, bundle);
    assertThat(page).contains("action=\"/screening/fhir/save\"").contains("From the bundle: Observation/SCR-0001-ecog");

    RecordDeclaration record = ProtocolLoader.bundled().record();
    MultiValueMap<String, String> form = filledForm(record, bundle);
    String ecog = record.field("ecog").inputId();
    assertThat(form.getFirst(ecog)).isEqualTo("1");
    form.set(ecog, "0"); // the coordinator corrects the ECOG: it is no longer the bundle's
    form.set("site", "A");
    form.set(record.role("id").inputId(), "FHIR-FORM-" + System.nanoTime());
    form.set("fhirUpload", token(page));
    String id = save("", "coord.a", session, form);

    Map<String, FieldSource> stored = fhir.provenance(A, id, 1);
    assertThat(stored.get("birthDate")).isEqualTo(new FieldSource("Patient", "SCR-0001", "birthDate", ""));
    assertThat(stored).containsKey("labs.HGB").doesNotContainKey("ecog");
    String shown = mvc.perform(get("/participants/" + id + "/provenance").with(user("coord.a")))
        .andReturn().getResponse().getContentAsString();
    assertThat(shown).contains("Screening version 1 mapped from FHIR").contains("Patient/SCR-0001 birthDate")
        .doesNotContain("SCR-0001-ecog");
  }

  @Test
  void aFormSavedWithoutAnUploadOfThisSessionStoresNoProvenance() throws Exception {
    MockHttpSession uploaded = new MockHttpSession();
    String bundle = bundle();
    String token = token(upload("", "coord.a", uploaded, bundle));
    RecordDeclaration record = ProtocolLoader.bundled().record();
    MultiValueMap<String, String> form = filledForm(record, bundle);
    form.set("site", "A");
    form.set(record.role("id").inputId(), "FHIR-FORM-" + System.nanoTime());
    form.set("fhirUpload", token);
    // another session (another browser) cannot claim the upload: the screening is saved as a typed one
    String id = save("", "coord.a", new MockHttpSession(), form);
    assertThat(fhir.provenance(A, id, 1)).isEmpty();
  }

  @Test
  void theUploadOfATrialsPageFillsThatTrialsFormAndStoresUnderThatTrial() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String bundle = bundle();
    String page = upload("/trials/" + B, "coord.sabr", session, bundle);
    // trial B's own form (SABR-COMET's record has no laboratory section), posting to trial B's path
    assertThat(page).contains("action=\"/trials/" + B + "/screening/fhir/save\"")
        .contains("value=\"1962-07-21\"").doesNotContain("HGB_value").doesNotContain("Bundle not read");

    RecordDeclaration record = ProtocolLoader.parse(Files.readString(Path.of("..", "protocols",
        "nct01446744.yaml")), "nct01446744.yaml").record();
    MultiValueMap<String, String> form = filledForm(record, bundle);
    form.set("site", "A");
    form.set(record.role("id").inputId(), "FHIR-B-" + System.nanoTime());
    form.set("fhirUpload", token(page));
    String id = save("/trials/" + B, "coord.sabr", session, form);

    Map<String, FieldSource> stored = fhir.provenance(B, id, 1);
    assertThat(stored).containsKeys("birthDate", "ecog");
    assertThat(stored.keySet()).noneMatch(f -> f.startsWith("labs."));
    assertThat(fhir.provenance(A, id, 1)).isEmpty();
    assertThat(mvc.perform(get("/trials/" + B + "/participants/" + id + "/provenance").with(user("coord.sabr")))
        .andReturn().getResponse().getContentAsString()).contains("Patient/SCR-0001 birthDate");
  }
}
