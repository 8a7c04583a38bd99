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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Endpoints derived from the stored forms and randomization records ({@link HistoryBuilder}, then the core
 * {@link EndpointDerivation}), per participant and as the analysis dataset (one {@link AnalysisRow} per randomized
 * participant). A participant whose forms contradict each other is left out of the dataset and named in
 * {@link Dataset#excluded()}. Thread-safe.
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

  public EndpointService(JdbcClient jdbc, TrialAudit audit, SiteGuard guard, Protocol protocol,
      RandomizationFacts randomization, Clock clock) {
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
   * @param factors the protocol's stratification factors: the dataset's strata columns
   * @param rows one row per participant whose endpoints could be derived, in randomization order
   * @param excluded "participant id: problem" for each participant left out
   */
  public record Dataset(List<StratificationFactor> factors, List<AnalysisRow> rows, List<String> excluded) {
    /** The dataset as CSV ({@link AnalysisCsv}), with one strata column per factor of the protocol. */
    public String toCsv() {
      return AnalysisCsv.toCsv(factors, rows);
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

  /** The dataset for a statistician; audited as an export. Others are refused (403, audited). */
  public Dataset export(Actor actor) {
    if (!AccessPolicy.canExport(actor)) {
      guard.deny(actor, "*", "export", "analysis-dataset", "export the analysis dataset");
    }
    Dataset d = dataset();
    audit.recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, "export", "analysis-dataset", null, null,
        d.rows().size() + " participants" + (d.excluded().isEmpty() ? "" : ", " + d.excluded().size() + " excluded"),
        null, null));
    return d;
  }

  /**
   * Toxicity and compliance by arm for a statistician (audited as an export): participants by worst CTCAE grade per
   * term ({@link ToxicitySummary#byArm}) and planned versus delivered cycles and fractions
   * ({@link ComplianceSummary#byArm}), over every participant whose endpoints could be derived.
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
    List<ParticipantEndpoints> all = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (Randomized r : randomization.all()) {
      try {
        all.add(derivation.derive(history(r)));
      } catch (InvalidHistoryException e) {
        excluded.add(r.participantId() + ": " + e.getMessage());
      }
    }
    audit.recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, "export", "toxicity-compliance", null, null,
        all.size() + " participants", null, null));
    return new Safety(ToxicitySummary.byArm(all), ComplianceSummary.byArm(all), excluded);
  }

  /** The protocol's stratification factors, the dataset's strata columns. */
  public List<StratificationFactor> factors() {
    return factors;
  }

  /** The dataset without an actor: for the operator command, which audits it itself. */
  public Dataset dataset() {
    List<AnalysisRow> rows = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (Randomized r : randomization.all()) {
      try {
        rows.add(AnalysisRow.of(derivation.derive(history(r)), factors));
      } catch (InvalidHistoryException e) {
        excluded.add(r.participantId() + ": " + e.getMessage());
      }
    }
    return new Dataset(factors, rows, excluded);
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
