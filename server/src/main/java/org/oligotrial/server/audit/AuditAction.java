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
  /** The audit trail itself was found tampered with: a staged row without a valid MAC, history unlike a checkpoint. */
  TAMPER_ALARM,
  /** An electronic signature (21 CFR 11.50): signer, printed name, meaning and time in the new value. */
  SIGN,
  /**
   * A value the system derived from entered data (a participant's status, an endpoint, a reconciliation query
   * opened or closed): the actor is {@code system} and the reason names the change that triggered it.
   */
  DERIVE
}
