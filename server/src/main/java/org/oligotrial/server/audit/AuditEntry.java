package org.oligotrial.server.audit;

import java.util.Objects;

/**
 * One fact to be appended to the trail: who did what to which record and field, the old and new value (as text, null
 * when absent) and the reason for the change.
 *
 * @param actor the username (or {@code cli:<os user>} for operator commands); never null
 * @param action the kind of event; never null
 * @param entityType the record type, e.g. {@code participant}; never null
 * @param entityId the record's identifier; never null
 * @param field the field changed, or null for events about the whole record
 * @param oldValue the value before, or null
 * @param newValue the value after, or null
 * @param reason the reason for change; required by the services for any change after the first save
 * @param siteCode the site the record belongs to, or null
 * @param trialId the trial the record belongs to, or null for server-wide events (users, sites, sign-ins) and for rows
 *     chained before the server held several trials (V60), which belong to the default trial
 */
public record AuditEntry(
    String actor,
    AuditAction action,
    String entityType,
    String entityId,
    String field,
    String oldValue,
    String newValue,
    String reason,
    String siteCode,
    String trialId) {
  public AuditEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
  }

  /** An entry of no trial (server-wide, or of a service that names its trial with {@link #inTrial}). */
  public AuditEntry(String actor, AuditAction action, String entityType, String entityId, String field,
      String oldValue, String newValue, String reason, String siteCode) {
    this(actor, action, entityType, entityId, field, oldValue, newValue, reason, siteCode, null);
  }

  /** The same entry about a record of trial {@code trial} (null: of no trial). */
  public AuditEntry inTrial(String trial) {
    return new AuditEntry(actor, action, entityType, entityId, field, oldValue, newValue, reason, siteCode, trial);
  }
}
