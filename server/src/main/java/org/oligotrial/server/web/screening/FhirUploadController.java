package org.oligotrial.server.web.screening;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.oligotrial.fhir.FieldSource;
import org.oligotrial.fhir.MappedRecord;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.server.fhir.FhirScreenings;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.scope.CurrentTrial;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Start from a FHIR bundle" on the screening page of a trial ({@code /trials/{id}/screening/fhir}, or the default
 * trial's {@code /screening/fhir}): the uploaded bundle is mapped, checked with the reader of that trial's protocol,
 * and fills the screening form generated from that protocol's record; each input filled from the bundle is marked
 * with its source. Nothing is stored then. The mapping's provenance is kept in the user's session under a random
 * token that the form carries ({@code fhirUpload}); when the coordinator saves the completed form ({@code
 * /screening/fhir/save}), the screening is registered as any other and, in the same transaction, the source of every
 * field still holding the bundle's value is stored with screening version 1 (fields the coordinator changed keep
 * none), to be shown on the participant's page. A token of another session, trial or user is not found: the form is
 * then saved without provenance, as a typed screening.
 */
@Controller
class FhirUploadController {
  /** The session attribute holding the pending uploads by token. */
  static final String PENDING = FhirUploadController.class.getName() + ".pending";
  /** At most this many uploads pending per session (the oldest dropped first). */
  private static final int MAX_PENDING = 8;

  private final ScreeningController screening;
  private final FhirScreenings fhir;
  private final CurrentTrial currentTrial;
  private final WebAccess access;

  FhirUploadController(ScreeningController screening, FhirScreenings fhir, CurrentTrial currentTrial,
      WebAccess access) {
    this.screening = screening;
    this.fhir = fhir;
    this.currentTrial = currentTrial;
    this.access = access;
  }

  /** A bundle's mapping awaiting the form's completion: its trial, the record as filled, each field's source. */
  record Pending(String trialId, String user, String asFilled, Map<String, FieldSource> provenance) {}

  @PostMapping("/screening/fhir")
  String upload(@RequestParam(name = "bundle", required = false) MultipartFile bundle, Model m, HttpSession session)
      throws IOException {
    var actor = screening.requireScreener();
    RecordDeclaration record = record();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    try {
      if (bundle == null || bundle.isEmpty()) {
        throw new InvalidFieldException("bundle", "choose a FHIR R4 bundle (JSON) to start from");
      }
      MappedRecord mapped = fhir.map(new String(bundle.getBytes(), StandardCharsets.UTF_8),
          currentTrial.trial().protocol());
      form = ScreeningForm.fromJson(record, mapped.json());
      // the fields of the mapping that this trial's form holds, as the form holds them
      String asFilled = ScreeningForm.toJson(record, form);
      Map<String, FieldSource> held = fhir.heldBy(mapped.provenance(), asFilled);
      String token = UUID.randomUUID().toString();
      pending(session).put(token, new Pending(currentTrial.id(), actor.username(), asFilled, held));
      m.addAttribute("fhirUpload", token);
      marks(m, record, held);
      m.addAttribute("bundleName", bundle.getOriginalFilename());
      return screening.showForm(m, form, screening.check(form), null, null);
    } catch (InvalidFieldException e) {
      m.addAttribute("bundleError", e.getMessage());
      return screening.showForm(m, form, screening.check(form), null, null);
    }
  }

  /** Saves the form completed after an upload, with the provenance of the fields still as the bundle gave them. */
  @PostMapping("/screening/fhir/save")
  String save(@RequestParam MultiValueMap<String, String> form, Model m, HttpSession session) {
    var actor = screening.requireScreener();
    String token = form.getFirst("fhirUpload");
    Pending p = token == null ? null : pending(session).get(token);
    if (p == null || !p.trialId().equals(currentTrial.id()) || !p.user().equals(actor.username())) {
      return screening.save(form, m, (participants, a, site, number, json) ->
          participants.register(a, site, number, json));
    }
    // should the form come back (a field refused), it is still the bundle's form: the token and the marks stay
    m.addAttribute("fhirUpload", token);
    marks(m, record(), p.provenance());
    String view = screening.save(form, m, (participants, a, site, number, json) ->
        fhir.registerCompleted(participants, a, site, number, json, p.asFilled(), p.provenance()));
    if (view.startsWith("redirect:")) {
      pending(session).remove(token);
    }
    return view;
  }

  /**
   * The provenance of a participant's latest screening version, loaded into the participant page (htmx): where each
   * field came from when the screening was registered from a FHIR bundle; nothing for a typed screening.
   */
  @GetMapping("/participants/{id}/provenance")
  String provenance(@PathVariable String id, Model m) {
    var h = currentTrial.participants().history(access.actor(), id);
    int version = h.screenings().get(h.screenings().size() - 1).version();
    Map<String, String> rows = new LinkedHashMap<>();
    fhir.provenance(currentTrial.id(), id, version).forEach((f, s) -> rows.put(f, s.toString()));
    m.addAttribute("provenance", rows);
    m.addAttribute("version", version);
    return "screening/provenance :: provenance";
  }

  /** Each form input filled from the bundle with its source, for the marks beside the inputs. */
  private static void marks(Model m, RecordDeclaration record, Map<String, FieldSource> provenance) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (Map.Entry<String, FieldSource> e : provenance.entrySet()) {
      sources.putIfAbsent(ScreeningForm.fieldId(record, e.getKey()), e.getValue().toString());
    }
    m.addAttribute("fromBundle", sources);
  }

  /** The request's trial's declared record (the path's trial, else the default trial). */
  private RecordDeclaration record() {
    return currentTrial.trial().protocol().record();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Pending> pending(HttpSession session) {
    synchronized (session) {
      Object o = session.getAttribute(PENDING);
      if (o == null) {
        o = java.util.Collections.synchronizedMap(new LinkedHashMap<String, Pending>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > MAX_PENDING;
          }
        });
        session.setAttribute(PENDING, o);
      }
      return (Map<String, Pending>) o;
    }
  }
}
