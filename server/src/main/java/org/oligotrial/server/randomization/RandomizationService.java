package org.oligotrial.server.randomization;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.protocol.FactorLevel;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.randomization.AllocationStep;
import org.oligotrial.randomization.ParticipantFactors;
import org.oligotrial.randomization.RandomizationScheme;
import org.oligotrial.randomization.RandomizationState;
import org.oligotrial.randomization.Randomizer;
import org.oligotrial.randomization.Randomizers;
import org.oligotrial.randomization.SecretSeed;
import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.ScreeningVersion;
import org.oligotrial.server.randomization.RandomizationPreview.BlockingReason;
import org.oligotrial.server.randomization.RandomizationPreview.FactorLevelView;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.user.ElectronicSignatures;
import org.oligotrial.server.user.Signature;
import org.oligotrial.server.user.SignatureMeaning;
import org.oligotrial.treatment.TreatmentPlanner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Randomizes participants of one trial: preview of the derived factor levels and plans, the irreversible
 * allocation, the record, deviation notes. The statistician's exports are in {@link AllocationExports}.
 *
 * <p>One allocation is one transaction: lock the participant, check it is consented and eligible on its latest
 * screening version, derive the levels, lock the trial's state row ({@code SELECT ... FOR UPDATE}, the per-trial
 * lock that serialises allocations), allocate with the core {@link Randomizer} from the stored state, write the
 * immutable record and the new state, move the participant to RANDOMIZED and stage the audit rows. Concurrent
 * requests therefore never share or skip a sequence number and the arms follow the method exactly.
 *
 * <p>The secret seed is generated once per trial on first use ({@link SecretSeed#generate}) and stored in {@code
 * randomization_seed}; it is never returned, logged or audited (only its fingerprint). Thread-safe.
 */
public final class RandomizationService {
  /** Audit entity type of trial-level randomization events (seed creation, exports). */
  public static final String ENTITY = "randomization";
  /** Longest deviation note accepted. */
  public static final int MAX_NOTE = Checks.MAX_TEXT;

  private final RandomizationRepository repo;
  private final TransactionTemplate tx;
  private final TrialAudit audit;
  private final AccessDenials denials;
  private final ParticipantService participants;
  private final Protocol protocol;
  private final RandomizationScheme scheme;
  private final Clock clock;
  private final SecureRandom random;
  private final ElectronicSignatures signatures;
  private final ScreeningFacts screeningFacts;
  private volatile Randomizer randomizer;

  RandomizationService(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, ParticipantService participants,
      Protocol protocol, RandomizationScheme scheme, Clock clock, SecureRandom random,
      ElectronicSignatures signatures) {
    this.signatures = signatures;
    this.repo = new RandomizationRepository(jdbc);
    this.tx = tx;
    this.audit = new TrialAudit(audit, protocol.id());
    this.denials = new AccessDenials(audit);
    this.participants = participants;
    if (!participants.trialId().equals(protocol.id())) {
      throw new IllegalArgumentException("the participants of trial " + participants.trialId()
          + " cannot be randomized under protocol " + protocol.id());
    }
    this.protocol = protocol;
    this.scheme = scheme;
    this.screeningFacts = new ScreeningFacts(protocol);
    this.clock = clock;
    this.random = random;
  }

  /**
   * The service on a register's database for the trial of {@code protocol} (the trial's id is the protocol's), with
   * {@code scheme} (usually its own): its participants are that trial's, its state row, seed and records are keyed
   * by that id.
   */
  public static RandomizationService on(Register r, Protocol protocol, RandomizationScheme scheme, Clock clock) {
    return new RandomizationService(r.jdbc(), r.tx(), r.audit(), r.participants(protocol.id()), protocol, scheme,
        clock,
        new SecureRandom(), r.signatures());
  }

  /** The trial's id (the protocol's), which keys the state row, the seed and the records. */
  public String trialId() {
    return protocol.id();
  }

  /** The protocol's arms, in the order of the ratio. */
  public List<org.oligotrial.protocol.Arm> arms() {
    return protocol.arms();
  }

  /** The scheme allocations follow. */
  public RandomizationScheme scheme() {
    return scheme;
  }

  /**
   * What randomizing the participant now would use. Nothing is written.
   *
   * @throws RecordNotFoundException when there is no such participant
   * @throws SiteAccessDeniedException when the actor may not read the participant (audited)
   */
  public RandomizationPreview preview(Actor actor, String participantId) {
    ParticipantHistory h = participants.history(actor, participantId);
    ScreeningVersion latest = latest(h);
    List<BlockingReason> blockers = new ArrayList<>();
    ParticipantStatus status = h.participant().status();
    if (repo.find(participantId).isPresent() || status == ParticipantStatus.RANDOMIZED) {
      blockers.add(new BlockingReason("status", "the participant is already randomized"));
    } else if (status != ParticipantStatus.CONSENTED) {
      blockers.add(new BlockingReason("status", "only a consented participant can be randomized; this one is "
          + status));
    }
    if (!"ELIGIBLE".equals(latest.verdict())) {
      blockers.add(new BlockingReason("eligibility", "the latest screening (version " + latest.version()
          + ") is " + latest.verdict() + ", not ELIGIBLE"));
    }
    ScreeningFacts.Reading reading = screeningFacts.read(latest.recordJson());
    reading.blockers().forEach(b -> blockers.add(new BlockingReason(b.field(), b.message())));
    List<FactorLevelView> factors = List.of();
    String stratum = null;
    Map<String, String> confirm = null;
    Map<String, PlanView> plans = new LinkedHashMap<>();
    if (reading.levels() != null) {
      ParticipantFactors levels = reading.levels();
      factors = labelled(levels);
      stratum = scheme.stratumKey(levels);
      confirm = levels.levels();
      for (String arm : scheme.ratio().arms()) {
        plans.put(arm, plan(arm, reading));
      }
    }
    if (!RandomizationAccess.canSign(actor, h.participant().siteCode())) {
      blockers.add(new BlockingReason("role", "only an investigator of site " + h.participant().siteCode()
          + " can randomize this participant (with an electronic signature)"));
    }
    return new RandomizationPreview(participantId, status.name(), latest.version(), latest.verdict(),
        blockers.isEmpty(), blockers, scheme.method().methodName(), factors, stratum, confirm, plans);
  }

  /**
   * Randomizes the participant without an electronic signature: allocation, record, treatment plan, status
   * RANDOMIZED and audit rows, in one transaction. For operator tools and tests; the web and the REST API call
   * {@link #randomizeSigned}, which an investigator signs.
   *
   * @param confirmFactors the levels shown to the user ({@link RandomizationPreview#confirmFactors()}), or null to
   *     skip the check
   * @return the new record
   * @throws SiteAccessDeniedException unless the actor is an investigator or coordinator of the participant's site
   * @throws ConflictException when already randomized, not consented, or {@code confirmFactors} differ from the
   *     levels derived now
   * @throws InvalidFieldException naming the screening field when the latest screening blocks randomization (for
   *     example an unknown EGFR status) or is not eligible
   */
  public RandomizationRecord randomize(Actor actor, String participantId, Map<String, String> confirmFactors) {
    return allocate(actor, participantId, confirmFactors, null);
  }

  /** What the investigator's signature of a randomization means (21 CFR 11.50): approval of the allocation. */
  public static final SignatureMeaning SIGNATURE_MEANING = SignatureMeaning.APPROVAL;

  /**
   * Randomizes as the web and the REST API do: an investigator of the participant's site signs electronically
   * (password re-entered; meaning {@link #SIGNATURE_MEANING}); the signature is written with the record and audited
   * in the allocation's transaction, and nothing is allocated when it fails.
   *
   * @param password the investigator's password, re-entered
   * @throws SiteAccessDeniedException unless the actor is an investigator of the participant's site (audited)
   * @throws InvalidFieldException ({@code password}) when the password is missing or wrong (audited, and counted
   *     toward the account's sign-in back-off); otherwise as {@link #randomize(Actor, String, Map)}
   */
  public RandomizationRecord randomizeSigned(
      Actor actor, String participantId, Map<String, String> confirmFactors, String password) {
    ParticipantHistory h = participants.history(actor, participantId);
    String site = h.participant().siteCode();
    if (!RandomizationAccess.canSign(actor, site)) {
      deny(actor, ParticipantService.ENTITY, participantId, site,
          "randomize participants of site " + site + " (an investigator of the site signs)");
    }
    Signature signature = signatures.verify(actor, password, SIGNATURE_MEANING,
        "randomization of " + h.participant().screeningNumber(), ENTITY, participantId, site);
    return allocate(actor, participantId, confirmFactors, signature);
  }

  /** The signatures of the participant's randomization (one, for a signed randomization), oldest first. */
  public List<Signature> signatures(String participantId) {
    return signatures.forRecord(ENTITY, participantId);
  }

  private RandomizationRecord allocate(
      Actor actor, String participantId, Map<String, String> confirmFactors, Signature signature) {
    if (confirmFactors != null) {
      if (confirmFactors.size() > 20) {
        throw new InvalidFieldException("confirmFactors", "has more than 20 entries");
      }
      confirmFactors.forEach((k, v) -> {
        Checks.optional("confirmFactors", k, 64);
        Checks.optional("confirmFactors." + k, v, 64);
      });
    }
    ParticipantHistory h = participants.history(actor, participantId);
    String site = h.participant().siteCode();
    if (!authorisedToRandomize(actor, site)) {
      deny(actor, ParticipantService.ENTITY, participantId, site, "randomize participants of site " + site);
    }
    ensureTrial();
    return tx.execute(s -> {
      RandomizationRepository.ParticipantRow p = repo.lockParticipant(trialId(), participantId)
          .orElseThrow(() -> new RecordNotFoundException(ParticipantService.ENTITY, participantId));
      repo.find(participantId).ifPresent(r -> {
        throw new ConflictException("participant", "the participant is already randomized (#" + r.sequence()
            + ", " + r.arm() + "); a wrong stratum is corrected by a deviation note, not by randomizing again");
      });
      if (!ParticipantStatus.CONSENTED.name().equals(p.status())) {
        throw new ConflictException("status", "only a consented participant can be randomized; this one is "
            + p.status());
      }
      ScreeningVersion latest = latest(h);
      if (latest.version() != p.screeningVersion()) {
        throw new ConflictException("screeningVersion", "the screening changed while randomizing; preview again");
      }
      if (!"ELIGIBLE".equals(latest.verdict())) {
        throw new InvalidFieldException("eligibility", "the latest screening (version " + latest.version() + ") is "
            + latest.verdict() + ", not ELIGIBLE");
      }
      ScreeningFacts.Reading reading = screeningFacts.read(latest.recordJson());
      if (reading.levels() == null) {
        ScreeningFacts.Blocker first = reading.blockers().get(0);
        throw new InvalidFieldException(first.field(), reading.blockers().stream()
            .map(b -> b.field() + ": " + b.message()).reduce((a, b) -> a + "; " + b).orElseThrow());
      }
      ParticipantFactors levels = reading.levels();
      if (confirmFactors != null && !confirmFactors.equals(levels.levels())) {
        throw new ConflictException("confirmFactors", "the factor levels derived now " + levels.levels()
            + " differ from those confirmed " + confirmFactors + "; preview again");
      }
      RandomizationRepository.TrialRow trial = lockedTrial();
      AllocationStep step = randomizer().allocate(trial.state(), levels);
      Instant now = now();
      PlanView plan = plan(step.allocation().arm(), reading);
      RandomizationRecord r = new RandomizationRecord(participantId, step.allocation().sequence(), site, now,
          actor.username(), latest.version(), levels, step.allocation().stratumKey(), step.allocation().method(),
          step.allocation().basis(), step.allocation().armIndex(), step.allocation().arm(), plan);
      repo.insert(trialId(), r);
      repo.saveState(trialId(), step.state(), now);
      participants.markRandomized(actor, participantId, "randomized #" + r.sequence() + " to " + r.arm());
      record(actor, r, "randomization.sequence", Integer.toString(r.sequence()));
      record(actor, r, "randomization.arm", r.arm());
      record(actor, r, "randomization.stratum", r.stratum());
      record(actor, r, "randomization.factors", AllocationCodec.factors(r.factors()));
      record(actor, r, "randomization.treatmentPlan", plan.summary());
      if (signature != null) {
        signatures.record(signature, ENTITY, participantId, site);
      }
      return r;
    });
  }

  /**
   * The participant's randomization with its deviation notes.
   *
   * @throws RecordNotFoundException when the participant does not exist or is not randomized
   * @throws SiteAccessDeniedException when the actor may not read the participant (audited)
   */
  public Randomized find(Actor actor, String participantId) {
    participants.history(actor, participantId);
    RandomizationRecord r = repo.find(participantId)
        .orElseThrow(() -> new RecordNotFoundException("randomization of participant", participantId));
    return new Randomized(r, repo.deviations(participantId));
  }

  /**
   * A randomization record with its deviation notes.
   *
   * @param record the record
   * @param deviations the notes, oldest first
   */
  public record Randomized(RandomizationRecord record, List<Deviation> deviations) {}

  /**
   * Records a deviation note on a randomization; the record itself never changes.
   *
   * @throws InvalidFieldException when the note is blank or too long
   * @throws ConflictException when the participant is not randomized
   * @throws SiteAccessDeniedException unless the actor may change participants of the site (audited)
   */
  public Deviation noteDeviation(Actor actor, String participantId, String note) {
    Checks.required("note", note, MAX_NOTE);
    ParticipantHistory h = participants.history(actor, participantId);
    String site = h.participant().siteCode();
    if (!RandomizationAccess.canNoteDeviation(actor, site)) {
      deny(actor, ParticipantService.ENTITY, participantId, site, "record deviations at site " + site);
    }
    return tx.execute(s -> {
      repo.lockParticipant(trialId(), participantId);
      RandomizationRecord r = repo.find(participantId).orElseThrow(() -> new ConflictException("participant",
          "the participant is not randomized; a deviation note documents a randomization"));
      Deviation d = new Deviation(repo.deviations(participantId).size() + 1, note, now(), actor.username());
      repo.insertDeviation(participantId, d);
      audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, ParticipantService.ENTITY, participantId,
          "randomization.deviation[" + d.seq() + "]", null, note, null, r.siteCode()));
      return d;
    });
  }

  /** Creates the trial's state row and secret seed on first use; a concurrent creator wins harmlessly. */
  void ensureTrial() {
    if (repo.trialExists(trialId())) {
      return;
    }
    SecretSeed seed = SecretSeed.generate(random);
    try {
      tx.executeWithoutResult(s -> {
        repo.insertTrial(trialId(), scheme.method().methodName(), scheme.toString(),
            RandomizationState.empty(scheme.ratio().armCount()), seed.toHex(), seed.fingerprint(), now());
        audit.record(new AuditEntry("system", AuditAction.CREATE, ENTITY, trialId(), "seed", null,
            "generated; fingerprint " + seed.fingerprint(), null, null));
        audit.record(new AuditEntry("system", AuditAction.CREATE, ENTITY, trialId(), "scheme", null,
            scheme.toString(), null, null));
      });
    } catch (DataIntegrityViolationException e) {
      if (!repo.trialExists(trialId())) {
        throw e;
      }
    }
  }

  /** The trial's state row, locked; refuses a server configured with another scheme than the trial started with. */
  RandomizationRepository.TrialRow lockedTrial() {
    RandomizationRepository.TrialRow t = repo.lockTrial(trialId())
        .orElseThrow(() -> new IllegalStateException("the randomization state of " + trialId() + " is missing"));
    requireSameScheme(t);
    return t;
  }

  void requireSameScheme(RandomizationRepository.TrialRow t) {
    if (!t.scheme().equals(scheme.toString())) {
      throw new ConflictException("randomization.method", "the trial randomizes with " + t.method()
          + " as first configured; this server is configured differently (" + scheme.method().methodName()
          + " or other parameters)");
    }
  }

  /** The randomizer keyed with the stored seed; built once. */
  Randomizer randomizer() {
    Randomizer r = randomizer;
    if (r == null) {
      r = Randomizers.create(scheme, SecretSeed.fromHex(repo.seedHex(trialId())));
      randomizer = r;
    }
    return r;
  }

  RandomizationRepository repository() {
    return repo;
  }

  TransactionTemplate tx() {
    return tx;
  }

  TrialAudit audit() {
    return audit;
  }

  void deny(Actor actor, String type, String id, String siteCode, String what) {
    throw denials.refuse(actor, type, id, siteCode, actor.role() + " may not " + what,
        "a " + actor.role().name().toLowerCase(java.util.Locale.ROOT) + " may not " + what);
  }

  private boolean authorisedToRandomize(Actor actor, String site) {
    return RandomizationAccess.canRandomize(actor, site) && AccessPolicy.canWrite(actor, site);
  }

  private List<FactorLevelView> labelled(ParticipantFactors levels) {
    List<FactorLevelView> out = new ArrayList<>();
    for (org.oligotrial.protocol.StratificationFactor f : protocol.stratification()) {
      String level = levels.levels().get(f.id());
      String label = f.levels().stream().filter(l -> l.code().equals(level)).map(FactorLevel::label).findFirst()
          .orElse(level);
      out.add(new FactorLevelView(f.id(), f.name(), level, label));
    }
    return out;
  }

  private PlanView plan(String arm, ScreeningFacts.Reading reading) {
    return PlanView.of(TreatmentPlanner.plan(protocol, arm, reading.regimen()));
  }

  private static ScreeningVersion latest(ParticipantHistory h) {
    List<ScreeningVersion> s = h.screenings();
    ScreeningVersion v = s.get(s.size() - 1);
    if (v.version() != h.participant().screeningVersion()) {
      throw new ConflictException("screeningVersion", "the screening changed while reading; try again");
    }
    return v;
  }

  /** The method of a randomization carried by an imported file. */
  public static final String IMPORTED = "imported";

  /**
   * Records a randomization carried by an imported ODM file (docs/cdisc.md, "Import"): arm and factor levels as the
   * file gives them, method {@value #IMPORTED}, a negative sequence number (-1, -2, ... in import order: outside the
   * sealed list's positions, so the list is neither consumed nor filled in), no draw, the basis naming the file;
   * the allocation state (allocated count, minimization counts) is untouched. The participant moves to RANDOMIZED in
   * the same transaction, and the record is audited as a typed one is (so the state replay finds its history).
   * Nothing is written when the participant is already randomized (returns false).
   *
   * @param date the randomization date the file gives (recorded at 00:00 UTC of that day)
   * @param source the file and its FileOID
   * @throws InvalidFieldException naming {@code arm} (not an arm of the protocol) or {@code strata}
   * @throws ConflictException when the participant is not consented
   */
  public boolean recordImported(Actor actor, String participantId, String arm, Map<String, String> strata,
      java.time.LocalDate date, String source) {
    Checks.required("arm", arm, 32);
    int armIndex = protocol.arms().stream().map(org.oligotrial.protocol.Arm::id).toList().indexOf(arm);
    if (armIndex < 0) {
      throw new InvalidFieldException("arm", "'" + arm + "' is not an arm of protocol " + protocol.id());
    }
    ParticipantHistory h = participants.history(actor, participantId);
    String site = h.participant().siteCode();
    if (!AccessPolicy.canWrite(actor, site)) {
      deny(actor, ParticipantService.ENTITY, participantId, site, "import randomizations of site " + site);
    }
    ensureTrial();
    return Boolean.TRUE.equals(tx.execute(s -> {
      repo.lockParticipant(trialId(), participantId)
          .orElseThrow(() -> new RecordNotFoundException(ParticipantService.ENTITY, participantId));
      if (repo.exists(participantId)) {
        return false;
      }
      ScreeningVersion latest = latest(h);
      ParticipantFactors levels = new ParticipantFactors(strata);
      String stratum;
      try {
        stratum = scheme.stratumKey(levels);
      } catch (RuntimeException e) {
        throw new InvalidFieldException("strata", "factor levels " + strata + " are not the scheme's: "
            + e.getMessage());
      }
      PlanView plan = plan(arm, screeningFacts.read(latest.recordJson()));
      int sequence = repo.nextImportedSequence(trialId());
      Instant at = date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      repo.insertImported(trialId(), participantId, sequence, site, at, actor.username(), latest.version(), levels,
          stratum, IMPORTED, source, armIndex, arm, plan);
      participants.markRandomized(actor, participantId, "imported randomization to " + arm + " (" + source + ")");
      RandomizationRecord r = new RandomizationRecord(participantId, sequence, site, at, actor.username(),
          latest.version(), levels, stratum, IMPORTED, null, armIndex, arm, plan);
      record(actor, r, "randomization.sequence", Integer.toString(sequence));
      record(actor, r, "randomization.arm", arm);
      record(actor, r, "randomization.stratum", stratum);
      record(actor, r, "randomization.factors", AllocationCodec.factors(levels));
      record(actor, r, "randomization.treatmentPlan", plan.summary());
      record(actor, r, "randomization.method", IMPORTED + " from " + source);
      return true;
    }));
  }

  private void record(Actor actor, RandomizationRecord r, String field, String value) {
    audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, ParticipantService.ENTITY, r.participantId(),
        field, null, value, null, r.siteCode()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
