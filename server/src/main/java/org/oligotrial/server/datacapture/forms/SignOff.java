package org.oligotrial.server.datacapture.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.datacapture.SiteGuard;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.datacapture.queries.QueryService;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Ids;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.user.ElectronicSignatures;
import org.oligotrial.server.user.Signature;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The investigator's signature (of one form, or of a participant's whole casebook at once) and the data manager's
 * lock and unlock, with what blocks them.
 *
 * <p>Blockers of a form: each open or answered query on it, and each required field without a value under the
 * protocol's current definition of the form (a {@code required} field, or a {@code requiredWhen} field whose
 * condition holds). A missing-data code ({@link MissingData}) is a value here. Forms saved under an older definition
 * can lack a field the current one requires; saving checks the rest. With blockers, signing and locking are refused
 * ({@link SignOffBlockedException}, 409, listing every blocker) unless the protocol's {@code signature: {blockers:
 * override}} allows going ahead with an explicit reason, which is audited on each form with the blockers it
 * overrode (field {@code signature.override} or {@code lock.override}). The blockers are checked before the password
 * (a refused act costs no password attempt) and again under the form's lock, inside the transaction that signs.
 *
 * <p>Casebook signature: the participant's forms that wait for a signature ({@code ENTERED}) are signed with one
 * password entry; one electronic signature on the casebook ({@code entity_type = casebook}) lists every form signed,
 * and each form gets its own signature row naming that casebook signature, its {@code SIGNED} status and its audit
 * row, all in one transaction (all or none). Thread-safe.
 */
public final class SignOff {
  /** Audit and signature entity type of a whole casebook signature (its id is the participant's). */
  public static final String CASEBOOK = "casebook";

  /**
   * One thing that blocks signing or locking.
   *
   * @param formId the form
   * @param formType its type
   * @param field the field, {@code values.<id>}
   * @param kind {@code QUERY} or {@code MISSING}; for the casebook lock also {@code UNSIGNED} ({@link CasebookLock})
   * @param detail in words: the query's status and text, or what is missing
   */
  public record Blocker(String formId, String formType, String field, String kind, String detail) {
    /** e.g. {@code adverse-event 5f1c... values.grade: OPEN query "source says 3?"}. */
    public String describe() {
      return formType + " " + formId + " " + field + ": " + detail;
    }
  }

  /**
   * A signed casebook.
   *
   * @param participantId the participant
   * @param signature the one signature, on the casebook, listing the forms
   * @param signed the forms signed, as now stored
   */
  public record CasebookSignature(String participantId, Signature signature, List<StoredForm> signed) {}

  private final FormRepository repo;
  private final TransactionTemplate tx;
  private final TrialAudit audit;
  private final SiteGuard guard;
  private final Protocol protocol;
  private final QueryService queries;
  private final ElectronicSignatures signatures;
  private final Clock clock;

  SignOff(FormRepository repo, TransactionTemplate tx, TrialAudit audit, SiteGuard guard, Protocol protocol,
      QueryService queries, ElectronicSignatures signatures, Clock clock) {
    this.repo = repo;
    this.tx = tx;
    this.audit = audit;
    this.guard = guard;
    this.protocol = protocol;
    this.queries = queries;
    this.signatures = signatures;
    this.clock = clock;
  }

  /** What blocks signing or locking the form now (empty when nothing does). */
  public List<Blocker> blockers(StoredForm f) {
    List<Blocker> out = new ArrayList<>();
    for (DataQuery q : queries.ofForm(f.id())) {
      if (q.pending()) {
        out.add(new Blocker(f.id(), f.formType(), q.field(), "QUERY", q.status() + " query \"" + q.text() + "\""));
      }
    }
    FormDefinition def = protocol.form(f.formType()).orElse(null);
    if (def != null) {
      JsonNode values = FormFacts.values(f);
      for (FormField field : def.fields()) {
        JsonNode v = values.get(field.id());
        if (v != null && !v.isNull()) {
          continue;
        }
        if (field.required()) {
          out.add(new Blocker(f.id(), f.formType(), "values." + field.id(), "MISSING", "required value missing"));
        } else if (field.requiredWhen() != null) {
          JsonNode other = values.get(field.requiredWhen().field());
          if (other != null && other.isString() && field.requiredWhen().values().contains(other.stringValue())) {
            out.add(new Blocker(f.id(), f.formType(), "values." + field.id(), "MISSING", "required when "
                + field.requiredWhen().field() + " is " + other.stringValue()));
          }
        }
      }
    }
    return out;
  }

  /** What blocks signing the participant's unsigned forms, form by form. */
  public List<Blocker> casebookBlockers(Actor actor, String participantId) {
    String site = guard.siteOf(participantId);
    guard.read(actor, site, "participant", participantId);
    return toSign(participantId).stream().flatMap(f -> blockers(f).stream()).toList();
  }

  /** The participant's forms that wait for the investigator's signature, by date. */
  public List<StoredForm> toSign(String participantId) {
    return repo.ofParticipant(participantId).stream().filter(f -> StoredForm.ENTERED.equals(f.status())).toList();
  }

  /**
   * The investigator of the form's site signs its current version, re-entering the password.
   *
   * @param override the reason to sign despite blockers, where the protocol allows it; null otherwise
   * @throws SignOffBlockedException (409) listing the blockers
   * @throws InvalidFieldException (422, field {@code password}) when the password does not match
   */
  StoredForm sign(Actor actor, String formId, String password, String override) {
    StoredForm f0 = get(actor, formId);
    guard.role(actor, Role.INVESTIGATOR, f0.siteCode(), FormService.ENTITY, formId, "sign forms");
    checkPasswordLength(password);
    String ov = admit(blockers(f0), override, "sign");
    Signature sig = signatures.verify(actor, password, FormService.SIGNATURE_MEANING,
        "case report form " + inWords(f0), FormService.ENTITY, formId, f0.siteCode());
    return tx.execute(s -> signLocked(actor, f0, sig, ov, "signed by the investigator (version " + f0.version()
        + ")"));
  }

  /**
   * The investigator of the participant's site signs every form of the casebook that waits for a signature, with one
   * password entry.
   *
   * @param override the reason to sign despite blockers, where the protocol allows it; null otherwise
   * @throws ConflictException (409, field {@code forms}) when no form waits for a signature, or one changed meanwhile
   * @throws SignOffBlockedException (409) listing the blockers of every form
   */
  public CasebookSignature signCasebook(Actor actor, String participantId, String password, String override) {
    String site = guard.siteOf(participantId);
    guard.role(actor, Role.INVESTIGATOR, site, "participant", participantId, "sign casebooks");
    checkPasswordLength(password);
    List<StoredForm> forms = toSign(participantId);
    if (forms.isEmpty()) {
      throw new ConflictException("forms", "no form of the participant waits for a signature (every form is signed"
          + " or locked)");
    }
    String ov = admit(forms.stream().flatMap(f -> blockers(f).stream()).toList(), override, "sign");
    String statement = "casebook of participant " + participantId + ", " + forms.size()
        + (forms.size() == 1 ? " form: " : " forms: ") + String.join("; ", forms.stream().map(this::inWords).toList());
    Signature sig = signatures.verify(actor, password, FormService.SIGNATURE_MEANING, statement, CASEBOOK,
        participantId, site);
    return tx.execute(s -> {
      List<StoredForm> signed = new ArrayList<>();
      for (StoredForm f0 : forms) {
        Signature own = new Signature(Ids.next(), sig.username(), sig.printedName(), sig.meaning(),
            "case report form " + inWords(f0) + " in casebook signature " + sig.id(), sig.signedAt());
        signed.add(signLocked(actor, f0, own, ov, "signed by the investigator with the casebook (version "
            + f0.version() + ", casebook signature " + sig.id() + ")"));
      }
      signatures.record(sig, CASEBOOK, participantId, site);
      return new CasebookSignature(participantId, sig, signed);
    });
  }

  /**
   * A form as a signature names it: the protocol's name for its type, its date and visit, then its identifier and
   * version for the record ({@code adverse event of 2026-05-01, visit 3 (form 0b5c..., version 2)}).
   */
  private String inWords(StoredForm f) {
    String name = protocol.form(f.formType()).map(FormDefinition::name).orElse(f.formType());
    return name + (f.formDate() == null ? "" : " of " + f.formDate())
        + (f.visitNumber() == null ? "" : ", visit " + f.visitNumber())
        + " (form " + f.id() + ", version " + f.version() + ")";
  }

  /** Signs one form inside the caller's transaction, checking again under the form's lock. */
  private StoredForm signLocked(Actor actor, StoredForm f0, Signature sig, String override, String why) {
    StoredForm cur = repo.lock(f0.id()).orElseThrow();
    if (cur.status().equals(StoredForm.LOCKED)) {
      throw new ConflictException("status", "the form " + cur.id() + " is locked");
    }
    if (cur.version() != f0.version()) {
      throw new ConflictException("version", "the form " + cur.id() + " changed while signing (now version "
          + cur.version() + "); review it and sign again");
    }
    List<Blocker> now = blockers(cur);
    String ov = admit(now, override, "sign");
    Instant at = sig.signedAt();
    StoredForm f = withStatus(cur, StoredForm.SIGNED, actor.username(), at, null, at, actor.username());
    repo.update(f);
    record(actor, f, "status", cur.status(), StoredForm.SIGNED, why);
    if (!now.isEmpty()) {
      record(actor, f, "signature.override", null, describe(now), "signed despite open items: " + ov);
    }
    signatures.record(sig, FormService.ENTITY, f.id(), f.siteCode());
    return f;
  }

  /**
   * The data manager of the form's site locks it; the reason is optional.
   *
   * @param override the reason to lock despite blockers, where the protocol allows it; null otherwise
   * @throws SignOffBlockedException (409) listing the blockers
   */
  StoredForm lock(Actor actor, String formId, String reason, String override) {
    StoredForm f0 = get(actor, formId);
    guard.role(actor, Role.DATA_MANAGER, f0.siteCode(), FormService.ENTITY, formId, "lock forms");
    String why = Checks.optional("reason", reason, Checks.MAX_TEXT);
    admit(blockers(f0), override, "lock");
    return tx.execute(s -> {
      StoredForm cur = repo.lock(formId).orElseThrow();
      if (cur.status().equals(StoredForm.LOCKED)) {
        throw new ConflictException("status", "the form is already locked");
      }
      List<Blocker> now = blockers(cur);
      String ov = admit(now, override, "lock");
      Instant at = now();
      StoredForm f = withStatus(cur, StoredForm.LOCKED, cur.signedBy(), cur.signedAt(), actor.username(), at,
          actor.username());
      repo.update(f);
      record(actor, f, "status", cur.status(), StoredForm.LOCKED, why);
      if (!now.isEmpty()) {
        record(actor, f, "lock.override", null, describe(now), "locked despite open items: " + ov);
      }
      return f;
    });
  }

  /** The data manager unlocks the form, with a reason; it returns to signed or entered. */
  StoredForm unlock(Actor actor, String formId, String reason) {
    StoredForm f0 = get(actor, formId);
    guard.role(actor, Role.DATA_MANAGER, f0.siteCode(), FormService.ENTITY, formId, "unlock forms");
    String why = Checks.reason(reason);
    return tx.execute(s -> {
      StoredForm cur = repo.lock(formId).orElseThrow();
      if (!cur.status().equals(StoredForm.LOCKED)) {
        throw new ConflictException("status", "the form is not locked");
      }
      String to = cur.signedBy() != null ? StoredForm.SIGNED : StoredForm.ENTERED;
      StoredForm f = withStatus(cur, to, cur.signedBy(), cur.signedAt(), null, now(), actor.username());
      repo.update(f);
      record(actor, f, "status", StoredForm.LOCKED, to, why);
      return f;
    });
  }

  /**
   * Lets the act go ahead: null when nothing blocks; the override reason when the protocol allows one and it is
   * given; otherwise throws, listing the blockers.
   */
  String admit(List<Blocker> blockers, String override, String act) {
    if (blockers.isEmpty()) {
      return null;
    }
    boolean allowed = protocol.signature().overrideWithReason();
    String ov = Checks.optional("override", override, Checks.MAX_TEXT);
    if (!allowed || ov == null || ov.isBlank()) {
      throw new SignOffBlockedException(act, blockers, allowed);
    }
    return ov;
  }

  static String describe(List<Blocker> blockers) {
    return String.join("; ", blockers.stream().map(Blocker::describe).toList());
  }

  private static void checkPasswordLength(String password) {
    if (password != null && password.length() > 1000) {
      throw new InvalidFieldException("password", "does not match; re-enter your password to sign");
    }
  }

  private StoredForm get(Actor actor, String formId) {
    StoredForm f = repo.find(formId).orElseThrow(() -> new RecordNotFoundException(FormService.ENTITY, formId));
    guard.read(actor, f.siteCode(), FormService.ENTITY, formId);
    return f;
  }

  static StoredForm withStatus(StoredForm c, String status, String signedBy, Instant signedAt,
      String lockedBy, Instant at, String by) {
    return new StoredForm(c.id(), c.participantId(), c.siteCode(), c.formType(), c.visitId(), c.visitNumber(),
        c.formDate(), c.valuesJson(), c.derivedJson(), c.version(), status, signedBy, signedAt, lockedBy, at, by);
  }

  void record(Actor actor, StoredForm f, String field, String old, String now, String why) {
    audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, FormService.ENTITY, f.id(), field, old, now, why,
        f.siteCode()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
