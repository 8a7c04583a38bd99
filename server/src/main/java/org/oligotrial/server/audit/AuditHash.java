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
 * different rows share an encoding. The trial ({@link AuditEntry#trialId}, V60) is encoded after the site as {@code
 * t<length>:<text>|} only when it is not null: rows without a trial (all rows chained before V60) keep exactly the
 * encoding, and so the hash, they were chained with, and a row with a trial cannot share an encoding with one
 * without (after the site field comes either the trial's {@code t} or the previous hash's length digit).
 * Thread-safe.
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
    trial(b, e.trialId());
    field(b, prevHash);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
    }
  }

  /**
   * SHA-256 of the row's content without its position and links: {@code occurredAt} and the entry's nine fields, in
   * the encoding above. The leaf entry of the checkpoints' Merkle tree (its position there is {@code seq - 1}), so
   * that a row rewritten and the chain re-hashed after it changes exactly one leaf.
   */
  public static byte[] contentDigest(Instant occurredAt, AuditEntry e) {
    StringBuilder b = new StringBuilder(256);
    field(b, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
    entryFields(b, e);
    return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The bytes a staged {@code audit_pending} row's MAC covers: {@code occurredAt} and the first entry's fields in the
   * encoding above, then the packed further entries ({@link PackedEntries}) as they are, after {@code ~|} when there
   * are none or their length in bytes and a colon.
   */
  static byte[] stagedMacInput(Instant occurredAt, AuditEntry first, byte[] more) {
    StringBuilder b = new StringBuilder(256);
    b.append("staged|");
    field(b, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
    entryFields(b, first);
    b.append(more == null ? "~|" : more.length + ":");
    byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
    if (more == null) {
      return head;
    }
    byte[] all = java.util.Arrays.copyOf(head, head.length + more.length);
    System.arraycopy(more, 0, all, head.length, more.length);
    return all;
  }

  /** The bytes a chained row's MAC covers: its hash (which covers everything else). */
  static byte[] chainedMacInput(String hash) {
    return ("chained|" + hash).getBytes(StandardCharsets.UTF_8);
  }

  private static void entryFields(StringBuilder b, AuditEntry e) {
    field(b, e.actor());
    field(b, e.action().name());
    field(b, e.entityType());
    field(b, e.entityId());
    field(b, e.field());
    field(b, e.oldValue());
    field(b, e.newValue());
    field(b, e.reason());
    field(b, e.siteCode());
    trial(b, e.trialId());
  }

  /** The trial, written only when there is one (see the class comment). */
  private static void trial(StringBuilder b, String trialId) {
    if (trialId != null) {
      b.append('t');
      field(b, trialId);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
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
