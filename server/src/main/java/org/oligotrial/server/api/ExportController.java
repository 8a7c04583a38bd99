package org.oligotrial.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.oligotrial.server.api.ApiModels.ParticipantSummary;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exports for analysis (statisticians); each export is audited. */
@RestController
@Tag(name = "export")
public class ExportController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final CurrentActor actor;

  ExportController(org.oligotrial.server.scope.CurrentTrial currentTrial, CurrentActor actor) {
    this.currentTrial = currentTrial;
    this.actor = actor;
  }

  @GetMapping("/api/v1/export/participants")
  @Operation(summary = "Every participant of every site (statistician); audited as an export")
  public List<ParticipantSummary> exportParticipants() {
    return participants().export(actor.get()).stream().map(Views::summary).toList();
  }

  /** The participants service of the request's trial (its path's, else the default trial). */
  private ParticipantService participants() {
    return currentTrial.participants();
  }
}
