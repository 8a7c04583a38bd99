package org.oligotrial.server.datacapture.endpoints;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.ComplianceSummary;
import org.oligotrial.endpoints.EndpointDerivation;
import org.oligotrial.endpoints.InvalidHistoryException;
import org.oligotrial.endpoints.ParticipantEndpoints;
import org.oligotrial.endpoints.ParticipantHistory;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.ToxicitySummary;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.randomization.StratificationFactor;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.datacapture.SiteGuard;
import org.oligotrial.server.datacapture.forms.FormRepository;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.participant.JdbcParticipantReads;
import org.oligotrial.server.participant.Withdrawal;
import org.oligotrial.server.randomization.RandomizationFacts;
import org.oligotrial.server.randomization.Randomized;
import org.oligotrial.server.trial.ResultsRelease;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Endpoints derived from the stored forms and randomization records ({@link HistoryBuilder}, then the core
 * {@link EndpointDerivation}), per participant and as the analysis dataset (one {@link AnalysisRow} per randomized
 * participant). A participant whose forms contradict each other is left out of the dataset and named in
 * {@link Dataset#excluded()}. Thread-safe.
 *
 * <p>Blinding ({@link AccessPolicy#seesByArm}): the dataset, toxicity and compliance are given by arm to a DSMB
 * member, and to the statistician once the trial's comparative results are released
 * ({@link org.oligotrial.server.trial.ResultsRelease}); before that the statistician receives them pooled: every
 * row's arm is {@link #POOLED}, the CSV has no arm and no compliance column ({@link AnalysisCsv#writePooled}), and
 * toxicity and compliance are one group of every participant. The pooling happens here, in the service, so no page
 * or download can show what its caller may not see. Every call is audited with which of the two it gave.
 */
public final class EndpointService {
  private final JdbcClient jdbc;
  private final TrialAudit audit;
  private final SiteGuard guard;
  private final RandomizationFacts randomization;
  private final FormRepository forms;
  private final HistoryBuilder builder;
  private final EndpointDerivation derivation;
  private final List<StratificationFactor> factors;
  private final Clock clock;
  private final Protocol protocol;
  private final ResultsRelease release;

  /** The arm of every row, toxicity and compliance group of pooled results. */
  public static final String POOLED = "all";

  /** @param release whether the trial's comparative results are released (the statistician then sees them by arm) */
  public EndpointService(JdbcClient jdbc, TrialAudit audit, SiteGuard guard, Protocol protocol,
      RandomizationFacts randomization, ResultsRelease release, Clock clock) {
    this.protocol = protocol;
    this.release = release;
    this.jdbc = jdbc;
    this.audit = audit;
    this.guard = guard;
    this.randomization = randomization;
    this.forms = new FormRepository(jdbc, audit.trialId());
    this.builder = new HistoryBuilder(protocol);
    this.factors = ProtocolRandomization.factors(protocol);
    this.derivation = new EndpointDerivation(protocol); // every time-to-event endpoint the protocol declares
    this.clock = clock;
  }

  /**
   * The analysis dataset.
   *
   * @param protocol the protocol whose time-to-event endpoints are the dataset's endpoint columns
   * @param factors the protocol's stratification factors: the dataset's strata columns
   * @param rows one row per participant whose endpoints could be derived, in randomization order (pooled: every
   *     arm is {@link #POOLED})
   * @param excluded "participant id: problem" for each participant left out
   * @param byArm whether the rows hold the arms; false for the pooled dataset
   */
  public record Dataset(Protocol protocol, List<StratificationFactor> factors, List<AnalysisRow> rows,
      List<String> excluded, boolean byArm) {
    /**
     * The dataset as CSV: {@link AnalysisCsv#write(Protocol, List, List, java.io.Writer)} by arm, else
     * {@link AnalysisCsv#writePooled}.
     */
    public String toCsv() {
      return byArm ? AnalysisCsv.toCsv(protocol, factors, rows) : AnalysisCsv.toCsvPooled(protocol, factors, rows);
    }
  }

  /**
   * The dataset and the safety tables of one derivation (each participant's endpoints derived once).
   *
   * @param dataset the analysis dataset
   * @param safety toxicity and compliance
   */
  public record Analysis(Dataset dataset, Safety safety) {
    /** Whether both are by arm. */
    public boolean byArm() {
      return dataset.byArm();
    }
  }

  /** One participant's endpoints. @throws InvalidFieldException (422) when the forms contradict each other */
  public ParticipantEndpoints forParticipant(Actor actor, String participantId) {
    String site = guard.siteOf(participantId);
    guard.read(actor, site, "participant", participantId);
    Randomized r = randomization.find(participantId).orElseThrow(() -> new ConflictException("participantId",
        "the participant is not randomized: endpoints count from the randomization date"));
    try {
      return derivation.derive(history(r));
    } catch (InvalidHistoryException e) {
      throw new InvalidFieldException("forms", "the participant's forms contradict each other: " + e.getMessage());
    }
  }

  /**
   * The dataset for a statistician, by arm once the trial's results are released, else pooled; audited as an export.
   * Others are refused (403, audited).
   */
  public Dataset export(Actor actor) {
    if (!AccessPolicy.canExport(actor)) {
      guard.deny(actor, "*", "export", "analysis-dataset", "export the analysis dataset");
    }
    Derived all = deriveAll();
    boolean byArm = AccessPolicy.seesByArm(actor, released());
    Dataset d = all.dataset(this, byArm);
    audit.recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, "export", "analysis-dataset", null, null,
        d.rows().size() + " participants" + (d.excluded().isEmpty() ? "" : ", " + d.excluded().size() + " excluded")
            + (byArm ? ", by arm" : ", pooled"), null, null));
    return d;
  }

  /**
   * Toxicity and compliance for a statistician (audited as an export): participants by worst CTCAE grade per
   * term ({@link ToxicitySummary#byArm}) and planned versus delivered cycles and fractions
   * ({@link ComplianceSummary#byArm}), over every participant whose endpoints could be derived; by arm, or one
   * {@link #POOLED} group before the trial's results are released.
   *
   * @param toxicity one row per arm and term
   * @param compliance one row per arm
   * @param excluded participants left out, as in {@link Dataset#excluded()}
   */
  public record Safety(List<ToxicitySummary.ArmTerm> toxicity, List<ComplianceSummary.ArmCompliance> compliance,
      List<String> excluded) {}

  /** The toxicity and compliance tables. Others than statisticians are refused (403, audited). */
  public Safety safety(Actor actor) {
    if (!AccessPolicy.canExport(actor)) {
      guard.deny(actor, "*", "export", "toxicity-compliance", "export toxicity and compliance by arm");
    }
    Derived all = deriveAll();
    boolean byArm = AccessPolicy.seesByArm(actor, released());
    audit.recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, "export", "toxicity-compliance", null, null,
        all.endpoints().size() + " participants" + (byArm ? ", by arm" : ", pooled"), null, null));
    return all.safety(byArm);
  }

  /**
   * The dataset and the safety tables from one derivation, for the reports: the statistician (by arm once released,
   * else pooled) and DSMB members (by arm). Audited once as an export of {@code analysis}; others are refused (403,
   * audited).
   */
  public Analysis analysis(Actor actor) {
    if (!AccessPolicy.canExport(actor) && !AccessPolicy.canSeeComparative(actor)) {
      guard.deny(actor, "*", "export", "analysis", "read the trial's results");
    }
    Derived all = deriveAll();
    boolean byArm = AccessPolicy.seesByArm(actor, released());
    Dataset d = all.dataset(this, byArm);
    audit.recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, "export", "analysis", null, null,
        d.rows().size() + " participants" + (d.excluded().isEmpty() ? "" : ", " + d.excluded().size() + " excluded")
            + (byArm ? ", by arm" : ", pooled"), null, null));
    return new Analysis(d, all.safety(byArm));
  }

  /**
   * The dataset by arm for an interim look, which compares the arms (a DSMB member or the statistician,
   * {@link AccessPolicy#canRecordLook}); the look's result goes to the DSMB report, not to the caller. Audited as an
   * export of {@code interim-look}; others are refused (403, audited).
   */
  public Dataset forInterimLook(Actor actor) {
    if (!AccessPolicy.canRecordLook(actor)) {
      guard.deny(actor, "*", "export", "interim-look", "derive the dataset of an interim look");
    }
    Dataset d = deriveAll().dataset(this, true);
    audit.recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, "export", "interim-look", null, null,
        d.rows().size() + " participants, by arm, for an interim look", null, null));
    return d;
  }

  /** Whether the trial's comparative results are released. */
  public boolean released() {
    return release.released(audit.trialId());
  }

  /** The trial's release of its comparative results, or empty while they are not released. */
  public java.util.Optional<ResultsRelease.Released> release() {
    return release.of(audit.trialId());
  }

  /** The protocol whose endpoints are derived. */
  public Protocol protocol() {
    return protocol;
  }

  /** The protocol's stratification factors, the dataset's strata columns. */
  public List<StratificationFactor> factors() {
    return factors;
  }

  /** The dataset by arm without an actor: for the operator commands, which audit it themselves. */
  public Dataset dataset() {
    return deriveAll().dataset(this, true);
  }

  /** Every randomized participant's endpoints, derived once; those whose forms contradict each other left out. */
  private Derived deriveAll() {
    List<ParticipantEndpoints> derived = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (Randomized r : randomization.all()) {
      try {
        derived.add(derivation.derive(history(r)));
      } catch (InvalidHistoryException e) {
        excluded.add(r.participantId() + ": " + e.getMessage());
      }
    }
    return new Derived(derived, excluded);
  }

  /** One derivation of every participant, and what it gives by arm or pooled. */
  private record Derived(List<ParticipantEndpoints> endpoints, List<String> excluded) {
    Dataset dataset(EndpointService s, boolean byArm) {
      List<AnalysisRow> rows = new ArrayList<>();
      for (ParticipantEndpoints e : endpoints) {
        AnalysisRow r = AnalysisRow.of(e, s.factors);
        rows.add(byArm ? r : r.withArm(POOLED));
      }
      return new Dataset(s.protocol, s.factors, rows, excluded, byArm);
    }

    Safety safety(boolean byArm) {
      List<ToxicitySummary.ArmTerm> toxicity = ToxicitySummary.byArm(endpoints);
      List<ComplianceSummary.ArmCompliance> compliance = ComplianceSummary.byArm(endpoints);
      return byArm ? new Safety(toxicity, compliance, excluded)
          : new Safety(PooledResults.toxicity(toxicity, endpoints.size()), PooledResults.compliance(compliance),
              excluded);
    }
  }

  /**
   * The endpoints of a randomized participant from forms already read, for {@link Rederivation} in the
   * transaction of a change.
   *
   * @param registerWithdrawal the withdrawal date in the register, or null
   * @throws InvalidHistoryException when the forms contradict each other
   */
  ParticipantEndpoints derive(Randomized r, List<org.oligotrial.server.datacapture.forms.StoredForm> stored,
      LocalDate registerWithdrawal) {
    return derivation.derive(builder.build(r, stored, registerWithdrawal, LocalDate.now(clock)));
  }

  private ParticipantHistory history(Randomized r) {
    LocalDate withdrawal = new JdbcParticipantReads(jdbc, audit.trialId()).withdrawal(r.participantId()).map(Withdrawal::date)
        .orElse(null);
    return builder.build(r, forms.ofParticipant(r.participantId()), withdrawal, LocalDate.now(clock));
  }
}
