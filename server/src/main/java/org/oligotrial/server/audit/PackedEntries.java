package org.oligotrial.server.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Audit entries about one record staged as one {@code audit_pending} row: the row's columns hold the first entry, its
 * {@code more_entries} column the field, old value and new value of each of the others, which share everything else
 * with the first (actor, action, record, reason, site; the time is the row's).
 *
 * <p>Format of {@code more_entries}: a format byte (1), the number of entries (4 bytes), then per entry its field, old
 * value and new value, each as a length in bytes (4 bytes, big-endian; -1 for null) followed by that many bytes of
 * UTF-8. Binary, so that JSON values (quotes, backslashes) go through without escaping.
 */
final class PackedEntries {
  private static final int FORMAT = 1;

  private PackedEntries() {}

  /** Whether {@code b} can be staged in the row of {@code a}: everything but field and values the same. */
  static boolean sameRow(AuditEntry a, AuditEntry b) {
    return a.actor().equals(b.actor()) && a.action() == b.action() && a.entityType().equals(b.entityType())
        && a.entityId().equals(b.entityId()) && Objects.equals(a.reason(), b.reason())
        && Objects.equals(a.siteCode(), b.siteCode()) && Objects.equals(a.trialId(), b.trialId());
  }

  /** {@code entries} cut into runs of consecutive entries that share a row, in order. */
  static List<List<AuditEntry>> rows(List<AuditEntry> entries) {
    List<List<AuditEntry>> rows = new ArrayList<>();
    List<AuditEntry> row = null;
    for (AuditEntry e : entries) {
      if (row == null || !sameRow(row.get(0), e)) {
        row = new ArrayList<>();
        rows.add(row);
      }
      row.add(e);
    }
    return rows;
  }

  /** The {@code more_entries} value of a row of {@code row}'s entries: null for a single entry. */
  static byte[] more(List<AuditEntry> row) {
    if (row.size() < 2) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(row.size() - 1);
      for (AuditEntry e : row.subList(1, row.size())) {
        write(out, e.field());
        write(out, e.oldValue());
        write(out, e.newValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by an in-memory stream
    }
    return bytes.toByteArray();
  }

  /**
   * The entries of a staged row: {@code first} (the row's columns), then those packed in {@code more}.
   *
   * @throws IllegalStateException when {@code more} is not in the format above (a damaged row: chaining stops there)
   */
  static List<AuditEntry> expand(AuditEntry first, byte[] more) {
    if (more == null) {
      return List.of(first);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(more))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IllegalStateException("audit_pending.more_entries: unknown format " + format);
      }
      int n = in.readInt();
      if (n < 1 || n > more.length) {
        throw new IllegalStateException("audit_pending.more_entries: " + n + " entries in " + more.length + " bytes");
      }
      List<AuditEntry> entries = new ArrayList<>(n + 1);
      entries.add(first);
      for (int i = 0; i < n; i++) {
        String field = read(in);
        String oldValue = read(in);
        String newValue = read(in);
        entries.add(new AuditEntry(first.actor(), first.action(), first.entityType(), first.entityId(), field,
            oldValue, newValue, first.reason(), first.siteCode(), first.trialId()));
      }
      if (in.available() > 0) {
        throw new IllegalStateException("audit_pending.more_entries: " + in.available() + " bytes after the entries");
      }
      return entries;
    } catch (IOException e) {
      throw new IllegalStateException("audit_pending.more_entries: cut short", e);
    }
  }

  private static void write(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String read(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len == -1) {
      return null;
    }
    if (len < 0 || len > in.available()) {
      throw new IllegalStateException("audit_pending.more_entries: a value of " + len + " bytes where "
          + in.available() + " are left");
    }
    byte[] b = in.readNBytes(len);
    return new String(b, StandardCharsets.UTF_8);
  }
}
