package org.oligotrial.server.audit;

import java.time.Instant;

/**
 * An audit row as stored: the entry, its position in the chain, its UTC time and the hashes.
 *
 * @param seq position in the chain, 1, 2, 3, ... without gaps; 0 for an entry committed but not yet chained (read by
 *     {@link AuditTrail#forRecordAsCommitted}, which then gives no hashes either)
 * @param occurredAt when it was written (UTC, microsecond precision)
 * @param entry what was recorded
 * @param prevHash the hash of row {@code seq - 1} (64 zeros for the first row)
 * @param hash SHA-256 (hex) of the canonical encoding of this row including {@code prevHash}
 * @param mac the server's HMAC-SHA256 (hex) of the hash, proof that the server chained the row (null on rows chained
 *     before MACs existed); see {@link AuditKeys}
 */
public record AuditEvent(long seq, Instant occurredAt, AuditEntry entry, String prevHash, String hash, String mac) {}
