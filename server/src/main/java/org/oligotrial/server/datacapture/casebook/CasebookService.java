package org.oligotrial.server.datacapture.casebook;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.datacapture.forms.SourceVerification;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.datacapture.visits.VisitService;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a participant's {@link Casebook} with three statements whatever the number of visits and forms: every form
 * of the participant (through {@link VisitService#schedule}, which also gives the expected visits), the ids of the
 * participant's forms with a query not closed, and the source-verification marks of the participant's forms
 * ({@link SourceVerification#wholeFormsVerified}). Access is the visit service's (read access to the participant's site,
 * refusals audited). Thread-safe.
 */
public final class CasebookService {
  private final JdbcClient jdbc;
  private final String trialId;
  private final Protocol protocol;
  private final VisitService visits;
  private final SourceVerification verification;

  public CasebookService(JdbcClient jdbc, String trialId, Protocol protocol, VisitService visits,
      SourceVerification verification) {
    this.verification = verification;
    this.jdbc = jdbc;
    this.trialId = trialId;
    this.protocol = protocol;
    this.visits = visits;
  }

  /**
   * The participant's casebook.
   *
   * @throws ConflictException (409) when the participant is not randomized: the schedule counts from randomization
   */
  public Casebook of(Actor actor, String participantId) {
    return read(actor, participantId).casebook();
  }

  /**
   * A casebook with the forms it was drawn from, for a page that also counts them (forms to sign): one read of the
   * forms serves both.
   *
   * @param casebook the casebook
   * @param forms every form of the participant, by date then creation
   */
  public record Read(Casebook casebook, List<StoredForm> forms) {}

  /**
   * The participant's casebook and forms, as {@link #of}.
   *
   * @throws ConflictException (409) when the participant is not randomized: the schedule counts from randomization
   */
  public Read read(Actor actor, String participantId) {
    VisitService.Schedule s = visits.schedule(actor, participantId);
    Set<String> queried = new HashSet<>(jdbc.sql("SELECT DISTINCT form_id FROM crf_query WHERE participant_id = :p"
            + " AND trial_id = :t AND status <> :closed")
        .param("p", participantId).param("t", trialId).param("closed", DataQuery.CLOSED)
        .query(String.class).list());
    Set<String> verified = verification.wholeFormsVerified(participantId, s.forms());
    return new Read(Casebook.of(protocol, s.visits(), s.forms(), queried, verified), s.forms());
  }
}
