package org.oligotrial.server.audit;

import java.util.List;
import java.util.Objects;

/**
 * The audit trail as a service of one trial writes to it: every entry is stamped with the trial ({@link
 * AuditEntry#inTrial}) before it is staged, so that the trial is part of the row and of its hash. Reads are the
 * trail's. Thread-safe.
 */
public final class TrialAudit {
  private final AuditTrail trail;
  private final String trialId;

  public TrialAudit(AuditTrail trail, String trialId) {
    this.trail = Objects.requireNonNull(trail, "trail");
    this.trialId = Objects.requireNonNull(trialId, "trialId");
  }

  /** The trial the entries are stamped with. */
  public String trialId() {
    return trialId;
  }

  /** The whole trail. */
  public AuditTrail trail() {
    return trail;
  }

  /** {@link AuditTrail#record} with the trial. */
  public void record(AuditEntry entry) {
    trail.record(entry.inTrial(trialId));
  }

  /** {@link AuditTrail#recordNow} with the trial. */
  public void recordNow(AuditEntry entry) {
    trail.recordNow(entry.inTrial(trialId));
  }

  /** {@link AuditTrail#writeAudited} with the trial on every entry. */
  public void writeAudited(List<AuditTrail.Statement> statements, List<AuditEntry> entries) {
    trail.writeAudited(statements, entries.stream().map(e -> e.inTrial(trialId)).toList());
  }

  /** {@link AuditTrail#forRecord}. */
  public List<AuditEvent> forRecord(String entityType, String entityId) {
    return trail.forRecord(entityType, entityId);
  }

  /** {@link AuditTrail#forRecordAsCommitted}. */
  public List<AuditEvent> forRecordAsCommitted(String entityType, String entityId) {
    return trail.forRecordAsCommitted(entityType, entityId);
  }
}
