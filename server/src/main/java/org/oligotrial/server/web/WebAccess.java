package org.oligotrial.server.web;

import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.security.CurrentActor;
import org.springframework.stereotype.Component;

/** Role checks of the web pages that the register's services do not make themselves; every refusal is audited. */
@Component
public class WebAccess {
  private final CurrentActor current;
  private final AuditTrail audit;

  WebAccess(CurrentActor current, AuditTrail audit) {
    this.current = current;
    this.audit = audit;
  }

  /** The signed-in actor. */
  public Actor actor() {
    return current.get();
  }

  /**
   * The signed-in actor when {@code allowed}; otherwise audits ACCESS_DENIED for {@code page} and throws.
   *
   * @throws SiteAccessDeniedException when not allowed
   */
  public Actor require(boolean allowed, Actor a, String page) {
    if (!allowed) {
      audit.recordNow(new AuditEntry(a.username(), AuditAction.ACCESS_DENIED, "page", page, null, null, null,
          a.role() + " may not open " + page, null));
      throw new SiteAccessDeniedException("a " + Me.of(a).roleLabel() + " may not open this page");
    }
    return a;
  }
}
