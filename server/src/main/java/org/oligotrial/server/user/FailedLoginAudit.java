package org.oligotrial.server.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;

/**
 * Folds the failed sign-ins of one username within one minute into one audit row: a minute opens at the first
 * failure and closes {@link #WINDOW} later; its row ({@code LOGIN_FAILED}, field {@code failedAttempts}, the count as
 * new value) is written when a later failure finds it closed, when the server's timer finds it closed (every few
 * seconds), or at shutdown. Its reason lists the first and last time, the client addresses and the reasons with
 * their counts. A server that stops abruptly loses at most the open minutes' rows; the back-off itself is counted
 * in the database at each failure. Thread-safe.
 */
final class FailedLoginAudit {
  /** Failures of one username within this time share a row. */
  static final Duration WINDOW = Duration.ofMinutes(1);
  /** Distinct addresses named in one row at most. */
  private static final int MAX_ADDRESSES = 10;

  private final AuditTrail audit;
  private final Map<String, Minute> open = new HashMap<>();

  FailedLoginAudit(AuditTrail audit) {
    this.audit = audit;
  }

  void add(String username, Instant now, String why, String address) {
    Minute closed = null;
    synchronized (this) {
      Minute m = open.get(username);
      if (m != null && !now.isBefore(m.first.plus(WINDOW))) {
        closed = open.remove(username);
        m = null;
      }
      if (m == null) {
        m = new Minute(username, now);
        open.put(username, m);
      }
      m.add(now, why, address);
    }
    if (closed != null) {
      write(closed);
    }
  }

  void flushDue(Instant now) {
    List<Minute> due = new ArrayList<>();
    synchronized (this) {
      for (Iterator<Minute> it = open.values().iterator(); it.hasNext(); ) {
        Minute m = it.next();
        if (!now.isBefore(m.first.plus(WINDOW))) {
          due.add(m);
          it.remove();
        }
      }
    }
    due.forEach(this::write);
  }

  void flushAll() {
    List<Minute> all;
    synchronized (this) {
      all = new ArrayList<>(open.values());
      open.clear();
    }
    all.forEach(this::write);
  }

  private void write(Minute m) {
    audit.recordNow(new AuditEntry(m.username, AuditAction.LOGIN_FAILED, "user", m.username, "failedAttempts", null,
        Integer.toString(m.count), m.describe(), null));
  }

  private static final class Minute {
    final String username;
    final Instant first;
    Instant last;
    int count;
    final Map<String, Integer> reasons = new LinkedHashMap<>();
    final TreeSet<String> addresses = new TreeSet<>();

    Minute(String username, Instant first) {
      this.username = username;
      this.first = first;
      this.last = first;
    }

    void add(Instant at, String why, String address) {
      count++;
      last = at;
      reasons.merge(why, 1, Integer::sum);
      if (address != null && addresses.size() < MAX_ADDRESSES) {
        addresses.add(address);
      }
    }

    String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(count).append(count == 1 ? " failed sign-in" : " failed sign-ins");
      sb.append(" from ").append(first.truncatedTo(ChronoUnit.SECONDS));
      sb.append(" to ").append(last.truncatedTo(ChronoUnit.SECONDS));
      if (!addresses.isEmpty()) {
        sb.append(" from ").append(String.join(", ", addresses));
      }
      sb.append(": ");
      List<String> parts = new ArrayList<>();
      reasons.forEach((why, n) -> parts.add(why + " (" + n + ")"));
      sb.append(String.join(", ", parts));
      return sb.length() > 4000 ? sb.substring(0, 4000) : sb.toString();
    }
  }
}
