package org.oligotrial.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.oligotrial.server.api.ApiModels.AuditEventView;
import org.oligotrial.server.api.ApiModels.ConsentBody;
import org.oligotrial.server.api.ApiModels.GeneResult;
import org.oligotrial.server.api.ApiModels.NewParticipant;
import org.oligotrial.server.api.ApiModels.NewScreening;
import org.oligotrial.server.api.ApiModels.ParticipantList;
import org.oligotrial.server.api.ApiModels.ParticipantView;
import org.oligotrial.server.api.ApiModels.StatusBody;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.Withdrawal;
import org.oligotrial.server.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Participants: registration with screening, re-screening, consent, status, history, lists and audit trail. */
@RestController
@RequestMapping("/api/v1/participants")
@Tag(name = "participants")
public class ParticipantController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final CurrentActor actor;
  private final Views views;

  ParticipantController(org.oligotrial.server.scope.CurrentTrial currentTrial, CurrentActor actor, Views views) {
    this.currentTrial = currentTrial;
    this.actor = actor;
    this.views = views;
  }

  @PostMapping
  @Operation(summary = "Register a participant with a screening record; returns the eligibility result")
  public ResponseEntity<ParticipantView> register(@Valid @RequestBody NewParticipant body) {
    ParticipantHistory h = participants().register(actor.get(), body.siteCode(), body.screeningNumber(),
        views.json(body.screeningRecord()));
    return ResponseEntity.created(URI.create("/api/v1/participants/" + h.participant().id())).body(views.of(h));
  }

  @GetMapping
  @Operation(summary = "List participants the caller may see, by screening number; filter by site and status")
  public ParticipantList list(
      @RequestParam(required = false) String site,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    ParticipantStatus st = null;
    if (status != null) {
      st = ParticipantStatus.parse(status);
      if (st == null) {
        throw new InvalidFieldException("status", "unknown status " + status);
      }
    }
    return views.of(participants().list(actor.get(), site, st, page, size));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A participant with every screening version and status change")
  public ParticipantView get(@PathVariable String id) {
    return views.of(participants().history(actor.get(), id));
  }

  @PostMapping("/{id}/screenings")
  @Operation(summary = "Re-screen: add a screening version (the old ones stay); reason required")
  public ResponseEntity<ParticipantView> rescreen(@PathVariable String id, @Valid @RequestBody NewScreening body) {
    ParticipantHistory h = participants().rescreen(actor.get(), id, views.json(body.screeningRecord()), body.reason());
    return ResponseEntity.created(URI.create("/api/v1/participants/" + id)).body(views.of(h));
  }

  @PostMapping("/{id}/screenings/gene-result")
  @Operation(summary = "Record the EGFR result of a consented participant whose screening left it unknown: a new"
      + " screening version (the latest with egfr set), evaluated again and audited; reason required; 409 unless"
      + " consented with EGFR unknown")
  public ResponseEntity<ParticipantView> geneResult(@PathVariable String id, @Valid @RequestBody GeneResult body) {
    ParticipantHistory h = participants().amendGeneResult(actor.get(), id, body.egfr(), body.reason());
    return ResponseEntity.created(URI.create("/api/v1/participants/" + id)).body(views.of(h));
  }

  @PutMapping("/{id}/consent")
  @Operation(summary = "Record consent (eligible -> consented) or correct it (reason required)")
  public ParticipantView consent(@PathVariable String id, @Valid @RequestBody ConsentBody body) {
    Consent c = new Consent(body.formVersion(), body.date(), body.obtainedBy());
    return views.of(participants().recordConsent(actor.get(), id, c, body.reason()));
  }

  @PostMapping("/{id}/status")
  @Operation(summary = "Change status along the state machine; reason required; withdrawal details for WITHDRAWN")
  public ParticipantView status(@PathVariable String id, @Valid @RequestBody StatusBody body) {
    ParticipantStatus to = ParticipantStatus.parse(body.status());
    if (to == null) {
      throw new InvalidFieldException("status", "unknown status " + body.status());
    }
    Withdrawal w = body.withdrawal() == null ? null
        : new Withdrawal(body.withdrawal().date(), body.withdrawal().reason(), body.withdrawal().followUpAllowed());
    return views.of(participants().changeStatus(actor.get(), id, to, body.reason(), w));
  }

  @GetMapping("/{id}/audit")
  @Operation(summary = "The participant's audit trail, oldest first")
  public List<AuditEventView> audit(@PathVariable String id) {
    return participants().auditTrail(actor.get(), id).stream().map(Views::of).toList();
  }

  /** The participants service of the request's trial (its path's, else the default trial). */
  private ParticipantService participants() {
    return currentTrial.participants();
  }
}
