package org.oligotrial.server.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.oligotrial.merkle.MerkleRange;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the audit trail.
 *
 * <p>The chain ({@link #verify()}): sequence numbers 1..n without gaps, each row's {@code prev_hash} equal to the
 * previous row's hash, each hash equal to the recomputed one, and the head equal to the last row. This alone cannot
 * see a history rewritten consistently by someone holding the database (edit, re-hash every later row, set the head).
 *
 * <p>Against the checkpoint log ({@link #verify(Witness)}), in addition: every checkpoint in the log must carry a
 * valid signature of the public key, follow the one before (numbers 1, 2, ... and rows without gap), and its row
 * digests must rebuild its signed Merkle root; the database's copies of the checkpoints must not go beyond the log
 * (a log replaced by an older copy). Then the database's rows are aligned with the rows the newest checkpoint
 * witnessed, by content digest ({@link AuditHash#contentDigest}) with a one-row look-ahead, and every difference is
 * named by sequence number: rewritten, inserted, deleted, reordered, or missing from the end (truncated). The rows
 * after the newest checkpoint are counted as not yet witnessed (never as verified); with the MAC key each of them
 * must carry the server's MAC, so a row written into {@code audit_event} by anyone else is found.
 *
 * <p>Cost: one scan of the trail and of the log; memory 32 bytes a row (the digests). Thread-safe.
 */
public final class AuditVerifier {
  /**
   * Whether the trail holds a row chained with a MAC, or a checkpoint: then keys were in use and must exist
   * somewhere (the operator commands refuse to make new ones).
   */
  public static boolean keyedBefore(JdbcClient jdbc) {
    return jdbc.sql("SELECT seq FROM audit_event WHERE mac IS NOT NULL FETCH FIRST 1 ROWS ONLY").query(Long.class)
        .optional().isPresent()
        || jdbc.sql("SELECT number FROM audit_checkpoint FETCH FIRST 1 ROWS ONLY").query(Long.class).optional()
        .isPresent();
  }

  /** At most this many problems are listed; the count is always exact. */
  public static final int MAX_LISTED = 100;

  private final AuditTrail trail;
  private final JdbcClient jdbc;

  public AuditVerifier(AuditTrail trail, JdbcClient jdbc) {
    this.trail = trail;
    this.jdbc = jdbc;
  }

  /**
   * What to check the trail against.
   *
   * @param log the checkpoint log
   * @param publicKey the key the checkpoints must be signed with
   * @param macKeys the MAC key to check unwitnessed rows with, or null to skip that check
   */
  public record Witness(CheckpointLog log, PublicKey publicKey, AuditKeys macKeys) {}

  /** Verifies the chain and its head, read consistently (after chaining the rows already committed). */
  public Verification verify() {
    return verify(null);
  }

  /** Verifies the chain and, when {@code witness} is given, the rows against its checkpoint log. */
  public Verification verify(Witness witness) {
    Findings f = new Findings();
    String chainId = witness == null ? null : jdbc.sql("SELECT chain_id FROM audit_head WHERE id = 1")
        .query(String.class).optional().orElse(null);
    Witnessed w = chainId == null ? new Witnessed() : readLog(witness, chainId, f);
    long witnessedSize = w.digests.size();
    String[] signedHead = {null};
    long[] unmarked = {0};
    long[] expectedSeq = {1};
    String[] prev = {AuditHash.GENESIS};
    List<byte[]> digests = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<Long> badMacs = new ArrayList<>();
    AuditTrail.Head head = trail.readConsistent(
        ev -> {
          f.rows++;
          if (ev.seq() != expectedSeq[0]) {
            f.add(ev.seq(), "row " + ev.seq() + ": expected sequence number " + expectedSeq[0]
                + " (rows deleted, inserted or reordered)");
          }
          if (!ev.prevHash().equals(prev[0])) {
            f.add(ev.seq(), "row " + ev.seq() + ": previous-hash link broken (the row before it was changed,"
                + " deleted or reordered)");
          }
          String recomputed = AuditHash.of(ev.seq(), ev.occurredAt(), ev.entry(), ev.prevHash());
          if (!recomputed.equals(ev.hash())) {
            f.add(ev.seq(), "row " + ev.seq() + ": content does not match its hash (the row was edited)");
          }
          expectedSeq[0] = ev.seq() + 1;
          prev[0] = ev.hash();
          if (witness != null) {
            digests.add(AuditHash.contentDigest(ev.occurredAt(), ev.entry()));
            seqs.add(ev.seq());
            if (ev.seq() == witnessedSize) {
              signedHead[0] = ev.hash();
            }
            if (ev.mac() == null && !w.anyCheckpoint) {
              unmarked[0]++;
            } else if (ev.seq() > witnessedSize && witness.macKeys() != null
                && !witness.macKeys().macMatches(AuditHash.chainedMacInput(ev.hash()), ev.mac())) {
              badMacs.add(ev.seq());
            }
          }
        });
    long last = expectedSeq[0] - 1;
    if (head == null) {
      f.add(last, "the chain head (audit_head) is missing");
    } else if (head.seq() != last || !head.hash().equals(prev[0])) {
      f.add(last, "chain head records row " + head.seq() + " but the trail ends at row " + last
          + " (rows removed from the end, or the head was changed)");
    }
    if (witness == null) {
      return f.result(0, 0, f.rows);
    }
    align(digests, seqs, w, f);
    long witnessedRows = Math.min(w.digests.size(), digests.size());
    if (w.newest != null && signedHead[0] != null && !signedHead[0].equals(w.newest.head()) && f.problemCount == 0) {
      f.add(w.newest.size(), "row " + w.newest.size() + ": hash differs from the head signed by checkpoint "
          + w.newest.number() + " (the chain was re-hashed)");
    }
    long notYet = Math.max(0, digests.size() - w.digests.size());
    for (Long s : badMacs) {
      f.add(s, "row " + s + ": no valid server MAC, so not written by the server (inserted into audit_event)");
    }
    if (unmarked[0] > 0) {
      f.notes.add(unmarked[0] + " rows were chained before rows carried MACs; the first checkpoint will witness them");
    }
    if (notYet > 0) {
      long from = digests.size() - notYet + 1;
      f.notes.add("rows " + from + ".." + digests.size() + " (" + notYet + ") come after checkpoint "
          + (w.newest == null ? "none" : Long.toString(w.newest.number())) + ": not yet witnessed, not verified");
    }
    return f.result(w.newest == null ? 0 : w.newest.number(), witnessedRows, notYet);
  }

  /** The rows the log witnessed, checked. */
  private static final class Witnessed {
    final List<byte[]> digests = new ArrayList<>();
    Checkpoint newest;
    /** Whether the log or the database holds any checkpoint of the chain (then every later row needs its MAC). */
    boolean anyCheckpoint;
  }

  private Witnessed readLog(Witness witness, String chainId, Findings f) {
    Witnessed w = new Witnessed();
    // the database's copies first: the server writes a checkpoint to the log before the database, so one read here
    // is in the log by the time the log is read, even while a server is checkpointing
    List<String> inDatabase = jdbc.sql("SELECT signed_text FROM audit_checkpoint WHERE chain_id = :c ORDER BY number")
        .param("c", chainId).query(String.class).list();
    CheckpointLog.Contents contents = witness.log().read(chainId);
    w.anyCheckpoint = !inDatabase.isEmpty() || !contents.entries().isEmpty() || !contents.unreadable().isEmpty();
    for (String u : contents.unreadable()) {
      f.addLog("checkpoint log " + witness.log().directory().resolve(chainId) + ": " + u + " (the log was edited)");
    }
    MerkleRange range = new MerkleRange();
    long expectedNumber = 1;
    for (CheckpointLog.Entry e : contents.entries()) {
      Checkpoint cp = e.checkpoint();
      if (!cp.signedBy(witness.publicKey())) {
        f.addLog("checkpoint " + cp.number() + " in the log: signature not valid for the public key (forged, or"
            + " signed with another key)");
        break;
      }
      if (cp.number() != expectedNumber) {
        f.addLog("the checkpoint log lacks checkpoint " + expectedNumber
            + (cp.number() > expectedNumber + 1 ? " to " + (cp.number() - 1) : "") + " (files removed from the log)");
        break;
      }
      if (e.firstRow() != range.size() + 1 || cp.size() != range.size() + e.digests().size()) {
        f.addLog("checkpoint " + cp.number() + " in the log witnesses rows " + e.firstRow() + ".." + cp.size()
            + " but the one before ended at row " + range.size() + " (the log was edited)");
        break;
      }
      e.digests().forEach(range::appendEntry);
      if (!Arrays.equals(range.root(), cp.rootBytes())) {
        f.addLog("checkpoint " + cp.number() + " in the log: its row digests do not rebuild its signed root (the"
            + " log file was edited)");
        break;
      }
      w.digests.addAll(e.digests());
      w.newest = cp;
      expectedNumber++;
    }
    long logNewest = w.newest == null ? 0 : w.newest.number();
    inDatabase.forEach(text -> {
      Checkpoint cp;
      try {
        cp = Checkpoint.parse(text);
      } catch (IllegalArgumentException e) {
        f.addLog("a checkpoint in the database is not readable: " + e.getMessage());
        return;
      }
      if (!cp.signedBy(witness.publicKey())) {
        f.addLog("checkpoint " + cp.number() + " in the database: signature not valid (forged)");
      } else if (cp.number() > logNewest) {
        f.addLog("the checkpoint log ends at checkpoint " + logNewest + " but the database holds signed"
            + " checkpoint " + cp.number() + " (rows 1.." + cp.size() + "): the log was replaced by an older"
            + " copy or lost files");
      }
    });
    if (contents.entries().isEmpty()) {
      List<String> others = witness.log().otherChains(chainId);
      f.notes.add("the checkpoint log " + witness.log().directory() + " holds no checkpoint of chain " + chainId
          + (others.isEmpty() ? "" : " (it holds " + others.size() + " other chain(s); was the chain id changed?)"));
    }
    return w;
  }

  /**
   * Aligns the database's rows ({@code d}) with the witnessed ones ({@code w.digests}), one-row look-ahead, and names
   * each difference.
   */
  private static void align(List<byte[]> d, List<Long> seqs, Witnessed w, Findings f) {
    List<byte[]> wd = w.digests;
    String by = w.newest == null ? "" : " by checkpoint " + w.newest.number();
    int i = 0;
    int j = 0;
    while (j < wd.size() && i < d.size()) {
      if (eq(d, i, wd, j)) {
        i++;
        j++;
      } else if (eq(d, i, wd, j + 1) && eq(d, i + 1, wd, j)) {
        f.add(seqs.get(i), "rows " + seqs.get(i) + " and " + seqs.get(i + 1) + ": in another order than witnessed"
            + by + " (reordered)");
        i += 2;
        j += 2;
      } else if (eq(d, i + 1, wd, j)) {
        f.add(seqs.get(i), "row " + seqs.get(i) + ": not among the rows witnessed" + by + " (inserted)");
        i++;
      } else if (eq(d, i, wd, j + 1)) {
        f.add(seqs.get(i), "witnessed row " + (j + 1) + " is missing (deleted)");
        j++;
      } else {
        f.add(seqs.get(i), "row " + seqs.get(i) + ": content differs from the row witnessed" + by + " (rewritten)");
        i++;
        j++;
      }
    }
    if (j < wd.size()) {
      long from = j + 1;
      f.add(from, "rows " + from + ".." + wd.size() + " witnessed" + by + " are missing from the trail ("
          + (i == 0 && from == 1 ? "the trail was emptied" : "the trail was truncated") + ")");
    }
  }

  private static boolean eq(List<byte[]> a, int i, List<byte[]> b, int j) {
    return i < a.size() && j < b.size() && Arrays.equals(a.get(i), b.get(j));
  }

  private static final class Findings {
    long rows;
    long problemCount;
    final List<String> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    void add(long seq, String p) {
      problemCount++;
      if (problems.size() < MAX_LISTED) {
        problems.add(p);
      }
    }

    void addLog(String p) {
      add(0, p);
    }

    Verification result(long checkpoint, long witnessedRows, long notYetWitnessed) {
      return new Verification(problemCount == 0, rows, problemCount, List.copyOf(problems), checkpoint,
          witnessedRows, notYetWitnessed, List.copyOf(notes));
    }
  }

  /**
   * The outcome.
   *
   * @param intact true when no problem was found (rows not yet witnessed are not problems, nor are they verified)
   * @param rowsChecked number of audit rows read
   * @param problemCount number of problems found
   * @param problems the first {@link #MAX_LISTED} problems, each naming the row or checkpoint
   * @param checkpoint the newest valid checkpoint in the log (0: none, or no log given)
   * @param witnessedRows rows covered by that checkpoint
   * @param notYetWitnessed rows after it: checked for chain and MAC only
   * @param notes facts that are not problems (the rows not yet witnessed, a log without this chain)
   */
  public record Verification(boolean intact, long rowsChecked, long problemCount, List<String> problems,
      long checkpoint, long witnessedRows, long notYetWitnessed, List<String> notes) {}
}
