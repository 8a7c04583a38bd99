package org.oligotrial.server.audit;

/** What an audit event records. */
public enum AuditAction {
  CREATE,
  UPDATE,
  DELETE,
  LOGIN,
  LOGIN_FAILED,
  ACCESS_DENIED,
  EXPORT,
  /**
   * A value the system derived from entered data (a participant's status, an endpoint, a reconciliation query
   * opened or closed): the actor is {@code system} and the reason names the change that triggered it.
   */
  DERIVE
}
