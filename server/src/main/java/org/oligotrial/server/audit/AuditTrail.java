package org.oligotrial.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to and reads the audit trail.
 *
 * <p>{@link #record} collects entries in the current transaction and writes them just before it commits, so a
 * change and its audit rows commit or roll back together. The write locks the single {@code audit_head} row ({@code
 * SELECT ... FOR UPDATE}), so concurrent appends are serialised and the chain stays linear; the lock is held only
 * from the flush to the commit. Thread-safe.
 */
public final class AuditTrail {
  private static final int[] TYPES = {Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR,
    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
    Types.VARCHAR, Types.VARCHAR};

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate tx;
  private final Clock clock;

  public AuditTrail(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Adds an entry to the current transaction's audit.
   *
   * @throws IllegalStateException when no transaction is active (an unaudited write is a bug)
   */
  public void record(AuditEntry entry) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("audit entries are written inside a transaction");
    }
    @SuppressWarnings("unchecked")
    List<AuditEntry> pending = (List<AuditEntry>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      List<AuditEntry> buffer = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(this, buffer);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              append(buffer);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
            }
          });
      pending = buffer;
    }
    pending.add(entry);
  }

  /** Writes one entry in a transaction of its own (logins, denied access: facts that outlive a rollback). */
  public void recordNow(AuditEntry entry) {
    tx.executeWithoutResult(s -> record(entry));
  }

  private void append(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Head head =
        jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long seq = head.seq();
    String prev = head.hash();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Object[]> rows = new ArrayList<>(entries.size());
    for (AuditEntry e : entries) {
      seq++;
      String hash = AuditHash.of(seq, now, e, prev);
      rows.add(new Object[] {seq, at, e.actor(), e.action().name(), e.entityType(), e.entityId(), e.field(),
          e.oldValue(), e.newValue(), e.reason(), e.siteCode(), prev, hash});
      prev = hash;
    }
    // one batched round trip: the head lock is held from here to the commit, so keep this short
    batch.batchUpdate(
        "INSERT INTO audit_event (seq, occurred_at, actor, action, entity_type, entity_id, field, old_value,"
            + " new_value, reason, site_code, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows, TYPES);
    jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
        .param("seq", seq)
        .param("hash", prev)
        .update();
  }

  /** Every event about one record, oldest first. */
  public List<AuditEvent> forRecord(String entityType, String entityId) {
    return jdbc.sql("SELECT * FROM audit_event WHERE entity_type = :type AND entity_id = :id ORDER BY seq")
        .param("type", entityType)
        .param("id", entityId)
        .query((rs, n) -> read(rs))
        .list();
  }

  /** The newest {@code limit} events of the whole trail, oldest first. */
  public List<AuditEvent> latest(int limit) {
    List<AuditEvent> newestFirst =
        new ArrayList<>(
            jdbc.sql("SELECT * FROM audit_event ORDER BY seq DESC")
                .withMaxRows(limit)
                .query((rs, n) -> read(rs))
                .list());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** Streams the whole trail in chain order to {@code sink}, without holding it in memory. */
  public void forEach(Consumer<AuditEvent> sink) {
    jdbc.sql("SELECT * FROM audit_event ORDER BY seq").query(rs -> {
      sink.accept(read(rs));
    });
  }

  /** The chain head: the last sequence number and hash as recorded by the last append. */
  public Head head() {
    return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
        .single();
  }

  static AuditEvent read(ResultSet rs) throws SQLException {
    AuditEntry e =
        new AuditEntry(
            rs.getString("actor"),
            AuditAction.valueOf(rs.getString("action")),
            rs.getString("entity_type"),
            rs.getString("entity_id"),
            rs.getString("field"),
            rs.getString("old_value"),
            rs.getString("new_value"),
            rs.getString("reason"),
            rs.getString("site_code"));
    Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
    return new AuditEvent(rs.getLong("seq"), at, e, rs.getString("prev_hash"), rs.getString("hash"));
  }

  /** The chain head. */
  public record Head(long seq, String hash) {}
}
