package org.oligotrial.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oligotrial.randomization.AllocationListExport;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.randomization.Deviation;
import org.oligotrial.server.randomization.PlanView;
import org.oligotrial.server.randomization.RandomizationPreview;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.security.CurrentActor;
import org.oligotrial.server.user.Signature;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Randomization: preview for confirmation, the irreversible allocation, the record, deviation notes, and the
 * statistician's allocation log and sealed list (CSV or JSON).
 */
@RestController
@Validated
@Tag(name = "randomization")
public class RandomizationController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final CurrentActor actor;
  private final JsonMapper json;

  RandomizationController(org.oligotrial.server.scope.CurrentTrial currentTrial, CurrentActor actor,
      JsonMapper json) {
    this.currentTrial = currentTrial;
    this.actor = actor;
    this.json = json;
  }

  /**
   * Body of the randomization request: the investigator's electronic signature and, optionally, the factor levels
   * the user confirmed.
   */
  public record RandomizeBody(
      @Size(max = 20) Map<String, @Size(max = 64) String> confirmFactors,
      @jakarta.validation.Valid SignatureBody signature) {}

  /**
   * The investigator's electronic signature (21 CFR 11.50, 11.200): the password re-entered and the meaning stated,
   * which for a randomization is {@code approval}.
   */
  public record SignatureBody(@Size(max = 1000) String password, @Size(max = 40) String meaning) {}

  /** An electronic signature as shown with the signed record. */
  public record SignatureView(String signedBy, String printedName, String meaning, Instant signedAt, String statement,
      String manifestation) {
    static SignatureView of(Signature s) {
      return new SignatureView(s.username(), s.printedName(), s.meaning().label(), s.signedAt(), s.statement(),
          s.manifestation());
    }
  }

  /** A deviation note. */
  public record DeviationBody(@NotBlank @Size(max = 4000) String note) {}

  /** A deviation note as the API shows it. */
  public record DeviationView(int seq, String note, Instant recordedAt, String recordedBy) {
    static DeviationView of(Deviation d) {
      return new DeviationView(d.seq(), d.note(), d.recordedAt(), d.recordedBy());
    }
  }

  /** A randomization as site users see it: arm, plan, factors, no draw or list position. */
  public record RandomizationView(
      String participantId, int sequence, String siteCode, String arm, PlanView treatmentPlan,
      Map<String, String> factors, String stratum, String method, int screeningVersion, Instant randomizedAt,
      String randomizedBy, List<DeviationView> deviations, List<SignatureView> signatures) {}

  /** One line of the statistician's allocation log. */
  public record AllocationView(
      int sequence, String participantId, String siteCode, Instant randomizedAt, String randomizedBy,
      Map<String, String> factors, String stratum, String method, int armIndex, String arm, JsonNode basis,
      String explanation) {}

  @GetMapping("/api/v1/participants/{id}/randomization/preview")
  @Operation(summary = "Derived factor levels, stratum and the plan on each arm; whether randomization is possible")
  public RandomizationPreview preview(@PathVariable String id) {
    return service().preview(actor.get(), id);
  }

  @PostMapping("/api/v1/participants/{id}/randomization")
  @Operation(summary = "Randomize: an investigator of the site signs electronically (signature.password re-entered,"
      + " signature.meaning \"approval\"), as on the web; irreversible; 422 naming signature.password when the"
      + " password is missing or wrong (audited, counted toward the sign-in back-off); 409 when done before")
  public ResponseEntity<RandomizationView> randomize(@PathVariable String id,
      @RequestBody(required = false) @jakarta.validation.Valid RandomizeBody body) {
    SignatureBody sig = body == null ? null : body.signature();
    String expected = RandomizationService.SIGNATURE_MEANING.label();
    if (sig == null || sig.meaning() == null || !sig.meaning().strip().equalsIgnoreCase(expected)) {
      throw new InvalidFieldException("signature.meaning", "state the meaning of the signature: \"" + expected
          + "\" (the investigator approves this randomization)");
    }
    RandomizationRecord r;
    try {
      r = service().randomizeSigned(actor.get(), id, body.confirmFactors(), sig.password());
    } catch (InvalidFieldException e) {
      throw e.field().equals("password") ? new InvalidFieldException("signature.password", e.detail()) : e;
    }
    return ResponseEntity.created(URI.create("/api/v1/participants/" + id + "/randomization"))
        .body(view(r, List.of(), service().signatures(id)));
  }

  @GetMapping("/api/v1/participants/{id}/randomization")
  @Operation(summary = "The participant's randomization: arm, treatment plan, factors and deviation notes")
  public RandomizationView get(@PathVariable String id) {
    RandomizationService.Randomized r = service().find(actor.get(), id);
    return view(r.record(), r.deviations(), service().signatures(id));
  }

  @PostMapping("/api/v1/participants/{id}/randomization/deviations")
  @Operation(summary = "Document a deviation (for example a wrong stratum); the record itself never changes")
  public ResponseEntity<DeviationView> deviation(@PathVariable String id,
      @RequestBody @jakarta.validation.Valid DeviationBody body) {
    Deviation d = service().noteDeviation(actor.get(), id, body.note());
    return ResponseEntity.created(URI.create("/api/v1/participants/" + id + "/randomization"))
        .body(DeviationView.of(d));
  }

  @GetMapping("/api/v1/randomization/allocations")
  @Operation(summary = "The full allocation log (statistician); JSON, or CSV with format=csv or Accept: text/csv")
  public ResponseEntity<?> allocations(@RequestParam(required = false) String format,
      @RequestHeader(value = "Accept", required = false) String accept) {
    boolean csv = wantsCsv(format, accept);
    List<RandomizationRecord> log = exports().allocationLog(actor.get());
    if (csv) {
      StringBuilder sb = new StringBuilder(
          "sequence,participant_id,site,randomized_at,randomized_by,stratum,method,arm,draw,basis\n");
      for (RandomizationRecord r : log) {
        Double draw = drawOf(r);
        sb.append(r.sequence()).append(',').append(r.participantId()).append(',').append(quote(r.siteCode()))
            .append(',').append(r.randomizedAt()).append(',').append(quote(r.randomizedBy())).append(',')
            .append(quote(r.stratum())).append(',').append(r.method()).append(',').append(r.arm()).append(',')
            .append(draw == null ? "" : draw.toString()).append(',').append(quote(r.basis().explain()))
            .append('\n');
      }
      return ResponseEntity.ok().contentType(CSV).body(sb.toString());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(log.stream().map(r ->
        new AllocationView(r.sequence(), r.participantId(), r.siteCode(), r.randomizedAt(), r.randomizedBy(),
            r.factors().levels(), r.stratum(), r.method(), r.armIndex(), r.arm(), json.valueToTree(r.basis()),
            r.allocation().explain())).toList());
  }

  @GetMapping("/api/v1/randomization/list")
  @Operation(summary = "The sealed block list regenerated from the seed (statistician; permuted blocks only); CSV or"
      + " JSON with format=json")
  public ResponseEntity<?> list(@RequestParam(defaultValue = "20") int blocksPerStratum,
      @RequestParam(required = false) String format) {
    List<AllocationListExport.Entry> entries = exports().sealedList(actor.get(), blocksPerStratum);
    if (format != null && format.equalsIgnoreCase("json")) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
    }
    return ResponseEntity.ok().contentType(CSV).body(AllocationListExport.toCsv(entries));
  }

  private static boolean wantsCsv(String format, String accept) {
    if (format != null) {
      String f = format.toLowerCase(Locale.ROOT);
      if (!f.equals("csv") && !f.equals("json")) {
        throw new org.oligotrial.server.kernel.InvalidFieldException("format", "must be csv or json");
      }
      return f.equals("csv");
    }
    return accept != null && accept.contains("text/csv");
  }

  private static Double drawOf(RandomizationRecord r) {
    if (r.basis() instanceof org.oligotrial.randomization.AllocationBasis.MinimizationScores m) {
      return m.draw();
    }
    if (r.basis() instanceof org.oligotrial.randomization.AllocationBasis.SimpleDraw d) {
      return d.draw();
    }
    return null;
  }

  private static String quote(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static RandomizationView view(RandomizationRecord r, List<Deviation> deviations,
      List<Signature> signatures) {
    return new RandomizationView(r.participantId(), r.sequence(), r.siteCode(), r.arm(), r.plan(),
        r.factors().levels(), r.stratum(), r.method(), r.screeningVersion(), r.randomizedAt(), r.randomizedBy(),
        deviations.stream().map(DeviationView::of).toList(), signatures.stream().map(SignatureView::of).toList());
  }

  /** The randomization service of the request's trial (its path's, else the default trial). */
  private RandomizationService service() {
    return currentTrial.randomization();
  }

  /** The allocation exports of the request's trial. */
  private AllocationExports exports() {
    return new AllocationExports(currentTrial.randomization());
  }
}
