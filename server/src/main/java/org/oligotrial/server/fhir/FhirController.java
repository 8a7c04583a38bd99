package org.oligotrial.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.oligotrial.fhir.FieldSource;
import org.oligotrial.fhir.ResearchResources;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.participant.Participant;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.ScreeningVersion;
import org.oligotrial.server.scope.TrialScope;
import org.oligotrial.server.scope.TrialScopes;
import org.oligotrial.server.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR R4 in and out: a screening registered from a patient's bundle, the trial as a ResearchStudy and its
 * participants as ResearchSubjects. Each endpoint has a default-trial path and a trial-scoped one.
 */
@RestController
@Tag(name = "fhir")
public class FhirController {
  static final String FHIR_JSON = "application/fhir+json";
  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FhirScreenings screenings;
  private final TrialScopes scopes;
  private final CurrentActor actor;

  FhirController(FhirScreenings screenings, TrialScopes scopes, CurrentActor actor) {
    this.screenings = screenings;
    this.scopes = scopes;
    this.actor = actor;
  }

  /** Where a record field came from. */
  public record Source(String resourceType, String id, String element, String code) {}

  /** A screening registered from a bundle: the participant, the result and each mapped field's source. */
  public record FhirScreeningView(String id, String siteCode, String screeningNumber, String status,
      int screeningVersion, String verdict, String protocolVersion, List<String> screenFailureReasons,
      JsonNode screeningRecord, JsonNode eligibility, Map<String, Source> provenance) {}

  @PostMapping(path = "/api/v1/screenings/fhir", consumes = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Register a participant screened from a FHIR R4 bundle (mCODE): mapped, evaluated and audited"
      + " as POST /api/v1/participants; the provenance of each mapped field is stored with the screening")
  public ResponseEntity<FhirScreeningView> screen(@RequestParam String siteCode,
      @RequestParam String screeningNumber, @RequestBody(required = false) String bundle) {
    return screen(scopes.defaultScope(), actor.get(), siteCode, screeningNumber, bundle);
  }

  @PostMapping(path = "/api/v1/trials/{trialId}/screenings/fhir",
      consumes = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "As POST /api/v1/screenings/fhir, in the trial named")
  public ResponseEntity<FhirScreeningView> screenInTrial(@PathVariable String trialId,
      @RequestParam String siteCode, @RequestParam String screeningNumber,
      @RequestBody(required = false) String bundle) {
    TrialScope scope = scopes.of(trialId);
    return screen(scope, actor.on(scope.id()), siteCode, screeningNumber, bundle);
  }

  @GetMapping(path = "/api/v1/screenings/fhir/{participantId}")
  @Operation(summary = "A participant's latest screening with the provenance of its fields (empty when typed)")
  public FhirScreeningView screening(@PathVariable String participantId) {
    TrialScope scope = scopes.defaultScope();
    ParticipantHistory h = scope.participants().history(actor.get(), participantId);
    ScreeningVersion v = h.screenings().get(h.screenings().size() - 1);
    return view(h, v, screenings.provenance(scope.id(), participantId, v.version()));
  }

  private ResponseEntity<FhirScreeningView> screen(TrialScope scope, Actor a, String siteCode, String number,
      String bundle) {
    FhirScreenings.Registered r = screenings.register(scope.participants(), a, siteCode, number, bundle);
    ParticipantHistory h = r.history();
    return ResponseEntity.created(URI.create("/api/v1/participants/" + h.participant().id()))
        .body(view(h, h.screenings().get(0), r.provenance()));
  }

  private static FhirScreeningView view(ParticipantHistory h, ScreeningVersion v, Map<String, FieldSource> prov) {
    Participant p = h.participant();
    Map<String, Source> sources = new LinkedHashMap<>();
    prov.forEach((f, s) -> sources.put(f, new Source(s.resourceType(), s.id(), s.element(), s.code())));
    return new FhirScreeningView(p.id(), p.siteCode(), p.screeningNumber(), p.status().name(), v.version(),
        v.verdict(), v.protocolVersion(), v.screenFailureReasons(), JSON.readTree(v.recordJson()),
        v.eligibilityJson() == null ? null : JSON.readTree(v.eligibilityJson()), sources);
  }

  @GetMapping(path = "/api/v1/fhir/ResearchStudy", produces = FHIR_JSON)
  @Operation(summary = "The default trial as a FHIR R4 ResearchStudy")
  public String study() {
    TrialScope scope = scopes.defaultScope();
    actor.get();
    return R4.newJsonParser().encodeResourceToString(ResearchResources.study(scope.trial().protocol(), "active"));
  }

  @GetMapping(path = "/api/v1/trials/{trialId}/fhir/ResearchStudy", produces = FHIR_JSON)
  @Operation(summary = "The trial as a FHIR R4 ResearchStudy")
  public String studyOf(@PathVariable String trialId) {
    TrialScope scope = scopes.of(trialId);
    actor.on(scope.id());
    return R4.newJsonParser().encodeResourceToString(ResearchResources.study(scope.trial().protocol(), "active"));
  }

  @GetMapping(path = "/api/v1/fhir/ResearchSubject", produces = FHIR_JSON)
  @Operation(summary = "A participant as a FHIR R4 ResearchSubject (status, consent, assigned arm), or without"
      + " participant a searchset Bundle of every participant the caller may read")
  public String subjects(@RequestParam(required = false) String participant) {
    return subjects(scopes.defaultScope(), actor.get(), participant);
  }

  @GetMapping(path = "/api/v1/trials/{trialId}/fhir/ResearchSubject", produces = FHIR_JSON)
  @Operation(summary = "As GET /api/v1/fhir/ResearchSubject, in the trial named")
  public String subjectsOf(@PathVariable String trialId, @RequestParam(required = false) String participant) {
    TrialScope scope = scopes.of(trialId);
    return subjects(scope, actor.on(scope.id()), participant);
  }

  private static String subjects(TrialScope scope, Actor a, String participant) {
    if (participant != null) {
      ParticipantHistory h = scope.participants().history(a, participant);
      return R4.newJsonParser().encodeResourceToString(subject(scope, a, h));
    }
    Bundle b = new Bundle();
    b.setType(Bundle.BundleType.SEARCHSET);
    List<ParticipantHistory> all = scope.participants().histories(a, null);
    for (ParticipantHistory h : all) {
      ResearchSubject s = subject(scope, a, h);
      b.addEntry().setFullUrl("https://oligotrial.org/fhir/ResearchSubject/" + s.getIdElement().getIdPart())
          .setResource(s).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    }
    b.setTotal(all.size());
    return R4.newJsonParser().encodeResourceToString(b);
  }

  private static ResearchSubject subject(TrialScope scope, Actor a, ParticipantHistory h) {
    Participant p = h.participant();
    String arm = null;
    if (p.status().ordinal() >= ParticipantStatus.RANDOMIZED.ordinal()) {
      try {
        arm = scope.randomization().find(a, p.id()).record().arm();
      } catch (RecordNotFoundException e) {
        arm = null; // withdrawn or died before randomization
      }
    }
    return ResearchResources.subject(p.id(), "Patient/" + p.id(), scope.id(), subjectStatus(p.status()),
        p.consent() == null ? null : "Consent/" + p.id(), arm);
  }

  /** The participant's status as an R4 research-subject-status code. */
  public static String subjectStatus(ParticipantStatus s) {
    return switch (s) {
      case SCREENING -> "screening";
      case SCREEN_FAILED -> "ineligible";
      case ELIGIBLE -> "eligible";
      case CONSENTED -> "pending-on-study";
      case RANDOMIZED -> "on-study";
      case ON_TREATMENT -> "on-study-intervention";
      case OFF_TREATMENT, IN_FOLLOW_UP, PROGRESSED -> "follow-up";
      case WITHDRAWN -> "withdrawn";
      case LOST_TO_FOLLOW_UP, COMPLETED, DIED -> "off-study";
    };
  }
}
