package org.oligotrial.server.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to and reads the audit trail.
 *
 * <p>{@link #record} collects entries in the current transaction and writes them to {@code audit_pending} just
 * before it commits, so a change and its audit rows commit or roll back together. Right after the commit, {@link
 * #chainPending} moves every committed pending row into {@code audit_event}, giving each the next sequence number
 * and its hash, under a lock on the single {@code audit_head} row ({@code SELECT ... FOR UPDATE}): the chain is
 * linear under concurrency, and one chaining transaction serves every request that committed meanwhile, so the
 * lock is not held across each request's own commit. Rows left pending by a crash are chained at the next start
 * ({@link #chainAll}).
 *
 * <p>{@link #writeAudited} writes a change and its pending audit rows together without an explicit transaction: on
 * PostgreSQL as one statement text, in one round trip (a new participant with its screening and audit). Both ways,
 * and {@link #record}'s, stage the entries about one record by one actor as one pending row ({@link PackedEntries};
 * the chainer expands them).
 *
 * <p>Who chains: without a background chainer, {@link #chainSoon} chains at once in the calling thread (operator
 * commands, tests of the bare register). A server calls {@link #startBackgroundChaining}: then one daemon thread
 * chains, woken by {@link #chainSoon} after each commit (at most one round every 50 ms), so a request returns right
 * after its own commit and one chaining transaction serves every request that committed meanwhile (the request's
 * audit rows are already durable in {@code audit_pending}; the chain follows within milliseconds). Every read of
 * the trail ({@link #forRecord}, {@link #latest}, {@link #forEach}, {@link #head}) first chains what had committed
 * when it started, so a reader never misses a committed entry. Within one process a lock lets one thread chain at a
 * time; across processes the {@code audit_head} row lock does. Thread-safe.
 */
public final class AuditTrail {
  /** Most rows moved by one chaining transaction. */
  static final int CHAIN_BATCH = 2000;

  private static final int[] EVENT_TYPES = {Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR,
    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
  private static final int[] PENDING_TYPES = {Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR,
    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
    Types.VARBINARY, Types.VARCHAR, Types.VARCHAR};

  /** Most parameters one PostgreSQL statement text can bind (the protocol counts them in 16 bits). */
  static final int MAX_PARAMETERS = 65_535;
  private static final String STAGE_INSERT = "INSERT INTO audit_pending (occurred_at, actor, action, entity_type,"
      + " entity_id, field, old_value, new_value, reason, site_code, more_entries, mac, trial_id) VALUES ";
  private static final String STAGE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  /** The actor of the entries the audit trail writes about itself. */
  public static final String SYSTEM_ACTOR = "system:audit";

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  /** How long the background chainer sleeps when nobody wakes it (it also picks up other processes' rows). */
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** The background chainer starts a round at most this often. */
  private static final long MIN_ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /** The background chainer vacuums {@code audit_pending} (PostgreSQL) after this many chained rows... */
  static final long VACUUM_ROWS = 20_000;
  /** ...or this long after the last vacuum, whichever comes first (when rows were chained meanwhile). */
  private static final long VACUUM_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ReentrantLock chaining = new ReentrantLock();
  private final AtomicBoolean requested = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicLong eventsChained = new java.util.concurrent.atomic.AtomicLong();
  private volatile Thread chainer;
  private volatile boolean stopping;
  private final boolean postgres;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final AuditKeys keys;
  private volatile Checkpointer checkpointer;

  /**
   * @param tx a plain transaction template (not one that chains after commit)
   * @param postgres whether the database is PostgreSQL ({@link #vacuumPending} is then done)
   * @param keys the MAC key of staged and chained rows (and the signing key of checkpoints)
   */
  public AuditTrail(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock, boolean postgres,
      AuditKeys keys) {
    this.keys = keys;
    this.jdbc = jdbc;
    this.batch = batch;
    this.tx = tx;
    this.clock = clock;
    this.postgres = postgres;
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
              stage(buffer);
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

  /**
   * Writes a change and the audit rows of {@code entries} atomically, then asks for them to be chained.
   *
   * <p>On PostgreSQL, called outside any transaction: the statements and the audit rows' {@code INSERT} go as one
   * text on a connection in auto-commit, which the driver sends as parse, bind and execute messages with a single
   * sync, i.e. in one round trip; PostgreSQL runs everything up to that sync as one implicit transaction, so a
   * failing statement (a unique key, say) leaves nothing written. That saves the round trips of a separate audit
   * {@code INSERT} and of {@code COMMIT} (a connection not in auto-commit is committed after, correctly if slower).
   * Elsewhere, or inside a transaction: the statements one at a time and {@link #record} for the entries, in a
   * transaction (the caller's, when one is active).
   *
   * @param statements SQL with positional parameters, in order; values that may be null as {@link
   *     SqlParameterValue}s with their type
   */
  public void writeAudited(List<Statement> statements, List<AuditEntry> entries) {
    if (statements.isEmpty() && entries.isEmpty()) {
      return;
    }
    boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
    if (!postgres || inTransaction) {
      tx.executeWithoutResult(s -> {
        for (Statement st : statements) {
          batch.update(st.sql(), st.args().toArray());
        }
        entries.forEach(this::record);
      });
      if (!inTransaction) {
        chainAfterCommit();
      }
      return;
    }
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (Statement st : statements) {
      sql.append(st.sql()).append("; ");
      args.addAll(st.args());
    }
    if (entries.isEmpty()) {
      sql.setLength(sql.length() - 2);
    } else {
      sql.append(STAGE_INSERT);
      List<Object[]> rows = stagedRows(entries);
      for (int i = 0; i < rows.size(); i++) {
        sql.append(i == 0 ? STAGE_ROW : ", " + STAGE_ROW);
        Object[] row = rows.get(i);
        for (int c = 0; c < row.length; c++) {
          args.add(new SqlParameterValue(PENDING_TYPES[c], row[c]));
        }
      }
    }
    if (args.size() > MAX_PARAMETERS) {
      throw new IllegalArgumentException("one text takes at most " + MAX_PARAMETERS + " parameters, not "
          + args.size() + ": write fewer rows at a time");
    }
    batch.execute((ConnectionCallback<Void>) con -> {
      try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
        new ArgumentPreparedStatementSetter(args.toArray()).setValues(ps);
        ps.execute();
      }
      if (!con.getAutoCommit()) {
        con.commit();
      }
      return null;
    });
    chainAfterCommit();
  }

  /**
   * {@link #chainSoon} after a commit, where a failure leaves the rows pending for the next round (or the next start)
   * instead of failing the committed change.
   */
  void chainAfterCommit() {
    try {
      chainSoon();
    } catch (RuntimeException e) {
      LOG.warn("audit rows stay pending, to be chained later: {}", e.toString());
    }
  }

  /**
   * One SQL statement of a change for {@link #writeAudited}.
   *
   * @param sql one statement with positional parameters
   * @param args the parameter values in order ({@link SqlParameterValue} where the type matters)
   */
  public record Statement(String sql, List<Object> args) {
    public Statement {
      Objects.requireNonNull(sql, "sql");
      args = Collections.unmodifiableList(new ArrayList<>(args)); // null values are allowed
    }
  }

  /** Writes one entry in a transaction of its own (logins, denied access: facts that outlive a rollback). */
  public void recordNow(AuditEntry entry) {
    tx.executeWithoutResult(s -> record(entry));
    chainSoon();
  }

  /**
   * Asks for the committed pending rows to be chained: wakes the background chainer when it runs, else chains them
   * now in the calling thread. Call outside any transaction, after a commit.
   */
  public void chainSoon() {
    Thread t = chainer;
    if (t == null) {
      chainPending();
      return;
    }
    // only the first commit since the chainer's round began wakes it: the chainer clears the flag when a round
    // begins and looks at it when the round ends, so the commits after the first would only wake it from its wait
    // between rounds (a context switch per request on a busy server)
    if (!requested.getAndSet(true)) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Starts the background chainer (once; later calls do nothing). From then on {@link #chainSoon} only wakes it.
   */
  public synchronized void startBackgroundChaining() {
    if (chainer != null) {
      return;
    }
    stopping = false;
    Thread t = new Thread(this::runChainer, "audit-chainer");
    t.setDaemon(true);
    chainer = t;
    t.start();
  }

  /** Stops the background chainer, then chains what is left; {@link #chainSoon} chains in the caller again. */
  public synchronized void stopBackgroundChaining() {
    Thread t = chainer;
    if (t == null) {
      return;
    }
    stopping = true;
    LockSupport.unpark(t);
    try {
      t.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    chainer = null;
    chainCommitted();
    Checkpointer cp = checkpointer;
    if (cp != null) {
      cp.checkpointNow();
    }
  }

  private void runChainer() {
    long chainedSinceVacuum = 0;
    long lastVacuum = System.nanoTime();
    long roundStart = System.nanoTime() - MIN_ROUND_NANOS; // nanoTime may be negative: no "0" as "long ago"
    while (!stopping) {
      // a busy server wakes the chainer after every commit: spacing the rounds lets one round take the rows of
      // many requests (each round is a transaction and a commit of its own); readers chain for themselves
      for (long wait = roundStart + MIN_ROUND_NANOS - System.nanoTime(); wait > 0 && !stopping;
          wait = roundStart + MIN_ROUND_NANOS - System.nanoTime()) {
        LockSupport.parkNanos(this, wait);
      }
      roundStart = System.nanoTime();
      // cleared before chaining: a commit that signals meanwhile gets another round
      requested.set(false);
      try {
        int chained = chainCommitted();
        chainedSinceVacuum += chained;
        Checkpointer cp = checkpointer;
        if (cp != null) {
          cp.afterRound();
        }
        if (postgres && chainedSinceVacuum > 0 && (chainedSinceVacuum >= VACUUM_ROWS
            || System.nanoTime() - lastVacuum >= VACUUM_NANOS)) {
          vacuumPending();
          chainedSinceVacuum = 0;
          lastVacuum = System.nanoTime();
        }
      } catch (RuntimeException e) {
        // the rows stay pending (durable); the next round, or the next start, chains them
        LOG.warn("audit rows stay pending, to be chained later: {}", e.toString());
        LockSupport.parkNanos(this, IDLE_NANOS);
      }
      if (!requested.get() && !stopping) {
        LockSupport.parkNanos(this, IDLE_NANOS);
      }
    }
  }

  /**
   * On PostgreSQL every chained row leaves a dead row in {@code audit_pending}; until they are vacuumed, each look at
   * the (nearly empty) table walks past all of them, and autovacuum may be slow or switched off. So the chainer
   * vacuums the table itself (a table of a few live rows: milliseconds). Without owner rights PostgreSQL only warns.
   * Call outside any transaction.
   *
   * @return true when the table was vacuumed (PostgreSQL), false on other databases
   */
  public boolean vacuumPending() {
    if (!postgres) {
      return false;
    }
    batch.execute("VACUUM audit_pending");
    return true;
  }

  /**
   * Chains every row committed before the call, batch by batch; unlike {@link #chainAll} it stops at the first
   * batch that is not full, so a stream of new commits cannot keep it going.
   */
  private int chainCommitted() {
    // the rows committed before this call all have ids up to the largest committed now: once none of those is
    // pending (another reader or the background chainer took them), there is nothing to wait for, and the chaining
    // lock is not taken (readers no longer chain one after the other behind it when a predecessor chained theirs)
    Long target = jdbc.sql("SELECT MAX(id) FROM audit_pending").query(Long.class).optional().orElse(null);
    if (target == null) {
      return 0;
    }
    int total = 0;
    Chained c;
    do {
      c = chainBatch(target);
      total += c.rows();
    } while (c.rows() == CHAIN_BATCH);
    return total;
  }

  private void stage(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    batch.batchUpdate(STAGE_INSERT + STAGE_ROW, stagedRows(entries), PENDING_TYPES);
  }

  /**
   * The {@code audit_pending} rows of {@code entries}, in the order of {@link #STAGE_INSERT} and {@link
   * #PENDING_TYPES}: consecutive entries about one record by one actor for one reason share a row ({@link
   * PackedEntries}), all with the same time.
   */
  private List<Object[]> stagedRows(List<AuditEntry> entries) {
    OffsetDateTime at = stagedAt();
    List<Object[]> rows = new ArrayList<>();
    for (List<AuditEntry> run : PackedEntries.rows(entries)) {
      AuditEntry e = run.get(0);
      byte[] more = PackedEntries.more(run);
      String mac = keys.mac(AuditHash.stagedMacInput(at.toInstant(), e, more));
      rows.add(new Object[] {at, e.actor(), e.action().name(), e.entityType(), e.entityId(), e.field(), e.oldValue(),
          e.newValue(), e.reason(), e.siteCode(), more, mac, e.trialId()});
    }
    return rows;
  }

  private OffsetDateTime stagedAt() {
    return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  /**
   * Chains the committed pending rows (at most {@link #CHAIN_BATCH}) into the trail. Call outside any transaction;
   * cheap when nothing is pending.
   *
   * @return the number of audit events appended (a pending row may hold several, {@link PackedEntries})
   */
  public int chainPending() {
    return chainBatch(Long.MAX_VALUE).events();
  }

  /** Pending rows read and removed, and the events they held, appended to the trail. */
  private record Chained(int rows, int events, long firstSeq, List<byte[]> digests, String lastHash) {
    Chained(int rows, int events) {
      this(rows, events, 0, List.of(), null);
    }
  }

  /**
   * One chaining round, unless no pending row numbered up to {@code upTo} is left (looked at before and again after
   * taking the chaining lock).
   */
  private Chained chainBatch(long upTo) {
    if (nonePendingUpTo(upTo)) {
      return new Chained(0, 0);
    }
    chaining.lock();
    try {
      if (nonePendingUpTo(upTo)) {
        return new Chained(0, 0);
      }
      Chained c = tx.execute(s -> chainLocked());
      if (c == null) {
        return new Chained(0, 0);
      }
      eventsChained.addAndGet(c.events());
      Checkpointer cp = checkpointer;
      if (cp != null && c.events() > 0 && c.digests().size() == c.events()) {
        cp.chained(c.firstSeq(), c.digests(), c.lastHash()); // in chain order: the chaining lock is still held
      }
      return c;
    } finally {
      chaining.unlock();
    }
  }

  private boolean nonePendingUpTo(long upTo) {
    return jdbc.sql("SELECT id FROM audit_pending WHERE id <= :upTo ORDER BY id FETCH FIRST 1 ROWS ONLY")
        .param("upTo", upTo).query(Long.class).optional().isEmpty();
  }

  /** Chains until nothing is pending (at start-up, after a crash). */
  public int chainAll() {
    int total = 0;
    for (int n = chainPending(); n > 0; n = chainPending()) {
      total += n;
    }
    return total;
  }

  private Chained chainLocked() {
    Head head = readHead(true);
    // read after taking the lock: rows chained by the previous holder are gone from audit_pending
    List<Object[]> pending = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    long[] seq = {head.seq()};
    String[] prev = {head.hash()};
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    boolean digest = checkpointer != null;
    List<byte[]> digests = new ArrayList<>();
    jdbc.sql("SELECT * FROM audit_pending ORDER BY id FETCH FIRST " + CHAIN_BATCH + " ROWS ONLY").query(rs -> {
      Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
      ids.add(rs.getLong("id"));
      AuditEntry first = stagedEntry(rs);
      byte[] more = rs.getBytes("more_entries");
      List<AuditEntry> entries;
      if (first != null && keys.macMatches(AuditHash.stagedMacInput(at, first, more), rs.getString("mac"))) {
        entries = PackedEntries.expand(first, more);
      } else {
        // not staged by a holder of the key: refused, and the refusal is chained in its place
        AuditEntry alarm = refusal(rs, at);
        LOG.error("AUDIT TAMPERING: {}: {}", alarm.reason(), alarm.newValue());
        entries = List.of(alarm);
        at = now;
      }
      OffsetDateTime atUtc = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
      for (AuditEntry e : entries) {
        seq[0]++;
        String hash = AuditHash.of(seq[0], at, e, prev[0]);
        pending.add(new Object[] {seq[0], atUtc, e.actor(),
            e.action().name(), e.entityType(), e.entityId(), e.field(), e.oldValue(), e.newValue(), e.reason(),
            e.siteCode(), prev[0], hash, keys.mac(AuditHash.chainedMacInput(hash)), e.trialId()});
        if (digest) {
          digests.add(AuditHash.contentDigest(at, e));
        }
        prev[0] = hash;
      }
    });
    if (pending.isEmpty()) {
      return new Chained(0, 0);
    }
    batch.batchUpdate(
        "INSERT INTO audit_event (seq, occurred_at, actor, action, entity_type, entity_id, field, old_value,"
            + " new_value, reason, site_code, prev_hash, hash, mac, trial_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?)",
        pending, EVENT_TYPES);
    // one statement for the whole batch: the ids read above, not a range (a row with a lower id may have
    // committed since, unchained)
    batch.update(con -> {
      java.sql.PreparedStatement ps = con.prepareStatement("DELETE FROM audit_pending WHERE id = ANY (?)");
      ps.setArray(1, con.createArrayOf("BIGINT", ids.toArray()));
      return ps;
    });
    jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
        .param("seq", seq[0])
        .param("hash", prev[0])
        .update();
    return new Chained(ids.size(), pending.size(), head.seq() + 1, digests, prev[0]);
  }

  /**
   * The entry in a staged row's own columns, or null when its action is not one this server writes (a row put there
   * by someone else).
   */
  private static AuditEntry stagedEntry(ResultSet rs) throws SQLException {
    try {
      return entry(rs);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  /** The alarm chained instead of a staged row without a valid MAC: what the row said, in one text. */
  private static AuditEntry refusal(ResultSet rs, Instant at) throws SQLException {
    String said = "occurred_at=" + at + ", actor=" + rs.getString("actor") + ", action=" + rs.getString("action")
        + ", record=" + rs.getString("entity_type") + "/" + rs.getString("entity_id") + ", field="
        + rs.getString("field") + ", old_value=" + rs.getString("old_value") + ", new_value="
        + rs.getString("new_value") + ", reason=" + rs.getString("reason") + ", site=" + rs.getString("site_code")
        + (rs.getBytes("more_entries") == null ? "" : ", with packed entries");
    return new AuditEntry(SYSTEM_ACTOR, AuditAction.TAMPER_ALARM, "audit_pending", Long.toString(rs.getLong("id")),
        null, null, said, "staged row without a valid server MAC: refused, not chained", null);
  }

  /** The MAC key and the signing key. */
  public AuditKeys keys() {
    return keys;
  }

  /** The chain's id (names its directory in the checkpoint log). */
  public String chainId() {
    return jdbc.sql("SELECT chain_id FROM audit_head WHERE id = 1").query(String.class).single();
  }

  /**
   * Has {@code c} sign checkpoints: the background chainer offers it each round ({@link Checkpointer#afterRound}),
   * and {@link #stopBackgroundChaining} has it sign a last one.
   */
  public void attachCheckpointer(Checkpointer c) {
    this.checkpointer = c;
  }

  /** Number of events this object has chained since it was made (the checkpointer's cheap "anything new?"). */
  long eventsChained() {
    return eventsChained.get();
  }

  /** Number of rows written but not yet chained. */
  public long pendingCount() {
    return jdbc.sql("SELECT COUNT(*) FROM audit_pending").query(Long.class).single();
  }

  /** Every event about one record, oldest first. */
  public List<AuditEvent> forRecord(String entityType, String entityId) {
    chainCommitted();
    return jdbc.sql("SELECT * FROM audit_event WHERE entity_type = :type AND entity_id = :id ORDER BY seq")
        .param("type", entityType)
        .param("id", entityId)
        .query((rs, n) -> read(rs))
        .list();
  }

  /**
   * Every entry about one record that has committed, oldest first, without chaining and without waiting for the
   * chain: the chained events (as {@link #forRecord} returns them), then the rows committed but not yet chained, in
   * the order they will be chained, each as an event with sequence number 0 and no hashes (its place in the chain is
   * not given yet). Both come from one statement, so from one snapshot: a row the chainer moves meanwhile is seen
   * once, on one side or the other. A staged row whose MAC does not match is left out (the chainer refuses it and
   * chains an alarm instead). For pages that show a record's history: {@link #forRecord} chains first and so waits
   * behind every other chaining under load; this reads only, and the chain's guarantees are unchanged (the
   * background chainer chains these rows within its next round).
   */
  public List<AuditEvent> forRecordAsCommitted(String entityType, String entityId) {
    List<AuditEvent> events = new ArrayList<>();
    jdbc.sql("SELECT 0 AS staged, seq AS position, seq, occurred_at, actor, action, entity_type, entity_id, field,"
            + " old_value, new_value, reason, site_code, trial_id, prev_hash, hash, mac, NULL AS more_entries"
            + " FROM audit_event WHERE entity_type = :type AND entity_id = :id"
            + " UNION ALL SELECT 1, id, 0, occurred_at, actor, action, entity_type, entity_id, field, old_value,"
            + " new_value, reason, site_code, trial_id, NULL, NULL, mac, more_entries"
            + " FROM audit_pending WHERE entity_type = :type AND entity_id = :id"
            + " ORDER BY staged, position")
        .param("type", entityType)
        .param("id", entityId)
        .query(rs -> {
          if (rs.getInt("staged") == 0) {
            events.add(read(rs));
            return;
          }
          Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
          AuditEntry first = stagedEntry(rs);
          byte[] more = rs.getBytes("more_entries");
          if (first != null && keys.macMatches(AuditHash.stagedMacInput(at, first, more), rs.getString("mac"))) {
            for (AuditEntry e : PackedEntries.expand(first, more)) {
              events.add(new AuditEvent(0, at, e, null, null, null));
            }
          }
        });
    return events;
  }

  /** The newest {@code limit} events of the whole trail, oldest first. */
  public List<AuditEvent> latest(int limit) {
    chainCommitted();
    List<AuditEvent> newestFirst =
        new ArrayList<>(
            jdbc.sql("SELECT * FROM audit_event ORDER BY seq DESC")
                .withMaxRows(limit)
                .query((rs, n) -> read(rs))
                .list());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * The newest {@code limit} events about records of one trial, oldest first: rows naming the trial, and, for the
   * default trial, the rows without a trial about trial records (chained before the server held several trials,
   * V60). Server-wide events (users, sites, sign-ins) name no trial and are not shown.
   *
   * @param trialId the trial
   * @param isDefault whether it is the default trial
   */
  public List<AuditEvent> latestInTrial(String trialId, boolean isDefault, int limit) {
    chainCommitted();
    String where = isDefault
        ? "trial_id = :trial OR (trial_id IS NULL AND entity_type IN (" + TRIAL_RECORD_TYPES + "))"
        : "trial_id = :trial";
    List<AuditEvent> newestFirst = new ArrayList<>(jdbc.sql("SELECT * FROM audit_event WHERE " + where
            + " ORDER BY seq DESC")
        .param("trial", trialId)
        .withMaxRows(limit)
        .query((rs, n) -> read(rs))
        .list());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** The entity types of a trial's records (the audit rows chained before V60 of these are the default trial's). */
  private static final String TRIAL_RECORD_TYPES =
      "'participant', 'randomization', 'form', 'endpoints', 'query', 'alert', 'export', 'report', 'signature'";

  /** Streams the whole trail in chain order to {@code sink}, without holding it in memory. */
  public void forEach(Consumer<AuditEvent> sink) {
    chainCommitted();
    scan(sink);
  }

  /**
   * Streams the whole trail in chain order to {@code sink} and returns the chain head, consistent with each other:
   * the head row is locked ({@code SELECT ... FOR UPDATE}) for the duration, so no chainer can append meanwhile
   * (chainers wait; writers do not, their rows stay pending). Isolation levels differ between the databases (H2's
   * repeatable read shows rows committed after the transaction began), the lock does not. Returns null (after
   * streaming the rows) when the head row is missing.
   */
  public Head readConsistent(Consumer<AuditEvent> sink) {
    chainCommitted();
    return tx.execute(s -> {
      Head head = readHeadIfAny(true);
      scan(sink);
      return head;
    });
  }

  private void scan(Consumer<AuditEvent> sink) {
    jdbc.sql("SELECT * FROM audit_event ORDER BY seq").query(rs -> {
      sink.accept(read(rs));
    });
  }

  /** The chain head: the last sequence number and hash as recorded by the last append. */
  public Head head() {
    chainCommitted();
    return readHead(false);
  }

  /**
   * The chain head, row-locked until the transaction ends when {@code lock}.
   *
   * @throws IllegalStateException when the head row is missing (removed by hand)
   */
  private Head readHead(boolean lock) {
    Head h = readHeadIfAny(lock);
    if (h == null) {
      throw new IllegalStateException("audit_head has no row: the audit chain's head was deleted");
    }
    return h;
  }

  private Head readHeadIfAny(boolean lock) {
    return jdbc.sql("SELECT last_seq, last_hash, chain_id FROM audit_head WHERE id = 1" + (lock ? " FOR UPDATE" : ""))
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .optional().orElse(null);
  }

  static AuditEvent read(ResultSet rs) throws SQLException {
    AuditEntry e = entry(rs);
    Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
    return new AuditEvent(rs.getLong("seq"), at, e, rs.getString("prev_hash"), rs.getString("hash"),
        rs.getString("mac"));
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return
        new AuditEntry(
            rs.getString("actor"),
            AuditAction.valueOf(rs.getString("action")),
            rs.getString("entity_type"),
            rs.getString("entity_id"),
            rs.getString("field"),
            rs.getString("old_value"),
            rs.getString("new_value"),
            rs.getString("reason"),
            rs.getString("site_code"),
            rs.getString("trial_id"));
  }

  /**
   * The chain head.
   *
   * @param seq the last row's sequence number
   * @param hash the last row's hash
   * @param chainId the chain's id (its directory in the checkpoint log)
   */
  public record Head(long seq, String hash, String chainId) {}
}
