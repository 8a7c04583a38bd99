package org.oligotrial.server.web;

import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.security.CurrentActor;
import org.springframework.stereotype.Component;

/** Role checks of the web pages that the register's services do not make themselves; every refusal is audited. */
@Component
public class WebAccess {
  private final CurrentActor current;
  private final AccessDenials denials;

  WebAccess(CurrentActor current, AuditTrail audit) {
    this.current = current;
    this.denials = new AccessDenials(audit);
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
      throw denials.refuse(a, "page", page, null, a.role() + " may not open " + page,
          "a " + Me.of(a).roleLabel() + " may not open this page");
    }
    return a;
  }
}
