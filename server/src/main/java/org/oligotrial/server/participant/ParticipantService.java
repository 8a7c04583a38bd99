package org.oligotrial.server.participant;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.dates.ObservationDates;
import org.oligotrial.server.dates.DateSource;
import org.oligotrial.server.dates.ParticipantDatesReader;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.BadInputException;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Identifiers;
import org.oligotrial.server.kernel.Ids;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.kernel.TextRules;
import org.oligotrial.server.site.Site;
import org.oligotrial.server.site.SiteService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers participants and changes them, one transaction per call, every changed field audited in that
 * transaction with its old and new value. A reason for change is required whenever a saved value changes (a
 * re-screening, a status change, a correction of consent); registering and first recording of consent need none.
 * Access outside the actor's sites throws {@link SiteAccessDeniedException} and is itself audited. Thread-safe.
 */
public final class ParticipantService {
  /** Entity type of participants in the audit trail. */
  public static final String ENTITY = "participant";
  /** The actor of derived changes in the audit trail and the status history. */
  public static final String SYSTEM = "system";
  /** Largest screening record accepted, in characters of JSON. */
  public static final int MAX_RECORD = 1_000_000;

  private final ParticipantRepository repo;
  private final TransactionTemplate tx;
  private final TrialAudit audit;
  private final String trialId;
  private final AccessDenials denials;
  private final SiteService sites;
  private final java.util.function.Predicate<String> takesPart;
  private final ScreeningEvaluator evaluator;
  private final Clock clock;
  private final ObservationDates dates;
  private final ParticipantDatesReader dateFacts;
  private volatile ParticipantChanged afterChange = ParticipantChanged.NONE;
  private volatile DateSource datesElsewhere = DateSource.NONE;

  /**
   * The participants of one trial: every read and write is limited to the trial's participants (one of another
   * trial is not found), and every audit row names the trial.
   *
   * @param trialId the trial (its protocol's registry id; see {@code TrialScopes} for how pages take a trial)
   * @param evaluator evaluates screening records under the trial's current protocol version
   * @param takesPart whether a site (its code as stored) takes part in the trial
   */
  public ParticipantService(
      JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, SiteService sites, ScreeningEvaluator evaluator,
      Clock clock, String trialId, java.util.function.Predicate<String> takesPart) {
    this.takesPart = takesPart;
    this.repo = new ParticipantRepository(jdbc, trialId);
    this.trialId = trialId;
    this.tx = tx;
    this.audit = new TrialAudit(audit, trialId);
    this.denials = new AccessDenials(audit);
    this.sites = sites;
    this.evaluator = evaluator;
    this.clock = clock;
    this.dates = new ObservationDates(clock);
    JdbcParticipantReads own = new JdbcParticipantReads(jdbc, trialId);
    this.dateFacts = new ParticipantDatesReader(List.of((id, form) -> own.dates(id),
        (id, form) -> datesElsewhere.datesOf(id, form)));
  }

  /** The trial whose participants these are. */
  public String trialId() {
    return trialId;
  }

  /**
   * Sets what follows, inside its transaction, a change that the clinical derivations read: the withdrawal recorded
   * by {@link #changeStatus} (consent and screening are not read by them). One listener: a later call replaces the
   * earlier (data capture on this register sets it).
   */
  public void onChange(ParticipantChanged listener) {
    this.afterChange = listener == null ? ParticipantChanged.NONE : listener;
  }

  /**
   * Sets where the dates of a participant held by other features (randomization, forms; above all the date of death)
   * are read for the date rules of consent and withdrawal. One source: a later call replaces the earlier (data
   * capture on this register sets it, as it sets {@link #onChange}); until then only this feature's dates are known.
   */
  public void datesHeldElsewhere(DateSource source) {
    this.datesElsewhere = source == null ? DateSource.NONE : source;
  }

  /**
   * Registers a participant at screening: stores screening version 1 with its eligibility result and sets the status
   * from the verdict (eligible, screen-failed, or screening while data are missing).
   *
   * @param siteCode the site, compared as {@link SiteService#find} does
   * @param screeningNumber stored as {@link Identifiers#clean} gives it, unique by {@link Identifiers#key}
   * @throws InvalidFieldException on missing or too long fields or an unreadable record
   * @throws BadInputException when the screening number or site code holds an invisible or control character
   * @throws ConflictException when the screening number exists (as {@code DEMO1-001}, {@code demo1‐001}, ...)
   * @throws SiteAccessDeniedException when the actor may not write at the site
   */
  public ParticipantHistory register(Actor actor, String siteCode, String screeningNumber, String recordJson) {
    String site = Checks.required("siteCode", Identifiers.clean("siteCode", siteCode), 32);
    String number = Checks.required("screeningNumber", Identifiers.clean("screeningNumber", screeningNumber), 64);
    Checks.required("screeningRecord", recordJson, MAX_RECORD);
    Optional<Site> known = sites.find(site);
    String code = known.map(Site::code).orElse(site); // "a" registers at site "A"
    requireWrite(actor, code, "site", code);
    if (known.isEmpty()) {
      throw new InvalidFieldException("siteCode", "no site " + code);
    }
    if (!takesPart.test(code)) {
      throw new InvalidFieldException("siteCode", "site " + code + " does not take part in trial " + trialId);
    }
    ScreeningEvaluation ev = evaluator.evaluate(recordJson);
    String id = Ids.next();
    try {
      return insertRegistration(actor, id, code, number, recordJson, ev);
    } catch (DuplicateKeyException e) {
      // the unique screening number key (the id is new and unique): one statement fewer than asking first
      throw new ConflictException("screeningNumber", "screening number " + number + " exists (numbers are compared"
          + " ignoring case, width, spaces around and dash style)");
    }
  }

  /**
   * Registers a participant carried by an imported ODM file (docs/cdisc.md, "Import"): under the file's id, at its
   * site, with its screening record evaluated by the same engine as typed screening, then its consent. Nothing is
   * written when the site does not take part, the id or screening number exists, or the verdict found here differs
   * from the file's (the file's record would not give the participant it describes).
   *
   * @param expectedVerdict the verdict the file carries, or null when it carries none
   * @param consent the consent the file carries, or null
   * @param reason why (the file and its FileOID), on the consent's audit rows
   * @throws InvalidFieldException naming {@code siteCode} or {@code screeningRecord}
   * @throws ConflictException when the screening number exists
   */
  public ParticipantHistory registerImported(Actor actor, String id, String siteCode, String screeningNumber,
      String recordJson, String expectedVerdict, Consent consent, String reason) {
    String site = Checks.required("siteCode", Identifiers.clean("siteCode", siteCode), 32);
    String number = Checks.required("screeningNumber", Identifiers.clean("screeningNumber", screeningNumber), 64);
    Checks.required("id", id, 36);
    Checks.required("screeningRecord", recordJson, MAX_RECORD);
    Optional<Site> known = sites.find(site);
    String code = known.map(Site::code).orElse(site);
    requireWrite(actor, code, "site", code);
    if (known.isEmpty()) {
      throw new InvalidFieldException("siteCode", "no site " + code);
    }
    if (!takesPart.test(code)) {
      throw new InvalidFieldException("siteCode", "site " + code + " does not take part in trial " + trialId);
    }
    ScreeningEvaluation ev = evaluator.evaluate(recordJson);
    if (expectedVerdict != null && !expectedVerdict.equals(ev.verdict())) {
      throw new InvalidFieldException("screeningRecord", "the screening record is " + ev.verdict()
          + " by this server's eligibility engine, " + expectedVerdict + " in the file");
    }
    try {
      insertRegistration(actor, id, code, number, recordJson, ev);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("screeningNumber", "participant " + id + " or screening number " + number
          + " exists");
    }
    if (consent != null) {
      recordConsent(actor, id, consent, reason);
    }
    return history(actor, id);
  }

  private ParticipantHistory insertRegistration(Actor actor, String id, String siteCode, String screeningNumber,
      String recordJson, ScreeningEvaluation ev) {
    Instant now = now();
    Participant p = new Participant(id, siteCode, screeningNumber, ev.status(), 1, null, null, now,
        actor.username());
    ScreeningVersion v = new ScreeningVersion(1, recordJson, ev.verdict(), ev.resultJson(),
        ev.protocolVersion(), ev.screenFailureReasons(), now, actor.username(), null);
    StatusChange first = new StatusChange(1, null, ev.status(), now, actor.username(), null);
    List<AuditEntry> entries = new ArrayList<>(List.of(
        created(actor, p, "siteCode", siteCode),
        created(actor, p, "screeningNumber", screeningNumber),
        created(actor, p, "status", ev.status().name())));
    entries.addAll(screeningAudit(actor, p, v, null));
    // one transaction; on PostgreSQL one round trip with the audit rows, without BEGIN and COMMIT
    audit.writeAudited(repo.insertNew(p, v, first), entries);
    // exactly what was written: no need to read it back
    return new ParticipantHistory(p, List.of(v), List.of(first));
  }

  /**
   * Re-screens: a new screening version with a new eligibility result; earlier versions stay as they were.
   *
   * @throws InvalidFieldException when the reason is missing or the record unreadable
   * @throws ConflictException when the participant has consented or left screening
   */
  public ParticipantHistory rescreen(Actor actor, String id, String recordJson, String reason) {
    Checks.required("screeningRecord", recordJson, MAX_RECORD);
    String why = Checks.reason(reason);
    Participant before = readForWrite(actor, id);
    if (!StatusTransitions.canRescreen(before.status())) {
      throw new ConflictException("status", "a participant who is " + before.status() + " cannot be re-screened");
    }
    ScreeningEvaluation ev = evaluator.evaluate(recordJson);
    tx.executeWithoutResult(
        s -> {
          Participant p = locked(id);
          if (!StatusTransitions.canRescreen(p.status())) {
            throw new ConflictException("status", "a participant who is " + p.status() + " cannot be re-screened");
          }
          Instant now = now();
          ScreeningVersion v = new ScreeningVersion(p.screeningVersion() + 1, recordJson, ev.verdict(),
              ev.resultJson(), ev.protocolVersion(), ev.screenFailureReasons(), now, actor.username(), why);
          repo.insertScreening(id, v);
          Participant after = new Participant(p.id(), p.siteCode(), p.screeningNumber(), p.status(), v.version(),
              p.consent(), p.withdrawal(), p.createdAt(), p.createdBy());
          repo.update(after);
          changed(actor, p, "screeningVersion", Integer.toString(p.screeningVersion()),
              Integer.toString(v.version()), why);
          screeningAudit(actor, p, v, why).forEach(audit::record);
          moveStatus(actor, after, ev.status(), why, now);
        });
    return history(actor, id);
  }

  /**
   * Whether a screening record leaves the EGFR status unknown (absent, null or {@code unknown}), so that a consented
   * participant needs a {@linkplain #amendGeneResult gene-result amendment} before randomization. False for a record
   * that is not a JSON object.
   */
  public static boolean geneResultMissing(String recordJson) {
    try {
      var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(recordJson);
      return node.isObject() && GeneResultAmendment.unknown(node);
    } catch (tools.jackson.core.JacksonException e) {
      return false;
    }
  }

  /**
   * Records the EGFR result of a consented participant whose latest screening left it unknown, as a documented
   * screening amendment: a new screening version, the latest record with {@code egfr} set, evaluated again by the
   * eligibility engine and audited with the reason (fields {@code screeningVersion}, {@code
   * screening[n].record|verdict|protocolVersion}, and {@code screening[n].amendment}). The status stays CONSENTED;
   * randomization then reads the new version (and refuses it if the new verdict is not ELIGIBLE).
   *
   * @param egfr {@code mutant} or {@code wild-type}
   * @throws InvalidFieldException ({@code egfr} or {@code reason}) on a bad result or a missing reason
   * @throws ConflictException ({@code status}) unless the participant is CONSENTED, or ({@code egfr}) when the
   *     latest screening's EGFR status is known already
   * @throws SiteAccessDeniedException when the actor may not change participants of the site (audited)
   */
  public ParticipantHistory amendGeneResult(Actor actor, String id, String egfr, String reason) {
    String result = GeneResultAmendment.result(egfr);
    String why = Checks.reason(reason);
    Participant before = readForWrite(actor, id);
    if (before.status() != ParticipantStatus.CONSENTED) {
      throw new ConflictException("status", "a gene-result amendment is for a consented participant waiting for"
          + " randomization; this one is " + before.status() + (StatusTransitions.canRescreen(before.status())
              ? " (re-screen instead)" : ""));
    }
    ScreeningVersion latest = repo.screenings(id).stream().reduce((a, b) -> b).orElseThrow();
    String amended = GeneResultAmendment.amend(latest.recordJson(), result);
    ScreeningEvaluation ev = evaluator.evaluate(amended);
    tx.executeWithoutResult(
        s -> {
          Participant p = locked(id);
          if (p.status() != ParticipantStatus.CONSENTED) {
            throw new ConflictException("status", "the participant is now " + p.status());
          }
          if (p.screeningVersion() != latest.version()) {
            throw new ConflictException("screeningVersion", "the screening changed meanwhile; try again");
          }
          Instant now = now();
          String note = "gene-result amendment: EGFR " + result + " (was unknown); " + why;
          ScreeningVersion v = new ScreeningVersion(p.screeningVersion() + 1, amended, ev.verdict(),
              ev.resultJson(), ev.protocolVersion(), ev.screenFailureReasons(), now, actor.username(), note);
          repo.insertScreening(id, v);
          Participant after = new Participant(p.id(), p.siteCode(), p.screeningNumber(), p.status(), v.version(),
              p.consent(), p.withdrawal(), p.createdAt(), p.createdBy());
          repo.update(after);
          changed(actor, p, "screeningVersion", Integer.toString(p.screeningVersion()),
              Integer.toString(v.version()), note);
          screeningAudit(actor, p, v, note).forEach(audit::record);
          audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, ENTITY, p.id(),
              "screening[" + v.version() + "].amendment", "egfr=unknown", "egfr=" + result, why, p.siteCode()));
        });
    return history(actor, id);
  }

  /**
   * Records consent (moving an eligible participant to consented) or corrects recorded consent.
   *
   * @param reason required when consent was recorded before
   * @throws ConflictException when the participant is not eligible and has not consented before
   */
  public ParticipantHistory recordConsent(Actor actor, String id, Consent consent, String reason) {
    Checks.required("formVersion", consent.formVersion(), 64);
    Checks.required("obtainedBy", consent.obtainedBy(), 200);
    if (consent.date() == null) {
      throw new InvalidFieldException("date", "is required");
    }
    Checks.optional("reason", reason, Checks.MAX_TEXT);
    readForWrite(actor, id);
    tx.executeWithoutResult(
        s -> {
          Participant p = locked(id);
          dates.check("date", "consent date", consent.date(), ObservationDates.Kind.ANY_TIME,
              dateFacts.read(id, null));
          Consent old = p.consent();
          String why = old == null ? blankToNull(reason) : Checks.reason(reason);
          if (old == null && p.status() != ParticipantStatus.ELIGIBLE) {
            throw new ConflictException("status", "consent is recorded for an eligible participant; this one is "
                + p.status());
          }
          ParticipantStatus status = old == null ? ParticipantStatus.CONSENTED : p.status();
          Participant after = new Participant(p.id(), p.siteCode(), p.screeningNumber(), p.status(),
              p.screeningVersion(), consent, p.withdrawal(), p.createdAt(), p.createdBy());
          repo.update(after);
          String f = old == null ? null : old.formVersion();
          String d = old == null ? null : old.date().toString();
          String b = old == null ? null : old.obtainedBy();
          changedIf(actor, p, "consent.formVersion", f, consent.formVersion(), why);
          changedIf(actor, p, "consent.date", d, consent.date().toString(), why);
          changedIf(actor, p, "consent.obtainedBy", b, consent.obtainedBy(), why);
          if (status != p.status()) {
            moveStatus(actor, after, status, why == null ? "consent recorded" : why, now());
          }
        });
    return history(actor, id);
  }

  /**
   * Changes the status along {@link StatusTransitions}. Withdrawal needs {@code withdrawal}; the statuses set by
   * screening, consent and randomization are not set here. A withdrawal is followed, in the same transaction, by the
   * listener set with {@link #onChange} (data capture derives the endpoints again, censored at the withdrawal).
   *
   * @throws InvalidFieldException when the reason or withdrawal details are missing
   * @throws ConflictException when the transition is not allowed
   */
  public ParticipantHistory changeStatus(
      Actor actor, String id, ParticipantStatus to, String reason, Withdrawal withdrawal) {
    if (to == null) {
      throw new InvalidFieldException("status", "is required");
    }
    if (StatusTransitions.SET_BY_SCREENING.contains(to) || to == ParticipantStatus.CONSENTED) {
      throw new InvalidFieldException("status", to + " is set by screening or consent, not directly");
    }
    if (to == ParticipantStatus.RANDOMIZED) {
      throw new InvalidFieldException("status", "RANDOMIZED is set by randomizing the participant"
          + " (POST /api/v1/participants/{id}/randomization), not directly");
    }
    if (StatusTransitions.SET_BY_DERIVATION.contains(to)) {
      throw new InvalidFieldException("status", to + " follows the clinical data (systemic-therapy and radiotherapy"
          + " forms, tumour assessments, progression and follow-up forms), not a status change");
    }
    String why = Checks.reason(reason);
    if (to == ParticipantStatus.WITHDRAWN) {
      if (withdrawal == null || withdrawal.date() == null) {
        throw new InvalidFieldException("withdrawal.date", "is required when withdrawing");
      }
      Checks.required("withdrawal.reason", withdrawal.reason(), Checks.MAX_TEXT);
    } else if (withdrawal != null) {
      throw new InvalidFieldException("withdrawal", "is given only when the status is WITHDRAWN");
    }
    readForWrite(actor, id);
    tx.executeWithoutResult(
        s -> {
          Participant p = locked(id);
          if (!StatusTransitions.allowed(p.status(), to)) {
            throw new ConflictException("status", "cannot change from " + p.status() + " to " + to);
          }
          if (to == ParticipantStatus.DIED && StatusTransitions.RANDOMIZED_OR_LATER.contains(p.status())) {
            throw new InvalidFieldException("status", "the death of a randomized participant is recorded on the"
                + " death form (its date and cause), which sets the status");
          }
          if (withdrawal != null) {
            dates.check("withdrawal.date", "withdrawal date", withdrawal.date(), ObservationDates.Kind.ANY_TIME,
                dateFacts.read(id, null));
          }
          Participant after = new Participant(p.id(), p.siteCode(), p.screeningNumber(), p.status(),
              p.screeningVersion(), p.consent(), to == ParticipantStatus.WITHDRAWN ? withdrawal : p.withdrawal(),
              p.createdAt(), p.createdBy());
          repo.update(after);
          if (to == ParticipantStatus.WITHDRAWN) {
            changedIf(actor, p, "withdrawal.date", null, withdrawal.date().toString(), why);
            changedIf(actor, p, "withdrawal.reason", null, withdrawal.reason(), why);
            changedIf(actor, p, "withdrawal.followUpAllowed", null, Boolean.toString(withdrawal.followUpAllowed()),
                why);
          }
          moveStatus(actor, after, to, why, now());
          if (to == ParticipantStatus.WITHDRAWN) {
            afterChange.changed(id, p.siteCode(), "withdrawal on " + withdrawal.date() + " recorded as a status"
                + " change by " + actor.username() + ": " + why);
          }
        });
    return history(actor, id);
  }

  /**
   * Moves a consented participant to RANDOMIZED, recording and auditing the status change, inside the caller's
   * transaction: only the randomization service calls it, in the transaction that writes the randomization record.
   *
   * @throws IllegalStateException when no transaction is active
   * @throws ConflictException when the participant is not consented
   */
  public void markRandomized(Actor actor, String id, String reason) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a randomization is recorded inside the randomization transaction");
    }
    Participant p = locked(id);
    if (p.status() != ParticipantStatus.CONSENTED) {
      throw new ConflictException("status", "only a consented participant can be randomized; this one is "
          + p.status());
    }
    moveStatus(actor, p, ParticipantStatus.RANDOMIZED, reason, now());
  }

  /**
   * Brings a randomized participant's status in line with the clinical data, inside the caller's transaction (data
   * capture calls it in the transaction that saves a form): the moves of
   * {@link StatusTransitions#movesFrom(ParticipantStatus, List)} along
   * {@link StatusTransitions#derivedPath(ClinicalCourse)}, each recorded as a status change by {@value #SYSTEM} and
   * audited as a {@link AuditAction#DERIVE derivation} whose reason names the data and the triggering change. Does
   * nothing before randomization or in a final status.
   *
   * @param trigger the change that triggered it, e.g. {@code form 0191... (systemic-therapy) version 1 saved by
   *     coord.a}
   * @return the moves made, empty when the status already follows the data
   * @throws IllegalStateException when no transaction is active
   */
  public List<StatusTransitions.Step> followData(String id, ClinicalCourse course, String trigger) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a derived status is recorded inside the transaction that changed the data");
    }
    Participant p = locked(id);
    List<StatusTransitions.Step> moves =
        StatusTransitions.movesFrom(p.status(), StatusTransitions.derivedPath(course));
    Instant now = now();
    Participant cur = p;
    for (StatusTransitions.Step m : moves) {
      String why = m.reason() + " [derived after " + trigger + "]";
      ParticipantStatus from = cur.status();
      cur = new Participant(cur.id(), cur.siteCode(), cur.screeningNumber(), m.status(), cur.screeningVersion(),
          cur.consent(), cur.withdrawal(), cur.createdAt(), cur.createdBy());
      repo.update(cur);
      repo.insertStatusChange(id, new StatusChange(0, from, m.status(), now, SYSTEM, why));
      audit.record(new AuditEntry(SYSTEM, AuditAction.DERIVE, ENTITY, id, "status", from.name(), m.status().name(),
          why, p.siteCode()));
    }
    return moves;
  }

  /** The participant with its history. */
  public ParticipantHistory history(Actor actor, String id) {
    Participant p = readable(actor, id);
    return new ParticipantHistory(p, repo.screenings(id), repo.statusChanges(id));
  }

  /**
   * A page of participants the actor may read, optionally of one site and one status.
   *
   * @throws SiteAccessDeniedException when {@code siteCode} is outside the actor's sites
   */
  public ParticipantPage list(Actor actor, String siteCode, ParticipantStatus status, int page, int size) {
    return search(actor, siteCode, status, null, page, size);
  }

  /**
   * A page of participants the actor may read, optionally of one site and one status, and whose screening number
   * contains {@code text} ignoring case (compared by {@link Identifiers#key}, as screening numbers are kept unique).
   * Screening numbers are the only identifying text the register keeps: no protocol here records initials or names.
   * One statement whatever the number of participants (two for a page past the last).
   *
   * @param text part of a screening number, or null for any
   * @throws InvalidFieldException (400) for a page below 0, a size outside 1-500, or text that is not a clean
   *     identifier (invisible or control characters) or is longer than 64 characters
   * @throws SiteAccessDeniedException when {@code siteCode} is outside the actor's sites (audited)
   */
  public ParticipantPage search(Actor actor, String siteCode, ParticipantStatus status, String text, int page,
      int size) {
    String key = null;
    if (text != null && !text.isBlank()) {
      String cleaned = Identifiers.clean("q", text);
      if (cleaned.length() > 64) {
        throw new BadInputException("q", "is longer than a screening number (64 characters)");
      }
      key = Identifiers.key(cleaned);
    }
    if (page < 0) {
      throw new BadInputException("page", "must be 0 or more");
    }
    if (size < 1 || size > 500) {
      throw new BadInputException("size", "must be 1 to 500");
    }
    if (siteCode != null && !AccessPolicy.canRead(actor, siteCode)) {
      deny(actor, "site", siteCode, siteCode, "list participants");
    }
    if (!AccessPolicy.readsAllSites(actor) && actor.sites().isEmpty()) {
      return new ParticipantPage(List.of(), page, size, 0);
    }
    return repo.page(AccessPolicy.readableSites(actor), siteCode, status, key, page, size);
  }

  /**
   * The work lists of participants waiting for a step: for each status, the first {@code limit} participants the
   * actor may read by screening number, and how many there are. One statement.
   *
   * @throws InvalidFieldException (400) for a limit outside 1-500
   */
  public Map<ParticipantStatus, ParticipantPage> firstByStatus(Actor actor, Collection<ParticipantStatus> statuses,
      int limit) {
    if (limit < 1 || limit > 500) {
      throw new BadInputException("size", "must be 1 to 500");
    }
    if (statuses.isEmpty() || (!AccessPolicy.readsAllSites(actor) && actor.sites().isEmpty())) {
      Map<ParticipantStatus, ParticipantPage> none = new java.util.EnumMap<>(ParticipantStatus.class);
      statuses.forEach(st -> none.put(st, new ParticipantPage(List.of(), 0, limit, 0)));
      return none;
    }
    return repo.firstByStatus(AccessPolicy.readableSites(actor), statuses, limit);
  }

  /**
   * The screening numbers of those of the given participants the actor may read, by id (the others are left out):
   * for work lists that name participants by number. One statement per thousand ids.
   */
  public Map<String, String> screeningNumbers(Actor actor, Collection<String> ids) {
    if (ids.isEmpty() || (!AccessPolicy.readsAllSites(actor) && actor.sites().isEmpty())) {
      return Map.of();
    }
    return repo.screeningNumbers(AccessPolicy.readableSites(actor), ids);
  }

  /**
   * Every participant the actor may read (all sites for the roles that read every site), optionally at one site, with
   * its latest screening version's verdict, by screening number: one statement whatever the number of participants,
   * without the screening records and results (for lists of every participant: the screening log, the work lists).
   *
   * @throws SiteAccessDeniedException when the actor may not read {@code siteCode} (audited)
   */
  public List<LatestScreening> latestScreenings(Actor actor, String siteCode) {
    if (siteCode != null && !AccessPolicy.canRead(actor, siteCode)) {
      deny(actor, "site", siteCode, siteCode, "list participants");
    }
    if (!AccessPolicy.readsAllSites(actor) && actor.sites().isEmpty()) {
      return List.of();
    }
    return repo.latestScreenings(AccessPolicy.readableSites(actor), siteCode);
  }

  /**
   * Every participant the actor may read (all sites for the roles that read every site), optionally at one site, with
   * its history, by screening number: no page limit, for the screening log, the data-management lists and the
   * reports. Three statements whatever the number of participants.
   *
   * @throws SiteAccessDeniedException when the actor may not read {@code siteCode} (audited)
   */
  public List<ParticipantHistory> histories(Actor actor, String siteCode) {
    if (siteCode != null && !AccessPolicy.canRead(actor, siteCode)) {
      deny(actor, "site", siteCode, siteCode, "list participants");
    }
    if (!AccessPolicy.readsAllSites(actor) && actor.sites().isEmpty()) {
      return List.of();
    }
    return repo.histories(AccessPolicy.readableSites(actor), siteCode);
  }

  /**
   * The dashboard's counts over every participant the actor may read (all sites for the roles that read every site),
   * with no page limit, in three statements.
   */
  public RegisterOverview overview(Actor actor) {
    if (!AccessPolicy.readsAllSites(actor) && actor.sites().isEmpty()) {
      return new RegisterOverview(List.of(), List.of(), List.of());
    }
    return repo.overview(AccessPolicy.readableSites(actor));
  }

  /**
   * Every participant of every site, for analysis; audited as an export.
   *
   * @throws SiteAccessDeniedException unless the actor may export (statisticians)
   */
  public List<Participant> export(Actor actor) {
    if (!AccessPolicy.canExport(actor)) {
      throw denials.refuse(actor, "export", "participants", null, actor.role() + " may not export",
          "a " + actor.role().name().toLowerCase() + " may not export participants");
    }
    List<Participant> all = repo.page(null, null, null, null, 0, Integer.MAX_VALUE).items();
    audit.recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, "export", "participants", null, null,
        all.size() + " participants", null, null));
    return all;
  }

  /**
   * The protocol versions stored with the trial's screening results (each {@code <trial id> sha256:<16 hex>}, see
   * {@code ProtocolVersion#screeningTag}), sorted: which versions the screenings of a report or export span.
   */
  public List<String> screeningProtocolVersions() {
    return repo.screeningProtocolVersions();
  }

  /** The participant's audit trail, oldest first. */
  public List<AuditEvent> auditTrail(Actor actor, String id) {
    readable(actor, id);
    return audit.forRecord(ENTITY, id);
  }

  /**
   * Every committed audit entry about the participant, for the participant's page: {@link
   * org.oligotrial.server.audit.AuditTrail#forRecordAsCommitted}, the entries not yet chained included (sequence
   * number 0), without waiting for the chain. {@link #auditTrail} gives chained events only, with their hashes.
   */
  public List<AuditEvent> auditEntries(Actor actor, String id) {
    readable(actor, id);
    return audit.forRecordAsCommitted(ENTITY, id);
  }

  private Participant readable(Actor actor, String id) {
    Participant p = repo.find(id).orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
    if (!AccessPolicy.canRead(actor, p.siteCode())) {
      deny(actor, ENTITY, id, p.siteCode(), "read");
    }
    return p;
  }

  private Participant readForWrite(Actor actor, String id) {
    Participant p = repo.find(id).orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
    requireWrite(actor, p.siteCode(), ENTITY, id);
    return p;
  }

  private void requireWrite(Actor actor, String siteCode, String type, String id) {
    if (!AccessPolicy.canWrite(actor, siteCode)) {
      deny(actor, type, id, siteCode, "change");
    }
  }

  private void deny(Actor actor, String type, String id, String siteCode, String what) {
    // the site code may be anything the caller typed: the reason and the message show at most 32 characters of it
    String shown = siteCode.length() <= 32 ? siteCode : siteCode.substring(0, 32) + "...";
    throw denials.refuse(actor, type, id, siteCode, actor.role() + " may not " + what + " at site " + shown,
        "a " + actor.role().name().toLowerCase() + " may not " + what + " participants of site " + shown);
  }

  private Participant locked(String id) {
    return repo.lock(id).orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
  }

  /** Moves {@code p} (the stored state, status not yet changed) to {@code to}, recording and auditing it. */
  private void moveStatus(Actor actor, Participant p, ParticipantStatus to, String why, Instant now) {
    ParticipantStatus from = p.status();
    if (from == to) {
      return;
    }
    if (!StatusTransitions.allowed(from, to)) {
      throw new ConflictException("status", "cannot change from " + from + " to " + to);
    }
    Participant after = new Participant(p.id(), p.siteCode(), p.screeningNumber(), to, p.screeningVersion(),
        p.consent(), p.withdrawal(), p.createdAt(), p.createdBy());
    repo.update(after);
    repo.insertStatusChange(p.id(), new StatusChange(0, from, to, now, actor.username(), why));
    changed(actor, p, "status", from.name(), to.name(), why);
  }

  private static List<AuditEntry> screeningAudit(Actor actor, Participant p, ScreeningVersion v, String why) {
    String prefix = "screening[" + v.version() + "].";
    AuditAction a = AuditAction.CREATE;
    return List.of(
        new AuditEntry(actor.username(), a, ENTITY, p.id(), prefix + "record", null, v.recordJson(), why,
            p.siteCode()),
        new AuditEntry(actor.username(), a, ENTITY, p.id(), prefix + "verdict", null, v.verdict(), why,
            p.siteCode()),
        new AuditEntry(actor.username(), a, ENTITY, p.id(), prefix + "protocolVersion", null, v.protocolVersion(),
            why, p.siteCode()));
  }

  private static AuditEntry created(Actor actor, Participant p, String field, String value) {
    return new AuditEntry(actor.username(), AuditAction.CREATE, ENTITY, p.id(), field, null, value, null,
        p.siteCode());
  }

  private void changed(Actor actor, Participant p, String field, String old, String value, String why) {
    audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, ENTITY, p.id(), field, old, value, why,
        p.siteCode()));
  }

  private void changedIf(Actor actor, Participant p, String field, String old, String value, String why) {
    if (!Objects.equals(old, value)) {
      changed(actor, p, field, old, value, why);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String blankToNull(String s) {
    return TextRules.hasVisible(s) ? s : null;
  }
}
