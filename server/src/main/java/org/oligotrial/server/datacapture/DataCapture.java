package org.oligotrial.server.datacapture;

import java.time.Clock;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.datacapture.endpoints.EndpointService;
import org.oligotrial.server.datacapture.endpoints.Rederivation;
import org.oligotrial.server.datacapture.forms.FormService;
import org.oligotrial.server.datacapture.queries.AlertService;
import org.oligotrial.server.datacapture.queries.QueryService;
import org.oligotrial.server.datacapture.visits.VisitService;
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

  private DataCapture(Register r, Protocol protocol, RandomizationFacts randomization, Clock clock) {
    SiteGuard guard = new SiteGuard(r.jdbc(), r.audit());
    this.queries = new QueryService(r.jdbc(), r.tx(), r.audit(), guard, protocol, clock);
    this.alerts = new AlertService(r.jdbc(), r.audit(), clock);
    this.endpoints = new EndpointService(r.jdbc(), r.audit(), guard, protocol, randomization, clock);
    this.rederivation = new Rederivation(r.jdbc(), r.audit(), endpoints, r.participants(), queries, protocol,
        clock);
    this.forms = new FormService(r.jdbc(), r.tx(), r.audit(), guard, protocol, randomization, queries, alerts,
        r.signatures(), clock, (form, randomized, trigger) -> {
          if (randomized != null) {
            rederivation.after(randomized, form.siteCode(), trigger);
          }
        });
    // a withdrawal recorded as a status change censors the endpoints at once, not at the next saved form
    r.participants().onChange((participantId, siteCode, trigger) -> randomization.find(participantId)
        .ifPresent(randomized -> rederivation.after(randomized, siteCode, trigger)));
    this.visits = new VisitService(r.jdbc(), guard, protocol, randomization, clock);
  }

  /** Data capture on the register with the protocol, randomization records and clock given. */
  public static DataCapture on(Register r, Protocol protocol, RandomizationFacts randomization, Clock clock) {
    return new DataCapture(r, protocol, randomization, clock);
  }

  /** Data capture with the bundled protocol and the randomization table of the register's database. */
  public static DataCapture on(Register r, Clock clock) {
    return on(r, org.oligotrial.protocol.ProtocolLoader.bundled(), new JdbcRandomizationFacts(r.jdbc()), clock);
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
