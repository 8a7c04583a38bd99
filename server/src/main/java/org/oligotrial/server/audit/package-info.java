/**
 * The audit trail (21 CFR Part 11 style): every create, update and delete of trial data, every login, failed login,
 * denied access and export becomes an append-only {@link org.oligotrial.server.audit.AuditEvent}, written in the
 * same transaction as the change it records and chained by SHA-256 so that {@link
 * org.oligotrial.server.audit.AuditVerifier} detects any edited, deleted or reordered row.
 */
package org.oligotrial.server.audit;
