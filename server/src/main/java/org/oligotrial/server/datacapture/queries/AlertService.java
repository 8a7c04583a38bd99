package org.oligotrial.server.datacapture.queries;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Ids;
import org.oligotrial.server.user.SiteStaff;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alerts: a serious adverse event alerts every enabled investigator and data manager of the participant's site (one
 * row each, audited). Users list their own alerts. Thread-safe.
 */
public final class AlertService {
  /** Kind of the alert raised by a serious adverse event. */
  public static final String SERIOUS_ADVERSE_EVENT = "serious-adverse-event";
  private final JdbcClient jdbc;
  private final TrialAudit audit;
  private final Clock clock;

  /** The alerts of the trial of {@code audit}. */
  public AlertService(JdbcClient jdbc, TrialAudit audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Alerts the site's investigators and data managers, inside the caller's transaction; returns the recipients. */
  public List<String> seriousAdverseEvent(Actor by, StoredForm form, String message) {
    // the trial's investigators and data managers at the site (roles per trial, V60)
    List<String> recipients = new SiteStaff(jdbc).investigatorsAndDataManagers(audit.trialId(), form.siteCode());
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    for (String u : recipients) {
      String id = Ids.next();
      jdbc.sql("INSERT INTO crf_alert (id, username, participant_id, site_code, form_id, kind, message, created_at,"
              + " trial_id) VALUES (:id, :u, :p, :site, :form, :kind, :msg, :at, :t)")
          .param("t", audit.trialId())
          .param("id", id).param("u", u).param("p", form.participantId()).param("site", form.siteCode())
          .param("form", form.id()).param("kind", SERIOUS_ADVERSE_EVENT).param("msg", message).param("at", now)
          .update();
      audit.record(new AuditEntry(by.username(), AuditAction.CREATE, "alert", id, "recipient", null, u, message,
          form.siteCode()));
    }
    return recipients;
  }

  /** The actor's alerts of this trial, newest first. */
  public List<Alert> forUser(Actor actor) {
    return jdbc.sql("SELECT * FROM crf_alert WHERE username = :u AND trial_id = :t ORDER BY created_at DESC, id")
        .param("u", actor.username())
        .param("t", audit.trialId())
        .query((rs, n) -> new Alert(rs.getString("id"), rs.getString("username"), rs.getString("participant_id"),
            rs.getString("site_code"), rs.getString("form_id"), rs.getString("kind"), rs.getString("message"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }
}
