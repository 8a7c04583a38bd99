package org.oligotrial.server.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the whole chain: sequence numbers 1..n without gaps, each row's {@code prev_hash} equal to the previous
 * row's hash, each hash equal to the recomputed one, and the head equal to the last row. Any edited row fails its
 * own hash; a deleted, inserted or reordered row breaks the sequence or the link; a removed tail disagrees with the
 * head.
 */
public final class AuditVerifier {
  /** At most this many problems are listed; the count is always exact. */
  public static final int MAX_LISTED = 100;

  private final AuditTrail trail;

  public AuditVerifier(AuditTrail trail) {
    this.trail = trail;
  }

  /** Verifies the chain and its head, read consistently (after chaining the rows already committed). */
  public Verification verify() {
    List<String> problems = new ArrayList<>();
    long[] count = {0, 0};
    long[] expectedSeq = {1};
    String[] prev = {AuditHash.GENESIS};
    AuditTrail.Head head = trail.readConsistent(
        ev -> {
          count[0]++;
          if (ev.seq() != expectedSeq[0]) {
            add(problems, count, "row " + ev.seq() + ": expected sequence number " + expectedSeq[0]
                + " (rows deleted, inserted or reordered)");
          }
          if (!ev.prevHash().equals(prev[0])) {
            add(problems, count, "row " + ev.seq() + ": previous-hash link broken (the row before it was changed,"
                + " deleted or reordered)");
          }
          String recomputed = AuditHash.of(ev.seq(), ev.occurredAt(), ev.entry(), ev.prevHash());
          if (!recomputed.equals(ev.hash())) {
            add(problems, count, "row " + ev.seq() + ": content does not match its hash (the row was edited)");
          }
          expectedSeq[0] = ev.seq() + 1;
          prev[0] = ev.hash();
        });
    long last = expectedSeq[0] - 1;
    if (head.seq() != last || !head.hash().equals(prev[0])) {
      add(problems, count, "chain head records row " + head.seq() + " but the trail ends at row " + last
          + " (rows removed from the end, or the head was changed)");
    }
    return new Verification(problems.isEmpty(), count[0], count[1], List.copyOf(problems));
  }

  private static void add(List<String> problems, long[] count, String p) {
    count[1]++;
    if (problems.size() < MAX_LISTED) {
      problems.add(p);
    }
  }

  /**
   * The outcome.
   *
   * @param intact true when no problem was found
   * @param rowsChecked number of audit rows read
   * @param problemCount number of problems found
   * @param problems the first {@link #MAX_LISTED} problems, each naming the row
   */
  public record Verification(boolean intact, long rowsChecked, long problemCount, List<String> problems) {}
}
