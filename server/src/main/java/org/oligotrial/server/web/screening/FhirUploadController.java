package org.oligotrial.server.web.screening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oligotrial.fhir.FieldSource;
import org.oligotrial.fhir.MappedRecord;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.server.fhir.FhirScreenings;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.trial.TrialRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Start from a FHIR bundle" on the screening page: the uploaded bundle is mapped and fills the screening form (the
 * one generated from the protocol's record); each input filled from the bundle is marked with its source. Nothing is
 * stored: the coordinator completes the form and saves it as any screening.
 */
@Controller
class FhirUploadController {
  private final ScreeningController screening;
  private final FhirScreenings fhir;
  private final TrialRegistry trials;
  private final org.oligotrial.server.participant.ParticipantService participants;
  private final org.oligotrial.server.web.WebAccess access;
  private final String trialId;

  FhirUploadController(ScreeningController screening, FhirScreenings fhir, TrialRegistry trials,
      org.oligotrial.server.participant.ParticipantService participants, org.oligotrial.server.web.WebAccess access) {
    this.screening = screening;
    this.participants = participants;
    this.access = access;
    this.trialId = participants.trialId();
    this.fhir = fhir;
    this.trials = trials;
  }

  @PostMapping("/screening/fhir")
  String upload(@RequestParam(name = "bundle", required = false) MultipartFile bundle, Model m) throws IOException {
    screening.requireScreener();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    try {
      if (bundle == null || bundle.isEmpty()) {
        throw new InvalidFieldException("bundle", "choose a FHIR R4 bundle (JSON) to start from");
      }
      // the default trial's record under its version current now (an amendment is followed without a restart)
      RecordDeclaration record = trials.defaultTrial().protocol().record();
      MappedRecord mapped = fhir.map(new String(bundle.getBytes(), StandardCharsets.UTF_8));
      form = ScreeningForm.fromJson(record, mapped.json());
      Map<String, String> sources = new LinkedHashMap<>();
      for (Map.Entry<String, FieldSource> e : mapped.provenance().entrySet()) {
        sources.putIfAbsent(ScreeningForm.fieldId(record, e.getKey()), e.getValue().toString());
      }
      m.addAttribute("fromBundle", sources);
      m.addAttribute("bundleName", bundle.getOriginalFilename());
      return screening.showForm(m, form, screening.check(form), null, null);
    } catch (InvalidFieldException e) {
      m.addAttribute("bundleError", e.getMessage());
      return screening.showForm(m, form, screening.check(form), null, null);
    }
  }

  /**
   * The provenance of a participant's latest screening version, loaded into the participant page (htmx): where each
   * field came from when the screening was registered from a FHIR bundle; nothing for a typed screening.
   */
  @org.springframework.web.bind.annotation.GetMapping("/participants/{id}/provenance")
  String provenance(@org.springframework.web.bind.annotation.PathVariable String id, Model m) {
    var h = participants.history(access.actor(), id);
    int version = h.screenings().get(h.screenings().size() - 1).version();
    Map<String, String> rows = new LinkedHashMap<>();
    fhir.provenance(trialId, id, version).forEach((f, s) -> rows.put(f, s.toString()));
    m.addAttribute("provenance", rows);
    m.addAttribute("version", version);
    return "screening/provenance :: provenance";
  }
}
