package org.oligotrial.server.audit;

/** What an audit event records. */
public enum AuditAction {
  CREATE,
  UPDATE,
  DELETE,
  LOGIN,
  LOGIN_FAILED,
  ACCESS_DENIED,
  EXPORT
}
