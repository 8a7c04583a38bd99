package org.oligotrial.server.scope;

import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.trial.PerRequest;
import org.oligotrial.server.trial.RequestedTrial;
import org.oligotrial.server.trial.Trial;
import org.springframework.stereotype.Component;

/**
 * The trial of the current request and its services: the trial its path names ({@code /trials/{id}/...},
 * {@code /api/v1/trials/{id}/...}), else the default trial (the single-trial paths, its aliases). The web pages and
 * the API take their services here rather than as the default trial's beans, so one handler serves every trial.
 */
@Component
public class CurrentTrial {
  private static final String ID = CurrentTrial.class.getName() + ".id";
  private static final String SCOPE = CurrentTrial.class.getName() + ".scope";
  private final TrialScopes scopes;

  CurrentTrial(TrialScopes scopes) {
    this.scopes = scopes;
  }

  /** The id of the request's trial. */
  public String id() {
    return PerRequest.get(ID, () -> RequestedTrial.id().orElseGet(() -> scopes.trials().defaultId()));
  }

  /**
   * The request's trial's services under its current protocol version, read once per request ({@link PerRequest}:
   * three statements each time before, and a page asks many times).
   */
  public TrialScope scope() {
    return PerRequest.get(SCOPE, () -> scopes.of(id()));
  }

  public Trial trial() {
    return scope().trial();
  }

  public ParticipantService participants() {
    return scope().participants();
  }

  public RandomizationService randomization() {
    return scope().randomization();
  }

  public DataCapture dataCapture() {
    return scope().dataCapture();
  }

  /** The versions the request's trial's data span ({@link TrialScopes#versionsSpanned}). */
  public VersionsSpanned versionsSpanned() {
    return scopes.versionsSpanned(id());
  }

  public TrialScopes scopes() {
    return scopes;
  }
}
