package org.oligotrial.server.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.oligotrial.merkle.MerkleRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signs a {@link Checkpoint} of the audit chain every {@code everyRows} rows or {@code every} (whichever comes first,
 * when rows were added) and when the server stops, and writes it to the {@link CheckpointLog} and to {@code
 * audit_checkpoint}. Runs in the audit chainer's thread ({@link AuditTrail#attachCheckpointer}), never in a request.
 *
 * <p>It keeps the Merkle tree of all rows as a {@link MerkleRange} (leaf {@code i} is the content digest of row
 * {@code i + 1}, {@link AuditHash#contentDigest}). At its first use (the chainer's first round) it reads the whole
 * trail: the rows up to the newest checkpoint in the log must rebuild that checkpoint's root, and every later row
 * must link to the one before, match its hash and carry the server's MAC. Before each checkpoint it reads the rows added since the last one with
 * the same checks (rows chained by other processes with the same key, an operator command say, are taken too). If a
 * check fails it signs nothing more until restarted: it logs the finding as an error and appends a {@link
 * AuditAction#TAMPER_ALARM} row, so that a tampered history is never made to look witnessed.
 *
 * <p>First start after the upgrade: with no checkpoint in the log nor in the database, rows without a MAC (written
 * before MACs existed) are taken as they are and the first checkpoint witnesses them.
 *
 * <p>Cost: one scan of the trail at start; then nothing per row but one leaf hash (the chainer hands over the
 * content digests of the rows it chains; only rows chained by other processes are read back), and one signature
 * and one log file per checkpoint. Thread-safe (synchronized); meant for the chainer's thread.
 */
public final class Checkpointer {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  private final AuditTrail trail;
  private final JdbcClient jdbc;
  private final CheckpointLog log;
  private final Clock clock;
  private final long everyRows;
  private final long everyNanos;

  private boolean started;
  private boolean halted;
  private String chainId;
  private final MerkleRange range = new MerkleRange();
  private String lastHash = AuditHash.GENESIS;
  private final List<byte[]> sinceCheckpoint = new ArrayList<>();
  private long witnessed;
  private long number;
  private long lastCheckpointNanos = System.nanoTime();
  private long eventsAtCheckpoint;
  private String alarm;

  /**
   * @param everyRows sign once this many rows were added since the last checkpoint (at least 1)
   * @param every or once this long has passed since the last one (and a row was added)
   */
  public Checkpointer(AuditTrail trail, JdbcClient jdbc, CheckpointLog log, Clock clock, long everyRows,
      Duration every) {
    if (everyRows < 1 || every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("checkpoints every " + everyRows + " rows or " + every
          + ": both must be positive");
    }
    this.trail = trail;
    this.jdbc = jdbc;
    this.log = log;
    this.clock = clock;
    this.everyRows = everyRows;
    this.everyNanos = every.toNanos();
  }

  /**
   * After a chaining round: at the first, reads and checks the trail (so that tampering is alarmed on at start);
   * then signs a checkpoint when one is due. Never throws (a failure is logged).
   */
  public void afterRound() {
    synchronized (this) {
      try {
        if (!started) {
          start();
        }
        long newEvents = trail.eventsChained() - eventsAtCheckpoint;
        boolean timeUp = System.nanoTime() - lastCheckpointNanos >= everyNanos;
        if (newEvents >= everyRows || timeUp) {
          sign();
        }
      } catch (RuntimeException e) {
        LOG.warn("audit checkpoint not made, will try again: {}", e.toString());
      }
    }
    raiseAlarm();
  }

  /** Signs a checkpoint now if a row was added since the last one (at shutdown). Never throws. */
  public Checkpoint checkpointNow() {
    Checkpoint cp = null;
    synchronized (this) {
      try {
        cp = sign();
      } catch (RuntimeException e) {
        LOG.warn("audit checkpoint not made: {}", e.toString());
      }
    }
    raiseAlarm();
    return cp;
  }

  /**
   * Rows this process has just chained, in chain order (called by {@link AuditTrail} under its chaining lock, after
   * the commit): appended to the tree without reading them back. Rows chained by another process in between are
   * read from the database instead, with the checks of {@link #take}.
   *
   * @param firstSeq the first row's sequence number
   * @param digests the rows' content digests
   * @param hash the last row's hash
   */
  synchronized void chained(long firstSeq, List<byte[]> digests, String hash) {
    if (!started || halted || firstSeq + digests.size() - 1 <= range.size()) {
      return; // the first look at the trail, or a catch-up, takes (or took) them from the database
    }
    if (firstSeq != range.size() + 1) {
      try {
        catchUp();
      } catch (RuntimeException e) {
        LOG.warn("audit checkpointer: rows will be read later: {}", e.toString());
      }
      return;
    }
    for (byte[] d : digests) {
      range.appendEntry(d);
      sinceCheckpoint.add(d);
    }
    lastHash = hash;
  }

  /** Whether a check failed and checkpoints stopped (until restart). */
  public synchronized boolean halted() {
    return halted;
  }

  private Checkpoint sign() {
    lastCheckpointNanos = System.nanoTime();
    eventsAtCheckpoint = trail.eventsChained();
    if (!started) {
      start();
    }
    if (halted) {
      return null;
    }
    catchUp();
    if (halted || range.size() == witnessed) {
      return null;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Checkpoint cp = Checkpoint.sign(trail.keys(), chainId, number + 1, range.size(), lastHash, range.root(), now);
    log.append(cp, witnessed + 1, sinceCheckpoint);
    number = cp.number();
    witnessed = cp.size();
    sinceCheckpoint.clear();
    try {
      jdbc.sql("INSERT INTO audit_checkpoint (number, chain_id, tree_size, created_at, signed_text)"
              + " VALUES (:n, :chain, :size, :at, :text)")
          .param("n", cp.number()).param("chain", chainId).param("size", cp.size())
          .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("text", cp.text())
          .update();
    } catch (RuntimeException e) {
      LOG.warn("audit checkpoint {} is in the log but not in the database: {}", cp.number(), e.toString());
    }
    LOG.debug("audit checkpoint {} signed: rows 1..{}", cp.number(), cp.size());
    return cp;
  }

  /** Reads the log and the whole trail once, checking the rows against the newest checkpoint. */
  private void start() {
    started = true;
    chainId = trail.chainId();
    CheckpointLog.Contents contents = log.read(chainId);
    CheckpointLog.Entry newest = contents.newest();
    long dbNewest = jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM audit_checkpoint WHERE chain_id = :c")
        .param("c", chainId).query(Long.class).single();
    long logNewest = newest == null ? 0 : newest.checkpoint().number();
    if (dbNewest > logNewest) {
      alarm("the checkpoint log " + log.file(chainId, logNewest + 1).getParent() + " ends at checkpoint "
          + logNewest + " but the database holds checkpoint " + dbNewest
          + ": the log was replaced by an older copy or lost files");
      return;
    }
    number = logNewest;
    long target = newest == null ? 0 : newest.checkpoint().size();
    boolean adoptUnmarked = newest == null;
    String[] problem = {null};
    jdbc.sql("SELECT * FROM audit_event ORDER BY seq").query(rs -> {
      if (problem[0] != null) {
        return;
      }
      AuditEvent ev = AuditTrail.read(rs);
      problem[0] = take(ev, rs.getString("mac"), ev.seq() > target, adoptUnmarked);
      if (problem[0] == null && range.size() == target && newest != null
          && !Arrays.equals(range.root(), newest.checkpoint().rootBytes())) {
        problem[0] = "rows 1.." + target + " do not rebuild the root of checkpoint " + logNewest
            + ": audit history was changed after it was witnessed";
      }
    });
    if (problem[0] == null && range.size() < target) {
      problem[0] = "the trail ends at row " + range.size() + " but checkpoint " + logNewest + " witnessed "
          + target + " rows: rows were removed";
    }
    if (problem[0] != null) {
      alarm(problem[0]);
      return;
    }
    witnessed = target;
    sinceCheckpoint.subList(0, (int) Math.min(sinceCheckpoint.size(), target)).clear();
    LOG.info("audit checkpoints: chain {}, {} rows, newest checkpoint {} in {}", chainId, range.size(), logNewest,
        log.directory());
  }

  /** Reads the rows chained since the last look, with the checks of {@link #take}. */
  private void catchUp() {
    String[] problem = {null};
    jdbc.sql("SELECT * FROM audit_event WHERE seq > :after ORDER BY seq").param("after", range.size()).query(rs -> {
      if (problem[0] == null) {
        problem[0] = take(AuditTrail.read(rs), rs.getString("mac"), true, false);
      }
    });
    if (problem[0] != null) {
      alarm(problem[0]);
    }
  }

  /**
   * Appends one row to the tree after checking it, or says what is wrong.
   *
   * @param check whether to check link, hash and MAC (rows after the newest checkpoint)
   * @param adoptUnmarked whether a row without any MAC is taken (before the first checkpoint)
   */
  private String take(AuditEvent ev, String mac, boolean check, boolean adoptUnmarked) {
    if (ev.seq() != range.size() + 1) {
      return "row " + ev.seq() + " follows row " + range.size() + ": rows were deleted, inserted or reordered";
    }
    if (check) {
      if (!ev.prevHash().equals(lastHash)) {
        return "row " + ev.seq() + " does not link to row " + (ev.seq() - 1);
      }
      if (!AuditHash.of(ev.seq(), ev.occurredAt(), ev.entry(), ev.prevHash()).equals(ev.hash())) {
        return "row " + ev.seq() + " does not match its hash: it was edited";
      }
      boolean unmarked = mac == null && adoptUnmarked;
      if (!unmarked && !trail.keys().macMatches(AuditHash.chainedMacInput(ev.hash()), mac)) {
        return "row " + ev.seq() + " has no valid server MAC: it was not written by this server";
      }
    }
    byte[] digest = AuditHash.contentDigest(ev.occurredAt(), ev.entry());
    range.appendEntry(digest);
    sinceCheckpoint.add(digest);
    lastHash = ev.hash();
    return null;
  }

  private void alarm(String finding) {
    halted = true;
    LOG.error("AUDIT TAMPERING: {}; no more checkpoints are signed until this is resolved and the server restarted",
        finding);
    alarm = finding;
  }

  /** Records the alarm raised meanwhile, outside this object's lock (recording may chain, which takes the chain's). */
  private void raiseAlarm() {
    String finding;
    String chain;
    synchronized (this) {
      finding = alarm;
      chain = chainId;
      alarm = null;
    }
    if (finding == null) {
      return;
    }
    try {
      trail.recordNow(new AuditEntry(AuditTrail.SYSTEM_ACTOR, AuditAction.TAMPER_ALARM, "audit_event", chain, null,
          null, finding, "audit history unlike its checkpoints: checkpoints stopped", null));
    } catch (RuntimeException e) {
      LOG.error("could not record the audit alarm: {}", e.toString());
    }
  }
}
