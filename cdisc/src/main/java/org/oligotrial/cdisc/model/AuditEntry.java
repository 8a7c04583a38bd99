package org.oligotrial.cdisc.model;

import java.time.Instant;

/**
 * One change of one value, from the audit trail.
 *
 * @param ref the value changed
 * @param transactionType {@code Insert} (first value), {@code Update} (changed) or {@code Remove} (cleared), as
 *     ODM 1.3.2 section 3.1.3 names them
 * @param value the value after the change (null for {@code Remove})
 * @param user the user name who made the change
 * @param siteCode the site the change was made for (the audit row's location)
 * @param time when the change was stored
 * @param reason the reason for change (null for a first entry)
 * @param hash the audit row's hash in the hash chain (hex), carried as ODM {@code SourceID}
 */
public record AuditEntry(FieldRef ref, String transactionType, String value, String user, String siteCode,
    Instant time, String reason, String hash) {}
