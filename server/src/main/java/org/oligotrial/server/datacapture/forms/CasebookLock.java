package org.oligotrial.server.datacapture.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.datacapture.SiteGuard;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Role;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data manager's lock of a participant's whole casebook in one act.
 *
 * <p>What is locked: every form of the participant that is not locked yet. What blocks: for each of those forms, what
 * blocks its own lock ({@link SignOff#blockers}: open or answered queries, required values missing) and, when the
 * investigator has not signed it, the missing signature (kind {@link #UNSIGNED}, field {@code status}). A casebook is
 * locked after sign-off, as in a mature EDC; the lock of one form, which predates this, does not ask for the
 * signature. With blockers the act is refused ({@link SignOffBlockedException}, 409, listing every blocker of every
 * form) unless the protocol allows an override ({@code signature: {blockers: override}}) and a reason is given: then,
 * exactly as for the form lock, each form locked despite blockers gets a {@code lock.override} audit row with the
 * blockers it overrode.
 *
 * <p>Audit: each form's lock as the form lock audits it ({@code status}, old status to {@code LOCKED}, the reason
 * "locked with the casebook" and the optional reason given), and the act once on the casebook (entity {@link
 * SignOff#CASEBOOK}, id the participant's, field {@code lock}, the forms locked as the new value). One transaction:
 * every form is locked or none; a form changed (a new version) or locked since the blockers were read is a 409 and
 * nothing is locked. The blockers are read again under each form's lock. Who: the data manager of the participant's
 * site only, as for the form lock (an administrator may not; a refusal is audited, 403); an unknown participant is
 * a 404; a reason or override longer than {@link Checks#MAX_TEXT} is a 422 naming it. Thread-safe.
 */
public final class CasebookLock {
  /** Kind of the blocker of a form not yet signed by the investigator. */
  public static final String UNSIGNED = "UNSIGNED";

  /**
   * A locked casebook.
   *
   * @param participantId the participant
   * @param locked the forms locked by the act, as now stored, by date
   */
  public record Locked(String participantId, List<StoredForm> locked) {}

  private final FormRepository repo;
  private final TransactionTemplate tx;
  private final TrialAudit audit;
  private final SiteGuard guard;
  private final SignOff signOff;
  private final Clock clock;

  CasebookLock(FormRepository repo, TransactionTemplate tx, TrialAudit audit, SiteGuard guard, SignOff signOff,
      Clock clock) {
    this.repo = repo;
    this.tx = tx;
    this.audit = audit;
    this.guard = guard;
    this.signOff = signOff;
    this.clock = clock;
  }

  /** What blocks locking the participant's casebook now, form by form (empty when nothing does). */
  public List<SignOff.Blocker> blockers(Actor actor, String participantId) {
    String site = guard.siteOf(participantId);
    guard.read(actor, site, "participant", participantId);
    return blockersOf(toLock(participantId));
  }

  /** The participant's forms not locked yet, by date. */
  public List<StoredForm> toLock(String participantId) {
    return repo.ofParticipant(participantId).stream().filter(f -> !StoredForm.LOCKED.equals(f.status())).toList();
  }

  private List<SignOff.Blocker> blockersOf(List<StoredForm> forms) {
    List<SignOff.Blocker> out = new ArrayList<>();
    for (StoredForm f : forms) {
      if (StoredForm.ENTERED.equals(f.status())) {
        out.add(new SignOff.Blocker(f.id(), f.formType(), "status", UNSIGNED, "not signed by the investigator"));
      }
      out.addAll(signOff.blockers(f));
    }
    return out;
  }

  /**
   * The data manager of the participant's site locks every form of the casebook not locked yet.
   *
   * @param reason optional, recorded with each form's lock and the casebook's
   * @param override the reason to lock despite blockers, where the protocol allows it; null otherwise
   * @throws org.oligotrial.server.kernel.RecordNotFoundException (404) for an unknown participant
   * @throws org.oligotrial.server.kernel.SiteAccessDeniedException (403) unless a data manager of the site
   * @throws ConflictException (409, field {@code forms}) when no form waits for the lock; ({@code status} or
   *     {@code version}) when a form was locked or changed meanwhile
   * @throws SignOffBlockedException (409) listing the blockers of every form
   */
  public Locked lock(Actor actor, String participantId, String reason, String override) {
    String site = guard.siteOf(participantId);
    guard.role(actor, Role.DATA_MANAGER, site, "participant", participantId, "lock casebooks");
    String why = Checks.optional("reason", reason, Checks.MAX_TEXT);
    List<StoredForm> forms = toLock(participantId);
    if (forms.isEmpty()) {
      throw new ConflictException("forms", "no form of the participant waits for the lock (no form entered, or"
          + " every form is locked)");
    }
    signOff.admit(blockersOf(forms), override, "lock");
    String formReason = "locked with the casebook" + (why == null || why.isBlank() ? "" : ": " + why);
    return tx.execute(s -> {
      Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
      List<StoredForm> locked = new ArrayList<>();
      for (StoredForm f0 : forms) {
        StoredForm cur = repo.lock(f0.id()).orElseThrow();
        if (StoredForm.LOCKED.equals(cur.status())) {
          throw new ConflictException("status", "the form " + cur.id() + " was locked meanwhile; review the"
              + " casebook and lock again");
        }
        if (cur.version() != f0.version()) {
          throw new ConflictException("version", "the form " + cur.id() + " changed while locking (now version "
              + cur.version() + "); review it and lock again");
        }
        List<SignOff.Blocker> now = blockersOf(List.of(cur));
        String ov = signOff.admit(now, override, "lock");
        StoredForm f = SignOff.withStatus(cur, StoredForm.LOCKED, cur.signedBy(), cur.signedAt(), actor.username(),
            at, actor.username());
        repo.update(f);
        signOff.record(actor, f, "status", cur.status(), StoredForm.LOCKED, formReason);
        if (!now.isEmpty()) {
          signOff.record(actor, f, "lock.override", null, SignOff.describe(now), "locked despite open items: " + ov);
        }
        locked.add(f);
      }
      String what = locked.size() + (locked.size() == 1 ? " form locked: " : " forms locked: ") + String.join(", ",
          locked.stream().map(f -> f.formType() + " " + f.id() + " (version " + f.version() + ")").toList());
      audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, SignOff.CASEBOOK, participantId, "lock", null,
          what, why, site));
      return new Locked(participantId, locked);
    });
  }
}
