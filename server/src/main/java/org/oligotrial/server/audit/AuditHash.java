package org.oligotrial.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The chain hash of an audit row: SHA-256 over a canonical encoding of every stored field plus the previous row's
 * hash. Each field is written as {@code <length>:<text>|} (UTF-16 length) or {@code ~|} for null, so that no two
 * different rows share an encoding. Thread-safe.
 */
public final class AuditHash {
  /** The previous hash of the first row. */
  public static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  /** The hex SHA-256 of the row. */
  public static String of(long seq, Instant occurredAt, AuditEntry e, String prevHash) {
    StringBuilder b = new StringBuilder(256);
    field(b, Long.toString(seq));
    field(b, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
    field(b, e.actor());
    field(b, e.action().name());
    field(b, e.entityType());
    field(b, e.entityId());
    field(b, e.field());
    field(b, e.oldValue());
    field(b, e.newValue());
    field(b, e.reason());
    field(b, e.siteCode());
    field(b, prevHash);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
    }
  }

  private static void field(StringBuilder b, String v) {
    if (v == null) {
      b.append("~|");
    } else {
      b.append(v.length()).append(':').append(v).append('|');
    }
  }
}
