package org.oligotrial.server.datacapture;

import java.time.Clock;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.datacapture.casebook.CasebookService;
import org.oligotrial.server.datacapture.endpoints.EndpointService;
import org.oligotrial.server.datacapture.endpoints.Rederivation;
import org.oligotrial.server.datacapture.forms.FormDates;
import org.oligotrial.server.datacapture.forms.FormService;
import org.oligotrial.server.datacapture.queries.AlertService;
import org.oligotrial.server.datacapture.queries.QueryService;
import org.oligotrial.server.datacapture.safety.SeriousEvents;
import org.oligotrial.server.datacapture.visits.VisitService;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.JdbcRandomizationFacts;
import org.oligotrial.server.randomization.RandomizationFacts;
import org.oligotrial.server.register.Register;

/**
 * Data capture on a register's database: visits, forms, queries, alerts and endpoints, sharing the register's
 * transactions and audit trail, so the same objects serve the web server, the operator commands and the tests.
 * Thread-safe.
 */
public final class DataCapture {
  private final VisitService visits;
  private final FormService forms;
  private final QueryService queries;
  private final AlertService alerts;
  private final EndpointService endpoints;
  private final Rederivation rederivation;
  private final String trialId;
  private final Protocol protocol;
  private final CasebookService casebook;
  private final SeriousEvents seriousEvents;

  private DataCapture(Register r, Protocol protocol, int protocolVersion, RandomizationFacts randomization,
      Clock clock) {
    this.trialId = protocol.id();
    this.protocol = protocol;
    TrialAudit audit = new TrialAudit(r.audit(), trialId);
    ParticipantService participants = r.participants(trialId);
    SiteGuard guard = new SiteGuard(r.jdbc(), audit);
    this.queries = new QueryService(r.jdbc(), r.tx(), audit, guard, protocol, clock);
    this.alerts = new AlertService(r.jdbc(), audit, clock);
    this.endpoints = new EndpointService(r.jdbc(), audit, guard, protocol, randomization, r.results(), clock);
    this.rederivation = new Rederivation(r.jdbc(), audit, endpoints, participants, queries, protocol,
        clock);
    this.forms = new FormService(r.jdbc(), r.tx(), audit, guard, protocol, randomization, queries, alerts,
        r.signatures(), clock, (form, randomized, trigger) -> {
          if (randomized != null) {
            rederivation.after(randomized, form.siteCode(), trigger);
          }
        }, protocolVersion, r.sites()::timeZones);
    // a withdrawal recorded as a status change censors the endpoints at once, not at the next saved form
    participants.onChange((participantId, siteCode, trigger) -> randomization.find(participantId)
        .ifPresent(randomized -> rederivation.after(randomized, siteCode, trigger)));
    // consent and withdrawal dates are checked against the randomization and the forms (the date of death)
    org.oligotrial.server.dates.DateSource randomized = FormService.randomizationDate(randomization);
    FormDates formDates = new FormDates(r.jdbc(), trialId);
    participants.datesHeldElsewhere(new org.oligotrial.server.dates.ParticipantDatesReader(
        java.util.List.of(randomized, formDates))::read);
    this.visits = new VisitService(r.jdbc(), guard, protocol, randomization, clock);
    this.casebook = new CasebookService(r.jdbc(), trialId, protocol, visits, forms.verification());
    this.seriousEvents = new SeriousEvents(r.jdbc(), trialId, clock, r.sites()::timeZones);
  }

  /**
   * Data capture of the trial of {@code protocol} (the trial's id is the protocol's) with the randomization records
   * and clock given; forms are made under the trial's version current now.
   */
  public static DataCapture on(Register r, Protocol protocol, RandomizationFacts randomization, Clock clock) {
    return new DataCapture(r, protocol, r.trials().current(protocol.id()).version(), randomization, clock);
  }

  /** Data capture of a trial under one of its protocol versions, with the trial's randomization records. */
  public static DataCapture on(Register r, Protocol protocol, int protocolVersion, Clock clock) {
    return new DataCapture(r, protocol, protocolVersion, new JdbcRandomizationFacts(r.jdbc(), protocol.id()), clock);
  }

  /** Data capture of the default trial under its current protocol version, with its randomization records. */
  public static DataCapture on(Register r, Clock clock) {
    org.oligotrial.server.trial.Trial t = r.trials().defaultTrial();
    return on(r, t.protocol(), t.current().version(), clock);
  }

  /** The protocol (of the trial's version) these forms, visits, checks and endpoints follow. */
  public Protocol protocol() {
    return protocol;
  }

  /** The trial whose data these are. */
  public String trialId() {
    return trialId;
  }

  /** Participants' casebooks: visits by forms with each form's status. */
  public CasebookService casebook() {
    return casebook;
  }

  /** Serious adverse events with their reporting clock, for the site's alert. */
  public SeriousEvents seriousEvents() {
    return seriousEvents;
  }

  public VisitService visits() {
    return visits;
  }

  public FormService forms() {
    return forms;
  }

  public QueryService queries() {
    return queries;
  }

  public AlertService alerts() {
    return alerts;
  }

  public EndpointService endpoints() {
    return endpoints;
  }

  /** What follows any change to clinical data: endpoints and status derived again, audited. */
  public Rederivation rederivation() {
    return rederivation;
  }
}
