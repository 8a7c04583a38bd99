package org.oligotrial.server.datacapture.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.ParticipantEndpoints;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.server.datacapture.DataCapture;
import java.util.Map;
import java.util.stream.Collectors;
import org.oligotrial.server.datacapture.api.DataCaptureModels.Answer;
import org.oligotrial.server.datacapture.api.DataCaptureModels.BlockerView;
import org.oligotrial.server.datacapture.api.DataCaptureModels.CasebookForm;
import org.oligotrial.server.datacapture.api.DataCaptureModels.CasebookLocked;
import org.oligotrial.server.datacapture.api.DataCaptureModels.CasebookSigned;
import org.oligotrial.server.datacapture.api.DataCaptureModels.CasebookView;
import org.oligotrial.server.datacapture.api.DataCaptureModels.QueryView;
import org.oligotrial.server.datacapture.api.DataCaptureModels.VerifiedView;
import org.oligotrial.server.datacapture.api.DataCaptureModels.Verify;
import org.oligotrial.server.datacapture.forms.SignOff;
import org.oligotrial.server.datacapture.forms.SignOffBlockedException;
import org.oligotrial.server.datacapture.forms.SourceVerification;
import org.oligotrial.server.datacapture.queries.QueryService;
import org.oligotrial.server.kernel.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.oligotrial.server.datacapture.api.DataCaptureModels.AuditView;
import org.oligotrial.server.datacapture.api.DataCaptureModels.Close;
import org.oligotrial.server.datacapture.api.DataCaptureModels.EndpointsView;
import org.oligotrial.server.datacapture.api.DataCaptureModels.FormChange;
import org.oligotrial.server.datacapture.api.DataCaptureModels.FormView;
import org.oligotrial.server.datacapture.api.DataCaptureModels.NewForm;
import org.oligotrial.server.datacapture.api.DataCaptureModels.NewQuery;
import org.oligotrial.server.datacapture.api.DataCaptureModels.Reason;
import org.oligotrial.server.datacapture.api.DataCaptureModels.Signature;
import org.oligotrial.server.datacapture.api.DataCaptureModels.TimeView;
import org.oligotrial.server.datacapture.endpoints.EndpointService;
import org.oligotrial.server.datacapture.forms.FormFacts;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.Alert;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.datacapture.visits.ExpectedVisit;
import org.oligotrial.server.datacapture.visits.VisitService.OverdueVisit;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Clinical data capture: visits, forms, queries, alerts, derived endpoints and the analysis dataset. */
@RestController
@Tag(name = "data capture")
public class DataCaptureController {
  private final org.oligotrial.server.datacapture.DataCaptureOfTrial dataCaptureOfTrial;
  private final CurrentActor actor;

  DataCaptureController(org.oligotrial.server.datacapture.DataCaptureOfTrial dataCaptureOfTrial, CurrentActor actor) {
    this.dataCaptureOfTrial = dataCaptureOfTrial;
    this.actor = actor;
  }

  @GetMapping("/api/v1/forms/definitions")
  @Operation(summary = "The protocol's form definitions: fields, types, ranges, allowed values, required flags")
  public List<FormDefinition> definitions() {
    actor.get();
    return dc().protocol().forms();
  }

  @GetMapping("/api/v1/participants/{id}/visits")
  @Operation(summary = "Expected visits with windows and status (DONE, DONE_OUT_OF_WINDOW, OVERDUE, DUE, UPCOMING)")
  public List<ExpectedVisit> visits(@PathVariable String id) {
    return dc().visits().forParticipant(actor.get(), id);
  }

  @GetMapping("/api/v1/visits/overdue")
  @Operation(summary = "Overdue visits of every randomized participant at the caller's sites")
  public List<OverdueVisit> overdue(@RequestParam(required = false) String site) {
    return dc().visits().overdue(actor.get(), site);
  }

  @GetMapping("/api/v1/participants/{id}/forms")
  @Operation(summary = "The participant's forms, by date")
  public List<FormView> forms(@PathVariable String id) {
    return dc().forms().list(actor.get(), id).stream().map(this::view).toList();
  }

  @PostMapping("/api/v1/participants/{id}/forms")
  @Operation(summary = "Enter a form; values checked against the protocol file, edit checks run (422 or a query)")
  public ResponseEntity<FormView> create(@PathVariable String id, @RequestBody NewForm body) {
    if (body == null) {
      throw new InvalidFieldException("formType", "is required");
    }
    StoredForm f = dc().forms().create(actor.get(), id, body.formType(), body.visit(), body.occurrence(),
        body.values());
    return ResponseEntity.created(URI.create("/api/v1/forms/" + f.id())).body(view(f));
  }

  @GetMapping("/api/v1/forms/{formId}")
  @Operation(summary = "One form with derived values and queries")
  public FormView form(@PathVariable String formId) {
    return view(dc().forms().get(actor.get(), formId));
  }

  @PutMapping("/api/v1/forms/{formId}")
  @Operation(summary = "Change a form's values; reason for change required; 409 when locked or changed meanwhile")
  public FormView change(@PathVariable String formId, @RequestBody FormChange body) {
    if (body == null) {
      throw new InvalidFieldException("values", "is required");
    }
    return view(dc().forms().update(actor.get(), formId, body.values(), body.reason(), body.version()));
  }

  @GetMapping("/api/v1/forms/{formId}/audit")
  @Operation(summary = "The form's audit trail, oldest first")
  public List<AuditView> audit(@PathVariable String formId) {
    return dc().forms().auditTrail(actor.get(), formId).stream()
        .map(e -> new AuditView(e.seq(), e.occurredAt(), e.entry().actor(), e.entry().action().name(),
            e.entry().field(), e.entry().oldValue(), e.entry().newValue(), e.entry().reason()))
        .toList();
  }

  @PostMapping("/api/v1/forms/{formId}/signature")
  @Operation(summary = "Sign the form (investigator of the site, re-entering the password); the signature means"
      + " review and approval of the form's data and is returned with printed name and time; a wrong password is"
      + " 422 naming password, audited and counted toward the sign-in back-off")
  public FormView sign(@PathVariable String formId, @RequestBody(required = false) Signature body) {
    return view(dc().forms().sign(actor.get(), formId, body == null ? null : body.password(),
        body == null ? null : body.override()));
  }

  @PostMapping("/api/v1/forms/{formId}/lock")
  @Operation(summary = "Lock the form (data manager of the site); 409 listing the blockers while queries are open or"
      + " required data missing (an override reason where the protocol allows it)")
  public FormView lock(@PathVariable String formId, @RequestBody(required = false) Reason body) {
    return view(dc().forms().lock(actor.get(), formId, body == null ? null : body.reason(),
        body == null ? null : body.override()));
  }

  @GetMapping("/api/v1/forms/{formId}/blockers")
  @Operation(summary = "What blocks signing or locking the form: open or answered queries, missing required values")
  public List<BlockerView> blockers(@PathVariable String formId) {
    return dc().forms().blockers(actor.get(), formId).stream().map(DataCaptureController::blocker).toList();
  }

  @GetMapping("/api/v1/forms/{formId}/verification")
  @Operation(summary = "The form's source-verified fields")
  public Map<String, VerifiedView> verification(@PathVariable String formId) {
    dc().forms().get(actor.get(), formId);
    return verified(dc().forms().verification().of(formId));
  }

  @PostMapping("/api/v1/forms/{formId}/verification")
  @Operation(summary = "Mark fields (or, without fields, the whole form) as verified against the source documents"
      + " (monitor of the site); a later change of a field clears its mark")
  public Map<String, VerifiedView> verify(@PathVariable String formId,
      @RequestBody(required = false) Verify body) {
    return verified(dc().forms().verification().verify(actor.get(), formId, body == null ? null : body.fields()));
  }

  private static Map<String, VerifiedView> verified(Map<String, SourceVerification.Verified> marks) {
    Map<String, VerifiedView> out = new java.util.LinkedHashMap<>();
    marks.forEach((k, v) -> out.put(k, new VerifiedView(v.field(), v.version(), v.verifiedBy(), v.verifiedAt())));
    return out;
  }

  @GetMapping("/api/v1/participants/{id}/casebook")
  @Operation(summary = "The participant's casebook: each form's status, open or answered queries and blockers")
  public CasebookView casebook(@PathVariable String id) {
    Actor a = actor.get();
    List<StoredForm> forms = dc().forms().list(a, id);
    Map<String, Long> pending = dc().queries().pendingOfParticipant(id).stream()
        .collect(Collectors.groupingBy(DataQuery::formId, Collectors.counting()));
    List<CasebookForm> out = forms.stream().map(f -> new CasebookForm(f.id(), f.formType(), f.formDate(),
        f.version(), f.status(), pending.getOrDefault(f.id(), 0L).intValue(),
        StoredForm.ENTERED.equals(f.status()) ? dc().forms().blockers(a, f.id()).stream()
            .map(DataCaptureController::blocker).toList() : List.of())).toList();
    return new CasebookView(id, pending.values().stream().mapToInt(Long::intValue).sum(), out,
        dc().forms().casebookSignatures(a, id).stream().map(DataCaptureController::signatureView).toList());
  }

  @PostMapping("/api/v1/participants/{id}/casebook/signature")
  @Operation(summary = "Sign every unsigned form of the participant's casebook with one signature (investigator of the"
      + " site, re-entering the password); 409 listing the blockers of every form while any remains")
  public CasebookSigned signCasebook(@PathVariable String id, @RequestBody(required = false) Signature body) {
    SignOff.CasebookSignature s = dc().forms().signCasebook(actor.get(), id, body == null ? null : body.password(),
        body == null ? null : body.override());
    return new CasebookSigned(id, signatureView(s.signature()), s.signed().stream().map(this::view).toList());
  }

  @PostMapping("/api/v1/participants/{id}/casebook/lock")
  @Operation(summary = "Lock every form of the participant's casebook not locked yet, in one act (data manager of the"
      + " site; reason optional); 409 listing the blockers of every form (open or answered queries, required data"
      + " missing, forms not signed) unless the protocol allows an override reason")
  public CasebookLocked lockCasebook(@PathVariable String id, @RequestBody(required = false) Reason body) {
    var l = dc().forms().lockCasebook(actor.get(), id, body == null ? null : body.reason(),
        body == null ? null : body.override());
    return new CasebookLocked(id, l.locked().stream().map(this::view).toList());
  }

  /** Signing or locking refused: 409 with the blockers listed in the problem document. */
  @ExceptionHandler(SignOffBlockedException.class)
  ProblemDetail blocked(SignOffBlockedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    p.setType(URI.create("about:blank"));
    p.setProperty("field", e.field());
    p.setProperty("overridable", e.overridable());
    p.setProperty("blockers", e.blockers().stream().map(DataCaptureController::blocker).toList());
    return p;
  }

  @PostMapping("/api/v1/forms/{formId}/unlock")
  @Operation(summary = "Unlock the form (data manager of the site); reason required")
  public FormView unlock(@PathVariable String formId, @RequestBody(required = false) Reason body) {
    return view(dc().forms().unlock(actor.get(), formId, body == null ? null : body.reason()));
  }

  @PostMapping("/api/v1/forms/{formId}/queries")
  @Operation(summary = "Raise a query on a field (data manager or monitor of the site)")
  public ResponseEntity<DataQuery> raise(@PathVariable String formId, @RequestBody(required = false) NewQuery body) {
    DataQuery q = dc().queries().raise(actor.get(), formId, body == null ? null : body.field(),
        body == null ? null : body.text());
    return ResponseEntity.created(URI.create("/api/v1/queries/" + q.id())).body(q);
  }

  @GetMapping("/api/v1/queries")
  @Operation(summary = "Queries at the caller's sites; filter by site, form type, status (OPEN, ANSWERED, CLOSED, or"
      + " PENDING for open or answered) and minimum age in days")
  public List<DataQuery> queries(@RequestParam(required = false) String site,
      @RequestParam(required = false) String form, @RequestParam(required = false) String status,
      @RequestParam(required = false) String age) {
    return dc().queries().list(actor.get(), new QueryService.Filter(blank(site), blank(form), blank(status),
        days(age)));
  }

  @PostMapping("/api/v1/queries/{queryId}/reopen")
  @Operation(summary = "Re-open a closed query with a reason (data manager or monitor of the site)")
  public QueryView reopen(@PathVariable String queryId, @RequestBody(required = false) Reason body) {
    DataQuery q = dc().queries().reopen(actor.get(), queryId, body == null ? null : body.reason());
    return new QueryView(q.id(), q.formId(), q.participantId(), q.siteCode(), q.field(), q.text(), q.origin(),
        q.status(), q.raisedBy(), q.raisedAt(), q.answer(), q.answeredBy(), q.closedBy(), q.closeNote(), q.closedAt(),
        q.reopenedBy(), q.reopenReason());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The {@code age} filter: whole days, or 422 naming {@code age}. */
  static Integer days(String age) {
    if (age == null || age.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(age.strip());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("age", "must be a whole number of days");
    }
  }

  @GetMapping("/api/v1/queries/{queryId}")
  @Operation(summary = "One query")
  public DataQuery query(@PathVariable String queryId) {
    return dc().queries().get(actor.get(), queryId);
  }

  @PostMapping("/api/v1/queries/{queryId}/answer")
  @Operation(summary = "Answer a query (investigator or coordinator of the site)")
  public DataQuery answer(@PathVariable String queryId, @RequestBody(required = false) Answer body) {
    return dc().queries().answer(actor.get(), queryId, body == null ? null : body.answer());
  }

  @PostMapping("/api/v1/queries/{queryId}/close")
  @Operation(summary = "Close a query (whoever raised it; edit-check and reconciliation queries: a data manager or"
      + " monitor of the site)")
  public DataQuery close(@PathVariable String queryId, @RequestBody(required = false) Close body) {
    return dc().queries().close(actor.get(), queryId, body == null ? null : body.note());
  }

  @GetMapping("/api/v1/alerts")
  @Operation(summary = "The caller's alerts (serious adverse events), newest first")
  public List<Alert> alerts() {
    return dc().alerts().forUser(actor.get());
  }

  @GetMapping("/api/v1/participants/{id}/endpoints")
  @Operation(summary = "Endpoints derived from the stored forms: every time-to-event endpoint of the trial's protocol"
      + " by endpoint id (with its source; null when not derived), the primary progression endpoint's id, toxicity,"
      + " compliance, and the reconciliation findings")
  public EndpointsView endpoints(@PathVariable String id) {
    ParticipantEndpoints e = dc().endpoints().forParticipant(actor.get(), id);
    var d = e.compliance().delivery();
    return new EndpointsView(e.history().participantId(), e.history().arm(), e.history().randomizationDate(),
        timesById(e), e.primaryProgressionId(), e.worstGrades(), d.plannedCycles(), d.deliveredCycles(), e.compliance().cycleProportion(),
        d.plannedFractions(), d.deliveredFractions(), e.compliance().fractionProportion(),
        e.reconciliation().stream().map(f -> new DataCaptureModels.ReconciliationView(f.kind().name(),
            f.recistDate(), f.formDate(), f.message())).toList());
  }

  @GetMapping(value = "/api/v1/analysis-dataset", produces = "text/csv")
  @Operation(summary = "The analysis dataset as CSV, one row per randomized participant, the trial's protocol's"
      + " endpoints (statistician; audited); without the arm and compliance columns until the trial's comparative"
      + " results are released")
  public ResponseEntity<String> dataset() {
    EndpointService.Dataset d = dc().endpoints().export(actor.get());
    ResponseEntity.BodyBuilder b = ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"analysis-dataset.csv\"");
    if (!d.excluded().isEmpty()) {
      b.header("X-Excluded-Participants", Integer.toString(d.excluded().size()));
    }
    return b.body(d.toCsv());
  }

  @GetMapping("/api/v1/analysis/safety")
  @Operation(summary = "Toxicity (participants by worst CTCAE grade per term) and compliance by arm (statistician;"
      + " audited); one group 'all' until the trial's comparative results are released")
  public EndpointService.Safety safety() {
    return dc().endpoints().safety(actor.get());
  }

  /** Every time-to-event endpoint of the protocol by id, in protocol order (null when not derived). */
  private static Map<String, TimeView> timesById(ParticipantEndpoints e) {
    Map<String, TimeView> out = new java.util.LinkedHashMap<>();
    e.timeToEvent().forEach((id, t) -> out.put(id, time(t)));
    return out;
  }

  private static TimeView time(TimeToEvent t) {
    return t == null ? null : new TimeView(t.days(), t.eventFlag(), t.months(), t.date(), t.reason(),
        t.source().name());
  }

  private FormView view(StoredForm f) {
    List<DataQuery> queries = dc().queries().ofForm(f.id());
    return new FormView(f.id(), f.participantId(), f.siteCode(), f.formType(), f.visitId(), f.visitNumber(),
        f.formDate(), FormFacts.values(f), f.derivedJson() == null ? null : FormFacts.derived(f), f.version(),
        f.status(), f.signedBy(), f.signedAt(), f.lockedBy(), f.updatedAt(), f.updatedBy(),
        queries, signature(f), (int) queries.stream().filter(DataQuery::pending).count(),
        verified(dc().forms().verification().of(f.id())));
  }

  private static BlockerView blocker(SignOff.Blocker b) {
    return new BlockerView(b.formId(), b.formType(), b.field(), b.kind(), b.detail());
  }

  private static DataCaptureModels.SignatureView signatureView(org.oligotrial.server.user.Signature s) {
    return new DataCaptureModels.SignatureView(s.username(), s.printedName(), s.meaning().label(), s.signedAt(),
        s.manifestation());
  }

  /** The signature in force: the latest one, when the form is signed (or locked after signing). */
  private DataCaptureModels.SignatureView signature(StoredForm f) {
    if (f.signedBy() == null) {
      return null;
    }
    var all = dc().forms().signatures(actor.get(), f.id());
    if (all.isEmpty()) {
      return null;
    }
    return signatureView(all.get(all.size() - 1));
  }

  /** The dataCapture service of the request's trial (its path's, else the default trial). */
  private DataCapture dc() {
    return dataCaptureOfTrial.current();
  }
}
