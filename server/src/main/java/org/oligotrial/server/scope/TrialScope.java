package org.oligotrial.server.scope;

import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.trial.Trial;

/**
 * One trial with its services, all limited to the trial's records: a participant, form, query, alert, endpoint or
 * randomization of another trial is not found by them. Made under the trial's protocol version current when the
 * scope was made ({@link Trial#current()}); {@link TrialScopes#of} makes a new scope once another version becomes
 * current.
 *
 * @param trial the trial, with its current protocol
 * @param participants its participant register (screening, consent, status)
 * @param randomization its randomization (own state row, sealed list, seed and records)
 * @param dataCapture its forms, queries, alerts, visits and endpoints
 */
public record TrialScope(Trial trial, ParticipantService participants, RandomizationService randomization,
    DataCapture dataCapture) {

  /** The trial's id. */
  public String id() {
    return trial.id();
  }
}
