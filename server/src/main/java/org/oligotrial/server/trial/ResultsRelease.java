package org.oligotrial.server.trial;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.kernel.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The release of each trial's comparative (by-arm) efficacy and safety results, the one owner of the
 * {@code results_release} table (migrations V88, V89).
 *
 * <p>The rule it serves ({@link AccessPolicy#seesByArm}): until a trial's results are released, the data monitoring
 * committee alone sees them by arm; the statistician's reports, downloads and analysis dataset are pooled. A release
 * is one row per trial, written once by an administrator or the operator ({@code oligotrial trials release-results})
 * with a reason, audited ({@code entity_type = trial}, field {@code results-release}) in the same transaction, and
 * irreversible: a second release is refused, and the database refuses any UPDATE or DELETE of the row (triggers of
 * V89). Thread-safe.
 */
public final class ResultsRelease {
  /**
   * A trial's release.
   *
   * @param trialId the trial
   * @param releasedAt when
   * @param releasedBy who (the operator is {@code cli:<os user>})
   * @param reason why, as given
   */
  public record Released(String trialId, Instant releasedAt, String releasedBy, String reason) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final TrialRegistry trials;
  private final Clock clock;

  public ResultsRelease(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, TrialRegistry trials,
      Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.trials = trials;
    this.clock = clock;
  }

  /** The trial's release, or empty while its comparative results are not released. */
  public Optional<Released> of(String trialId) {
    return jdbc.sql("SELECT trial_id, released_at, released_by, reason FROM results_release WHERE trial_id = :t")
        .param("t", trialId)
        .query((rs, n) -> new Released(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
            rs.getString(3), rs.getString(4)))
        .optional();
  }

  /** Whether the trial's comparative results are released. */
  public boolean released(String trialId) {
    return of(trialId).isPresent();
  }

  /**
   * Releases the trial's comparative results, once and for ever.
   *
   * @throws org.oligotrial.server.kernel.InvalidFieldException ({@code reason}) when the reason is blank or too long
   * @throws ConflictException ({@code trial}) when the trial's results are released already (the message says when
   *     and by whom)
   * @throws org.oligotrial.server.kernel.RecordNotFoundException when the server holds no such trial
   * @throws SiteAccessDeniedException when the actor is not an administrator (the operator is one)
   */
  public Released release(Actor actor, String trialId, String reason) {
    if (!AccessPolicy.canManage(actor)) {
      throw new SiteAccessDeniedException("only an administrator releases a trial's results");
    }
    String why = Checks.required("reason", reason, Checks.MAX_TEXT);
    trials.get(trialId);
    Instant now = clock.instant();
    return tx.execute(s -> {
      // the trial's row serializes two releases of the same trial; the second finds the first's row
      jdbc.sql("SELECT id FROM trial WHERE id = :id FOR UPDATE").param("id", trialId).query(String.class).single();
      Optional<Released> earlier = of(trialId);
      if (earlier.isPresent()) {
        Released r = earlier.get();
        throw new ConflictException("trial", "the comparative results of " + trialId + " were released already on "
            + r.releasedAt() + " by " + r.releasedBy() + "; a release is irreversible and is not repeated");
      }
      jdbc.sql("INSERT INTO results_release (trial_id, released_at, released_by, reason)"
              + " VALUES (:t, :at, :by, :why)")
          .param("t", trialId).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
          .param("by", actor.username()).param("why", why).update();
      audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, TrialRegistry.ENTITY, trialId,
          "results-release", "blinded", "released by arm", why, null, trialId));
      return new Released(trialId, now, actor.username(), why);
    });
  }
}
