package org.oligotrial.server.datacapture;

import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.participant.JdbcParticipantReads;
import org.oligotrial.server.participant.ParticipantReads;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register's site boundary and roles applied to data capture. Reading follows {@link AccessPolicy#canRead};
 * entering forms and answering queries {@link AccessPolicy#canWrite} (investigators, coordinators, data managers at
 * their sites); signing needs an investigator, locking a data manager, raising a query a data manager or monitor,
 * each at their own sites. Every refusal is audited ({@code ACCESS_DENIED}) and throws
 * {@link SiteAccessDeniedException} (HTTP 403). Thread-safe.
 */
public final class SiteGuard {
  private final ParticipantReads participants;
  private final TrialAudit audit;
  private final AccessDenials denials;

  public SiteGuard(JdbcClient jdbc, TrialAudit audit) {
    this.participants = new JdbcParticipantReads(jdbc, audit.trialId());
    this.audit = audit;
    this.denials = new AccessDenials(audit);
  }

  /** The trial whose participants this guard looks up. */
  public String trialId() {
    return audit.trialId();
  }

  /**
   * The participant's site. @throws RecordNotFoundException for an unknown participant, or one of another trial
   */
  public String siteOf(String participantId) {
    return participants.siteOf(participantId)
        .orElseThrow(() -> new RecordNotFoundException("participant", participantId));
  }

  /** Refuses unless the actor may read the site. */
  public void read(Actor a, String site, String type, String id) {
    if (!AccessPolicy.canRead(a, site)) {
      deny(a, site, type, id, "read");
    }
  }

  /** Refuses unless the actor may enter data at the site. */
  public void write(Actor a, String site, String type, String id) {
    if (!AccessPolicy.canWrite(a, site)) {
      deny(a, site, type, id, "enter data");
    }
  }

  /** Refuses unless the actor has that role and belongs to the site. */
  public void role(Actor a, Role role, String site, String type, String id, String what) {
    if (a.role() != role || !a.sites().contains(site)) {
      deny(a, site, type, id, what);
    }
  }

  /** Refuses unless the actor may raise queries at the site (data managers and monitors of the site). */
  public void raiseQuery(Actor a, String site, String type, String id) {
    if (!((a.role() == Role.DATA_MANAGER || a.role() == Role.MONITOR) && a.sites().contains(site))) {
      deny(a, site, type, id, "raise queries");
    }
  }

  /** Audits and throws; {@code site} is {@code *} for actions not tied to one site (exports). */
  public void deny(Actor a, String site, String type, String id, String what) {
    boolean anySite = "*".equals(site);
    throw denials.refuse(a, type, id, site, a.role() + " may not " + what + " at site " + site,
        "a " + AccessDenials.roleName(a) + " may not " + what
        + (anySite || AccessPolicy.canRead(a, site) ? "" : " at site " + site));
  }
}
