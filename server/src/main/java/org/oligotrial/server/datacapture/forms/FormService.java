package org.oligotrial.server.datacapture.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.oligotrial.ctcae.CodedTerms;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.recist.TumourEvaluation;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.datacapture.SiteGuard;
import org.oligotrial.server.datacapture.queries.AlertService;
import org.oligotrial.server.datacapture.queries.QueryService;
import org.oligotrial.server.datacapture.visits.VisitSchedule;
import org.oligotrial.server.dates.ObservationDates;
import org.oligotrial.server.dates.ParticipantDates;
import org.oligotrial.server.dates.ParticipantDatesReader;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Ids;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.PreconditionRequiredException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.JdbcParticipantReads;
import org.oligotrial.server.randomization.RandomizationFacts;
import org.oligotrial.server.randomization.Randomized;
import org.oligotrial.server.user.ElectronicSignatures;
import org.oligotrial.server.user.Signature;
import org.oligotrial.server.user.SignatureMeaning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Enters, changes, signs, locks and unlocks case report forms, one transaction per call.
 *
 * <p>Saving: the values are checked against the protocol's form definition ({@link FormValidator}), values are
 * derived (BED/EQD2, RECIST responses, {@link Derivations}), the protocol's edit checks run ({@link EditChecks}):
 * a blocking failure refuses the save with 422 naming the field, a query-severity failure saves and opens a query.
 * Every field is audited ({@code entity_type = form}): created fields without a reason, changed fields with the
 * required reason for change. A change to a signed form returns it to {@code ENTERED}; a locked form cannot change
 * (409) until a data manager unlocks it with a reason; signing and locking wait until no query is open and no
 * required value is missing ({@link SignOff}). Fields may hold missing-data codes ({@link MissingData}); a change of a
 * source-verified field clears its verification ({@link SourceVerification}). A serious adverse event alerts the site's investigators and
 * data managers. Forms other than the tumour baseline need a randomized participant. Every date of the form obeys
 * {@link ObservationDates} (400 naming the field and both dates) before the edit checks run. After the save, in its
 * transaction, {@link AfterSave} derives what follows (endpoints, reconciliation queries, status). Thread-safe.
 */
public final class FormService {
  /** Audit entity type. */
  public static final String ENTITY = "form";

  /** The number of the trial's protocol version new forms are made under. */
  public int protocolVersion() {
    return protocolVersion;
  }

  /** The protocol version numbers the trial's forms were made under, ascending. */
  public List<Integer> protocolVersionsUsed() {
    return repo.protocolVersions();
  }
  private static final Set<String> ONE_PER_PARTICIPANT = Set.of("tumour-baseline", "death", "withdrawal");

  private final FormRepository repo;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final TrialAudit audit;
  private final SiteGuard guard;
  private final Protocol protocol;
  private final int protocolVersion;
  private final RandomizationFacts randomization;
  private final QueryService queries;
  private final AlertService alerts;
  private final ElectronicSignatures signatures;
  private final EditChecks checks;
  private final VisitSchedule schedule;
  private final Clock clock;
  private final ObservationDates dates;
  private final ParticipantDatesReader dateFacts;
  private final AfterSave afterSave;
  private final SignOff signOff;
  private final CasebookLock casebookLock;
  private final SourceVerification verification;

  /** What follows a saved form, inside its transaction: derived endpoints, status and reconciliation. */
  @FunctionalInterface
  public interface AfterSave {
    /**
     * @param r the participant's randomization, or null before randomization
     * @param trigger the change in words, naming the form, its version, the user and the reason for change
     */
    void saved(StoredForm form, Randomized r, String trigger);
  }

  /**
   * The forms of one trial ({@code audit}'s), under one of its protocol versions.
   *
   * @param protocol the protocol of version {@code protocolVersion}
   * @param protocolVersion the number of the trial's protocol version the forms made by this service are made under
   *     (stored with each form)
   * @param siteZones the time zone of each of the site codes given (the site feature's {@code SiteService#timeZones}),
   *     for the edit checks that compare a site's local date-times as elapsed time ({@code within-hours}); a site
   *     missing from the answer is taken as UTC
   */
  public FormService(JdbcClient jdbc, TransactionTemplate tx, TrialAudit audit, SiteGuard guard, Protocol protocol,
      RandomizationFacts randomization, QueryService queries, AlertService alerts, ElectronicSignatures signatures,
      Clock clock, AfterSave afterSave, int protocolVersion,
      Function<Collection<String>, Map<String, ZoneId>> siteZones) {
    this.protocolVersion = protocolVersion;
    this.siteZones = siteZones;
    this.repo = new FormRepository(jdbc, audit.trialId());
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.guard = guard;
    this.protocol = protocol;
    this.randomization = randomization;
    this.queries = queries;
    this.alerts = alerts;
    this.signatures = signatures;
    java.util.Map<String, String> categories = new java.util.HashMap<>();
    protocol.systemicTherapy().regimens().forEach(g -> categories.put(g.id(), g.category()));
    this.checks = new EditChecks(protocol.editChecks(), categories);
    this.schedule = new VisitSchedule(protocol.visits());
    this.clock = clock;
    this.dates = new ObservationDates(clock);
    this.dateFacts = datesOf(jdbc, audit.trialId(), randomization);
    this.afterSave = afterSave;
    this.signOff = new SignOff(repo, tx, audit, guard, protocol, queries, signatures, clock);
    this.casebookLock = new CasebookLock(repo, tx, audit, guard, signOff, clock);
    this.verification = new SourceVerification(jdbc, tx, audit, guard, protocol, repo, clock);
  }

  /**
   * The dates the date rules read, each from the feature that holds it: birth, consent and withdrawal from the
   * participant's records, the randomization date from {@code randomization}, death and every other date from the
   * trial's forms.
   */
  public static ParticipantDatesReader datesOf(JdbcClient jdbc, String trialId, RandomizationFacts randomization) {
    JdbcParticipantReads participants = new JdbcParticipantReads(jdbc, trialId);
    return new ParticipantDatesReader(java.util.List.of((id, form) -> participants.dates(id),
        randomizationDate(randomization), new FormDates(jdbc, trialId)));
  }

  /** The randomization date as a date source. */
  public static org.oligotrial.server.dates.DateSource randomizationDate(RandomizationFacts randomization) {
    return (id, form) -> randomization.find(id)
        .map(r -> new ParticipantDates(null, r.date(), null, null)).orElse(ParticipantDates.NONE);
  }

  /**
   * Enters a new form.
   *
   * @param visitId the visit it completes, or null to let the schedule assign the nearest free occurrence
   * @param occurrence the occurrence of {@code visitId}, or null
   * @throws InvalidFieldException (422) naming the field for invalid values or a blocking edit check
   * @throws ConflictException (409) when the participant is not randomized or already has this one-off form
   */
  public StoredForm create(Actor actor, String participantId, String formType, String visitId, Integer occurrence,
      JsonNode values) {
    return create(actor, participantId, formType, visitId, occurrence, values, Ids.next());
  }

  /**
   * Enters a new form under a given id: an import keeps the form id of the file's {@code FormRepeatKey} (this
   * server's form id in its exports), so a second import of the same file finds the form. Otherwise as
   * {@link #create(Actor, String, String, String, Integer, JsonNode)}.
   *
   * @param id the form id: 36 characters at most, not in use
   */
  public StoredForm create(Actor actor, String participantId, String formType, String visitId, Integer occurrence,
      JsonNode values, String id) {
    Checks.required("id", id, 36);
    Checks.required("formType", formType, 64);
    FormDefinition def = protocol.form(formType).orElseThrow(() -> new InvalidFieldException("formType",
        "unknown form '" + FormValidator.shorten(formType) + "'; expected one of "
            + protocol.forms().stream().map(FormDefinition::id).toList()));
    String site = guard.siteOf(participantId);
    guard.write(actor, site, "participant", participantId);
    ObjectNode normalised = FormValidator.validate(def, values);
    Randomized r = randomized(participantId, def);
    return tx.execute(s -> {
      lockParticipant(participantId);
      checkDates(def, normalised, r, participantId, null);
      List<StoredForm> others = repo.ofParticipant(participantId);
      if (ONE_PER_PARTICIPANT.contains(formType) && others.stream().anyMatch(o -> o.formType().equals(formType))) {
        throw new ConflictException("formType", "the participant already has a " + formType
            + " form; change that one instead");
      }
      Instant now = now();
      LocalDate date = EditChecks.date(normalised, def.dateField());
      ObjectNode derived = derive(def, normalised, others, null);
      List<EditChecks.Finding> found = runChecks(def, normalised, r, others, site);
      String[] visit = visit(def, r, others, null, visitId, occurrence, date, id);
      StoredForm f = new StoredForm(id, participantId, site, formType, visit[0],
          visit[1] == null ? null : Integer.valueOf(visit[1]), date, normalised.toString(),
          derived == null ? null : derived.toString(), 1, StoredForm.ENTERED, null, null, null, now,
          actor.username());
      repo.insert(f, actor.username(), now, protocolVersion);
      repo.insertVersion(f, null);
      record(actor, f, AuditAction.CREATE, "formType", null, formType + " of participant " + participantId, null);
      if (f.visitId() != null) {
        record(actor, f, AuditAction.CREATE, "visit", null, f.visitId() + " #" + f.visitNumber(), null);
      }
      auditChanges(actor, f, FormValidator.JSON.createObjectNode(), normalised, "values.", null);
      auditChanges(actor, f, FormValidator.JSON.createObjectNode(), derived, "derived.", null);
      openQueries(f, found, "version 1 entered by " + actor.username());
      alertIfSerious(actor, f, null, normalised);
      rederiveAssessments(actor, f, "re-derived: tumour form " + f.id() + " entered");
      afterSave.saved(f, r, "form " + f.id() + " (" + f.formType() + ") version 1 entered by " + actor.username());
      return f;
    });
  }

  /**
   * Changes a form's values; a reason for change is required.
   *
   * @param expectedVersion the version the caller edited; a different stored version is 409
   * @throws PreconditionRequiredException (428) when {@code expectedVersion} is null: a change that does not say what
   *     it was made to could silently undo another user's change (a lost update)
   * @throws ConflictException (409) when the form is locked or was changed meanwhile
   */
  public StoredForm update(Actor actor, String formId, JsonNode values, String reason, Integer expectedVersion) {
    StoredForm before = repo.find(formId).orElseThrow(() -> new RecordNotFoundException(ENTITY, formId));
    guard.write(actor, before.siteCode(), ENTITY, formId);
    String why = Checks.reason(reason);
    FormDefinition def = protocol.form(before.formType()).orElseThrow();
    ObjectNode normalised = FormValidator.validate(def, values);
    if (expectedVersion == null) {
      throw new PreconditionRequiredException("version", "is required: the version of the form the change was made"
          + " to (read the form first; its current version is " + before.version() + ")");
    }
    Randomized r = randomized(before.participantId(), def);
    return tx.execute(s -> {
      lockParticipant(before.participantId());
      StoredForm cur = repo.lock(formId).orElseThrow();
      if (cur.status().equals(StoredForm.LOCKED)) {
        throw new ConflictException("status", "the form is locked; a data manager must unlock it (with a reason)"
            + " before it can change");
      }
      if (expectedVersion != cur.version()) {
        throw new ConflictException("version", "the form was changed meanwhile: version " + cur.version()
            + " is stored, the change was made to version " + expectedVersion);
      }
      List<StoredForm> others = repo.ofParticipant(cur.participantId()).stream()
          .filter(o -> !o.id().equals(formId)).toList();
      JsonNode oldValues = FormFacts.values(cur);
      if (oldValues.equals(normalised)) {
        return cur;
      }
      checkDates(def, normalised, r, cur.participantId(), formId);
      ObjectNode derived = derive(def, normalised, others, cur);
      List<EditChecks.Finding> found = runChecks(def, normalised, r, others, cur.siteCode());
      Instant now = now();
      String status = cur.status().equals(StoredForm.SIGNED) ? StoredForm.ENTERED : cur.status();
      StoredForm f = new StoredForm(cur.id(), cur.participantId(), cur.siteCode(), cur.formType(), cur.visitId(),
          cur.visitNumber(), EditChecks.date(normalised, def.dateField()), normalised.toString(),
          derived == null ? null : derived.toString(), cur.version() + 1, status,
          status.equals(StoredForm.SIGNED) ? cur.signedBy() : null,
          status.equals(StoredForm.SIGNED) ? cur.signedAt() : null, null, now, actor.username());
      repo.update(f);
      repo.insertVersion(f, why);
      auditChanges(actor, f, oldValues, normalised, "values.", why);
      auditChanges(actor, f, FormFacts.derived(cur), derived, "derived.", why);
      if (!status.equals(cur.status())) {
        record(actor, f, AuditAction.UPDATE, "status", cur.status(), status, why + " (a change voids the signature)");
      }
      verification.clearChanged(actor, f, oldValues, normalised, why);
      openQueries(f, found, "the change to version " + f.version() + " by " + actor.username() + " (" + why + ")");
      alertIfSerious(actor, f, oldValues, normalised);
      rederiveAssessments(actor, f, "re-derived: tumour form " + f.id() + " changed (" + why + ")");
      afterSave.saved(f, r, "form " + f.id() + " (" + f.formType() + ") version " + f.version() + " changed by "
          + actor.username() + ": " + why);
      return f;
    });
  }

  /**
   * What saving these values would derive, without saving anything: the same validation, derivations and blocking
   * edit checks as {@link #create} (or {@link #update} of {@code formId}), for the live panels of the web pages.
   *
   * @param formId the form being changed, or null for a new form
   * @return the derived values (an empty object when the form type derives none)
   * @throws InvalidFieldException naming the field, exactly as the save would
   * @throws ConflictException when the participant is not randomized (forms other than the tumour baseline)
   */
  public ObjectNode preview(Actor actor, String participantId, String formType, String formId, JsonNode values) {
    FormDefinition def = protocol.form(formType).orElseThrow(() -> new InvalidFieldException("formType",
        "unknown form '" + FormValidator.shorten(String.valueOf(formType)) + "'"));
    String site = guard.siteOf(participantId);
    guard.read(actor, site, "participant", participantId);
    ObjectNode normalised = FormValidator.validate(def, values);
    Randomized r = randomized(participantId, def);
    List<StoredForm> all = repo.ofParticipant(participantId);
    StoredForm self = formId == null ? null : all.stream().filter(o -> o.id().equals(formId)).findFirst()
        .orElseThrow(() -> new RecordNotFoundException(ENTITY, formId));
    List<StoredForm> others = all.stream().filter(o -> self == null || !o.id().equals(self.id())).toList();
    checkDates(def, normalised, r, participantId, formId);
    ObjectNode derived = derive(def, normalised, others, self);
    runChecks(def, normalised, r, others, site);
    return derived == null ? FormValidator.JSON.createObjectNode() : derived;
  }

  /** One form the actor may read. */
  public StoredForm get(Actor actor, String formId) {
    StoredForm f = repo.find(formId).orElseThrow(() -> new RecordNotFoundException(ENTITY, formId));
    guard.read(actor, f.siteCode(), ENTITY, formId);
    return f;
  }

  /** Every form of a participant the actor may read, by date. */
  public List<StoredForm> list(Actor actor, String participantId) {
    String site = guard.siteOf(participantId);
    guard.read(actor, site, "participant", participantId);
    return repo.ofParticipant(participantId);
  }

  /**
   * The forms with one of the statuses at the sites the actor may read (every site for the roles that read every
   * site), by date then creation: the work lists of data management, in one statement.
   */
  public List<StoredForm> withStatus(Actor actor, Set<String> statuses) {
    Set<String> sites = AccessPolicy.readableSites(actor);
    if (statuses.isEmpty() || sites != null && sites.isEmpty()) {
      return List.of();
    }
    return repo.withStatus(sites, statuses);
  }

  /** The form's audit trail, oldest first: chained events only, with their hashes (waits for the chain). */
  public List<AuditEvent> auditTrail(Actor actor, String formId) {
    get(actor, formId);
    return audit.forRecord(ENTITY, formId);
  }

  /**
   * Every committed audit entry about the form, for the form's page: {@link
   * org.oligotrial.server.audit.AuditTrail#forRecordAsCommitted}, the entries not yet chained included (sequence
   * number 0), without waiting for the chain, so that opening a form never queues behind the chaining of other
   * sites' writes. {@link #auditTrail} gives chained events only, with their hashes.
   */
  public List<AuditEvent> auditEntries(Actor actor, String formId) {
    get(actor, formId);
    return audit.forRecordAsCommitted(ENTITY, formId);
  }

  /** The time zone of each site asked for (the site feature's {@code SiteService#timeZones}). */
  private final Function<Collection<String>, Map<String, ZoneId>> siteZones;

  private ZoneId zoneOf(String site) {
    return site == null ? ZoneOffset.UTC : siteZones.apply(List.of(site)).getOrDefault(site, ZoneOffset.UTC);
  }

  /** What the investigator's signature of a form means (21 CFR 11.50): review and approval of its data. */
  public static final SignatureMeaning SIGNATURE_MEANING = SignatureMeaning.REVIEW_AND_APPROVAL;

  /**
   * The investigator signs the current version, re-entering the password: an electronic signature with meaning
   * {@link #SIGNATURE_MEANING}, printed name and time, written with the form's new status and audited. Refused while
   * queries are open or required data are missing ({@link SignOff}).
   *
   * @throws InvalidFieldException (422, field {@code password}) when the password does not match (audited, and
   *     counted toward the account's sign-in back-off)
   * @throws SignOffBlockedException (409) listing what blocks the signature
   */
  public StoredForm sign(Actor actor, String formId, String password) {
    return signOff.sign(actor, formId, password, null);
  }

  /**
   * Signs as {@link #sign(Actor, String, String)}; with blockers, goes ahead only where the protocol allows an
   * override and {@code override} gives the reason (audited with the blockers).
   */
  public StoredForm sign(Actor actor, String formId, String password, String override) {
    return signOff.sign(actor, formId, password, override);
  }

  /** Signs every unsigned form of the participant's casebook with one password entry ({@link SignOff}). */
  public SignOff.CasebookSignature signCasebook(Actor actor, String participantId, String password,
      String override) {
    return signOff.signCasebook(actor, participantId, password, override);
  }

  /** What blocks signing or locking the form now (empty when nothing does). */
  public List<SignOff.Blocker> blockers(Actor actor, String formId) {
    return signOff.blockers(get(actor, formId));
  }

  /** What blocks signing the participant's unsigned forms, form by form. */
  public List<SignOff.Blocker> casebookBlockers(Actor actor, String participantId) {
    return signOff.casebookBlockers(actor, participantId);
  }

  /** Source-data verification of the trial's forms. */
  public SourceVerification verification() {
    return verification;
  }

  /** The electronic signatures given to the form, oldest first (a change voids the latest for the form's status). */
  public List<Signature> signatures(Actor actor, String formId) {
    get(actor, formId);
    return signatures.forRecord(ENTITY, formId);
  }

  /** The signatures given to the participant's casebook as a whole, oldest first. */
  public List<Signature> casebookSignatures(Actor actor, String participantId) {
    String site = guard.siteOf(participantId);
    guard.read(actor, site, "participant", participantId);
    return signatures.forRecord(SignOff.CASEBOOK, participantId);
  }

  /** The data manager locks the form; the reason is optional. Refused while queries are open ({@link SignOff}). */
  public StoredForm lock(Actor actor, String formId, String reason) {
    return signOff.lock(actor, formId, reason, null);
  }

  /** Locks as {@link #lock(Actor, String, String)}, with an override reason where the protocol allows one. */
  public StoredForm lock(Actor actor, String formId, String reason, String override) {
    return signOff.lock(actor, formId, reason, override);
  }

  /**
   * The data manager of the participant's site locks every form of the casebook not locked yet, in one act; refused
   * with every blocker (unsigned forms among them) unless the protocol allows an override ({@link CasebookLock}).
   */
  public CasebookLock.Locked lockCasebook(Actor actor, String participantId, String reason, String override) {
    return casebookLock.lock(actor, participantId, reason, override);
  }

  /** What blocks locking the participant's casebook, form by form ({@link CasebookLock}). */
  public List<SignOff.Blocker> casebookLockBlockers(Actor actor, String participantId) {
    return casebookLock.blockers(actor, participantId);
  }

  /** The data manager unlocks the form, with a reason; it returns to signed or entered. */
  public StoredForm unlock(Actor actor, String formId, String reason) {
    return signOff.unlock(actor, formId, reason);
  }

  private Randomized randomized(String participantId, FormDefinition def) {
    Randomized r = randomization.find(participantId).orElse(null);
    if (r == null && !def.id().equals("tumour-baseline")) {
      throw new ConflictException("participantId", "the participant is not randomized; only the tumour baseline"
          + " is entered before randomization");
    }
    return r;
  }

  private void lockParticipant(String participantId) {
    new JdbcParticipantReads(jdbc, audit.trialId()).lock(participantId)
        .orElseThrow(() -> new RecordNotFoundException("participant", participantId));
  }

  private ObjectNode derive(FormDefinition def, ObjectNode values, List<StoredForm> others, StoredForm self) {
    switch (def.id()) {
      case "radiotherapy" -> {
        return Derivations.radiotherapy(values);
      }
      case "tumour-assessment" -> {
        StoredForm baseline = others.stream().filter(o -> o.formType().equals("tumour-baseline")).findFirst()
            .orElseThrow(() -> new InvalidFieldException("values.targets",
                "enter the tumour baseline (RECIST baseline lesions) before follow-up assessments"));
        LocalDate date = EditChecks.date(values, "date");
        List<JsonNode> assessments = new ArrayList<>();
        for (StoredForm o : others) {
          if (o.formType().equals("tumour-assessment")) {
            if (Objects.equals(o.formDate(), date)) {
              throw new InvalidFieldException("values.date", "another tumour assessment is dated " + date);
            }
            if (o.formDate().isBefore(date)) {
              assessments.add(FormFacts.structured(o));
            }
          }
        }
        assessments.add(LegacyTumourValues.structured(def.id(), values));
        TumourEvaluation ev = Derivations.recist(FormFacts.structured(baseline), assessments, assessments.size() - 1,
            minSdDays());
        return Derivations.assessment(ev, date);
      }
      case "tumour-baseline" -> {
        List<JsonNode> assessments = others.stream().filter(o -> o.formType().equals("tumour-assessment"))
            .map(FormFacts::structured).toList();
        LocalDate date = EditChecks.date(values, "date");
        if (others.stream().anyMatch(o -> o.formType().equals("tumour-assessment") && !o.formDate().isAfter(date))) {
          throw new InvalidFieldException("values.date", "the baseline must precede every follow-up assessment");
        }
        Derivations.recist(LegacyTumourValues.structured(def.id(), values), assessments, -1, minSdDays());
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * After a tumour form is saved, recomputes the RECIST values of every other assessment (a new baseline or an
   * earlier assessment moves sums, nadirs and responses) and audits those that change.
   */
  private void rederiveAssessments(Actor actor, StoredForm saved, String why) {
    if (!saved.formType().equals("tumour-baseline") && !saved.formType().equals("tumour-assessment")) {
      return;
    }
    FormFacts facts = new FormFacts(repo.ofParticipant(saved.participantId()));
    List<StoredForm> baselines = facts.ofType("tumour-baseline");
    if (baselines.isEmpty()) {
      return;
    }
    JsonNode baseline = FormFacts.structured(baselines.get(0));
    List<StoredForm> assessments = facts.ofType("tumour-assessment");
    List<JsonNode> prefix = new ArrayList<>();
    for (StoredForm a : assessments) {
      prefix.add(FormFacts.structured(a));
      if (a.id().equals(saved.id())) {
        continue;
      }
      ObjectNode d = Derivations.assessment(Derivations.recist(baseline, prefix, -2, minSdDays()), a.formDate());
      JsonNode old = FormFacts.derived(a);
      if (!old.equals(d)) {
        jdbc.sql("UPDATE crf_form SET derived_json = :d WHERE id = :id").param("d", d.toString())
            .param("id", a.id()).update();
        auditChanges(actor, a, old, d, "derived.", why);
      }
    }
  }

  /**
   * Every date field of the form against the {@link ObservationDates} rules: the form's own date not before
   * randomization except for the baseline tumour assessment, the death form's own date not before any other
   * observation; every date not in the future, before 1900 or birth, or after death.
   */
  private void checkDates(FormDefinition def, ObjectNode values, Randomized r, String participantId, String self) {
    ParticipantDates facts = dateFacts.read(participantId, self);
    if (r != null) {
      facts = facts.withRandomization(r.date());
    }
    boolean baseline = def.id().equals("tumour-baseline");
    for (FormField f : def.fields()) {
      if (!f.type().equals("date")) {
        continue;
      }
      // the randomization bound on the form's own date; a later date of the form (a resolution, a last fraction)
      // is held after it by the form's date-order checks, which then say so in the form's own words
      boolean own = f.id().equals(def.dateField());
      ObservationDates.Kind kind = baseline || !own ? ObservationDates.Kind.ANY_TIME
          : def.id().equals("death") ? ObservationDates.Kind.DEATH : ObservationDates.Kind.ON_STUDY;
      dates.check("values." + f.id(), f.label(), EditChecks.date(values, f.id()), kind, facts);
    }
  }

  private int minSdDays() {
    return protocol.recist() == null ? 42 : protocol.recist().stableDiseaseMinimumDays();
  }

  /**
   * An SAE report ({@code sae-report}) that names its adverse event ({@code adverseEventForm}) must name an
   * {@code adverse-event} form of the same participant marked serious: the pair is one event, timed by the report
   * (the SAE alert, {@code SeriousEvents}). Refused otherwise, naming the field (422).
   */
  private static void checkSeriousEventLink(FormDefinition def, ObjectNode values, List<StoredForm> others) {
    JsonNode link = values.get("adverseEventForm");
    if (!def.id().equals("sae-report") || link == null || !link.isString() || link.stringValue().isBlank()) {
      return;
    }
    String id = link.stringValue().strip();
    StoredForm ae = others.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    if (ae == null || !ae.formType().equals("adverse-event")) {
      throw new InvalidFieldException("values.adverseEventForm", "names no adverse-event form of this participant");
    }
    if (!FormFacts.values(ae).path("serious").asBoolean(false)) {
      throw new InvalidFieldException("values.adverseEventForm", "names an adverse event not marked serious; mark it"
          + " serious first");
    }
  }

  private List<EditChecks.Finding> runChecks(FormDefinition def, ObjectNode values, Randomized r,
      List<StoredForm> others, String site) {
    FormFacts facts = new FormFacts(others);
    LocalDate latest = others.stream().map(StoredForm::formDate).filter(Objects::nonNull)
        .max(LocalDate::compareTo).orElse(null);
    List<LocalDate> pd = new ArrayList<>();
    for (StoredForm o : facts.ofType("tumour-assessment")) {
      JsonNode d = FormFacts.derived(o).get("overallResponse");
      if (d != null && "PD".equals(d.asString())) {
        pd.add(o.formDate());
      }
    }
    checkSeriousEventLink(def, values, others);
    List<EditChecks.Finding> found = new ArrayList<>(
        checks.run(def, values, new EditChecks.Context(r, facts.deathDate(), latest, pd,
            // the site's zone is read (one statement) only for a form an elapsed-time check applies to
            checks.comparesLocalTimes(def) ? zoneOf(site) : ZoneOffset.UTC)));
    // with structured lesions the reconciliation (Rederivation) compares RECIST and the progression forms both ways:
    // the one-way progression-confirmed check would ask the same question twice
    boolean structured = facts.ofType("tumour-baseline").stream().anyMatch(b -> FormFacts.values(b).has("lesions"));
    if (structured) {
      found.removeIf(f -> f.check().kind().equals("progression-confirmed"));
    }
    for (EditChecks.Finding f : found) {
      if (f.check().blocks()) {
        throw new InvalidFieldException(f.field(), f.message() + " [" + f.check().id() + "]");
      }
    }
    return found;
  }

  private String[] visit(FormDefinition def, Randomized r, List<StoredForm> others, StoredForm self, String visitId,
      Integer occurrence, LocalDate date, String formId) {
    if (visitId == null && occurrence == null) {
      if (def.visits().isEmpty() || r == null || date == null) {
        return new String[] {null, null};
      }
      VisitSchedule.Completion c = schedule.assign(participant(r, others), def.visits(), date,
          taken(others, def.id()), formId,
          LocalDate.now(clock));
      return c == null ? new String[] {null, null} : new String[] {c.visitId(), Integer.toString(c.occurrence())};
    }
    if (visitId == null || occurrence == null) {
      throw new InvalidFieldException(visitId == null ? "visit" : "occurrence", "is required with "
          + (visitId == null ? "occurrence" : "visit"));
    }
    if (!def.visits().contains(visitId)) {
      throw new InvalidFieldException("visit", "a " + def.id() + " form completes one of " + def.visits());
    }
    if (r == null || !schedule.exists(participant(r, others), visitId, occurrence,
        (date == null ? LocalDate.now(clock) : date).plusDays(VisitSchedule.HORIZON_DAYS))) {
      throw new InvalidFieldException("occurrence", "visit " + visitId + " has no occurrence " + occurrence
          + " for this participant");
    }
    if (taken(others, def.id()).contains(visitId + "#" + occurrence)) {
      throw new ConflictException("occurrence", "another " + def.name() + " form already completes this visit");
    }
    return new String[] {visitId, Integer.toString(occurrence)};
  }

  /** The visit occurrences that forms of the type already complete: a visit holds one form of each type. */
  private static Set<String> taken(List<StoredForm> others, String formType) {
    Set<String> out = new HashSet<>();
    others.stream().filter(o -> o.visitId() != null && o.formType().equals(formType))
        .forEach(o -> out.add(o.visitId() + "#" + o.visitNumber()));
    return out;
  }

  /** The schedule's view of a participant from the randomization and the stored forms. */
  public static VisitSchedule.Participant participant(Randomized r, List<StoredForm> forms) {
    FormFacts facts = new FormFacts(forms);
    StoredForm w = facts.withdrawal();
    boolean followUp = w != null && FormFacts.values(w).path("followUpAllowed").asBoolean(false);
    return new VisitSchedule.Participant(r.arm(), r.regimenCategory(), r.date(), facts.firstProgression(),
        facts.deathDate(), w == null ? null : w.formDate(), followUp);
  }

  /**
   * Opens a query per failing query-severity check unless one is open on the same field and check, and closes the
   * form's edit-check queries whose check now passes ({@link QueryService#applyChecks}).
   */
  private void openQueries(StoredForm f, List<EditChecks.Finding> found, String trigger) {
    queries.applyChecks(f, found.stream()
        .map(x -> new QueryService.CheckFinding(x.check().id(), x.field(), x.message())).toList(), trigger);
  }

  private void alertIfSerious(Actor actor, StoredForm f, JsonNode before, JsonNode after) {
    if (!f.formType().equals("adverse-event") || !after.path("serious").asBoolean(false)) {
      return;
    }
    if (before != null && before.path("serious").asBoolean(false)) {
      return;
    }
    alerts.seriousAdverseEvent(actor, f, "serious adverse event: " + CodedTerms.read(after.get("term")).label()
        + " grade "
        + after.path("grade").asString() + " from " + after.path("startDate").asString() + " (participant "
        + f.participantId() + ")");
  }

  private void auditChanges(Actor actor, StoredForm f, JsonNode before, JsonNode after, String prefix, String why) {
    JsonNode a = after == null ? FormValidator.JSON.createObjectNode() : after;
    Set<String> names = new java.util.LinkedHashSet<>();
    before.propertyNames().forEach(names::add);
    a.propertyNames().forEach(names::add);
    for (String n : names) {
      String old = text(before.get(n));
      String now = text(a.get(n));
      if (!Objects.equals(old, now)) {
        record(actor, f, old == null && why == null ? AuditAction.CREATE : AuditAction.UPDATE, prefix + n, old, now,
            why);
      }
    }
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isString() ? n.stringValue() : n.toString();
  }

  private void record(Actor actor, StoredForm f, AuditAction action, String field, String old, String now,
      String why) {
    audit.record(new AuditEntry(actor.username(), action, ENTITY, f.id(), field, old, now, why, f.siteCode()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
