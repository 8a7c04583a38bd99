package org.oligotrial.server.user;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing down without letting anyone lock a user out: exponential back-off by account and by
 * client address instead of a hard lock.
 *
 * <p>The rule, with {@code n} the consecutive failures counted so far (failed sign-ins and failed signature
 * passwords alike):
 *
 * <pre>
 *   delay(n) = 0                                          for n &lt; 5
 *   delay(n) = min(1 s &times; 2^(n - 5), 15 min)          for n &ge; 5
 * </pre>
 *
 * After a failure the account's next password is checked no earlier than {@code delay(n)} after it: the 5th
 * failure costs 1 s, the 6th 2 s, the 10th 32 s, from the 15th on 15 minutes. An attempt made inside the delay is
 * refused without looking at the password and does not count (so it cannot prolong the delay): once the delay is
 * over, the rightful user's correct password is accepted and resets the count. A guesser gets about 110 passwords
 * per account per day (5 free, 10 within the next 17 minutes, then one per 15 minutes). A count whose last failure
 * is older than {@link #FORGET_AFTER} starts over. The account's state is in the database (every server and tool sees
 * it); a username that does not exist is held back by the same rule, in memory, so that the answer does not tell
 * whether an account exists.
 *
 * <p>Per client address (in memory, per server): the same rule with {@link #FREE_FAILURES_PER_ADDRESS} free
 * failures, counted over every account tried from that address, forgotten after an hour without failure, and not
 * reset by a success (so that an attacker cannot clear it by signing in to an account of their own). It stops one
 * address guessing across many accounts. Because many honest users may share one address (a hospital's proxy or
 * NAT), the address's delay does not apply to an account that has signed in successfully from that address before
 * (remembered in memory, up to {@link #KNOWN_PER_USER} addresses per account): an attacker spraying guesses from the
 * hospital's address cannot keep its staff out.
 *
 * <p>Audit: the failures of one username (known or not) within one minute become one {@code LOGIN_FAILED} row with
 * the count, the addresses and the reasons ({@link FailedLoginAudit}); a success is one {@code LOGIN} row.
 * Thread-safe.
 */
public final class LoginThrottle {
  /** Consecutive failures an account may have before the back-off starts. */
  public static final int FREE_FAILURES = 5;
  /** Failures, over all accounts, one client address may have before the back-off starts. */
  public static final int FREE_FAILURES_PER_ADDRESS = 20;
  /** The first delay; each further failure doubles it. */
  public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  /** The longest delay. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(15);
  /** A failure count whose last failure is older than this starts over. */
  public static final Duration FORGET_AFTER = Duration.ofHours(24);
  /** An address's count is forgotten after this long without a failure. */
  static final Duration ADDRESS_IDLE = Duration.ofHours(1);
  /** Addresses remembered at most; beyond, the idle ones are dropped first. */
  static final int MAX_ADDRESSES = 100_000;
  /** Addresses remembered per account as ones it signed in from. */
  static final int KNOWN_PER_USER = 20;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final Clock clock;
  private final TokenCache tokens;
  private final FailedLoginAudit failures;
  private final Map<String, AddressState> addresses = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> known = new ConcurrentHashMap<>();
  // usernames that do not exist get the same back-off as accounts (in memory), so that being held back does not
  // tell whether an account exists
  private final Map<String, AddressState> unknownNames = new ConcurrentHashMap<>();

  /** The throttle on the register's database; {@code tokens} is emptied when an account's state changes. */
  public LoginThrottle(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, Clock clock, TokenCache tokens) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
    this.tokens = tokens;
    this.failures = new FailedLoginAudit(audit);
  }

  /**
   * The back-off after {@code failures} consecutive failures with {@code free} of them free: zero below, then
   * {@link #FIRST_DELAY} doubling per failure up to {@link #MAX_DELAY}.
   */
  public static Duration delayAfter(int failures, int free) {
    if (failures < free) {
      return Duration.ZERO;
    }
    int doublings = failures - free;
    if (doublings >= 30) {
      return MAX_DELAY;
    }
    Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  /**
   * Until when a sign-in of {@code username} from {@code address} is held back: the later of the account's and the
   * address's back-off, or empty when a password may be checked now.
   */
  public Optional<Instant> heldUntil(String username, String address) {
    Instant now = clock.instant();
    Instant until = null;
    if (username != null) {
      until = jdbc.sql("SELECT throttled_until FROM user_account WHERE username = :u")
          .param("u", username)
          .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
          .optional()
          .map(OffsetDateTime::toInstant)
          .orElse(null);
      AddressState n = unknownNames.get(name(username));
      if (n != null && n.until() != null && (until == null || n.until().isAfter(until))) {
        until = n.until();
      }
    }
    AddressState a = address == null || knownAddress(username, address) ? null : addresses.get(address);
    if (a != null && a.until() != null && (until == null || a.until().isAfter(until))) {
      until = a.until();
    }
    return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }

  /** Records a sign-in refused because of the back-off: audited (in the minute's row), not counted. */
  public void held(String username, String address, Instant until) {
    failures.add(name(username), clock.instant(), "held back until " + until.truncatedTo(ChronoUnit.SECONDS),
        address);
  }

  /**
   * Records a failed sign-in: counted for the account (when it exists) and the address, and audited in the
   * minute's row.
   */
  public void failed(String username, String address, String why) {
    Instant now = clock.instant();
    String name = name(username);
    countForAccount(name, now);
    if (address != null) {
      countForAddress(address, now);
    }
    failures.add(name, now, why, address);
  }

  /** Records a wrong signature password: counted for the account like a failed sign-in (the signer audits it). */
  public void signatureFailed(String username) {
    countForAccount(name(username), clock.instant());
  }

  /**
   * Records a successful sign-in: audited; clears the account's count; remembers the address as one the account
   * signs in from.
   *
   * @param address the client address, or null
   */
  public void succeeded(String username, String address, String how) {
    if (address != null) {
      if (known.size() >= MAX_ADDRESSES) {
        known.clear();
      }
      Set<String> set = known.computeIfAbsent(username, k -> ConcurrentHashMap.newKeySet());
      if (set.size() < KNOWN_PER_USER) {
        set.add(address);
      }
    }
    tx.executeWithoutResult(s -> {
      resetAccount(username);
      audit.record(new AuditEntry(username, AuditAction.LOGIN, "user", username, null, null, null, how, null));
    });
  }

  /** Clears the account's count (a successful signature proves the password as a sign-in does). */
  public void signatureSucceeded(String username) {
    tx.executeWithoutResult(s -> resetAccount(username));
  }

  /** Writes the audit rows of the minutes that are over. Called every few seconds by the server. */
  public void flushAudit() {
    failures.flushDue(clock.instant());
  }

  /** Writes every pending audit row (at shutdown, or in tests). */
  public void flushAuditNow() {
    failures.flushAll();
  }

  private boolean knownAddress(String username, String address) {
    Set<String> set = username == null ? null : known.get(username);
    return set != null && set.contains(address);
  }

  private void resetAccount(String username) {
    jdbc.sql("UPDATE user_account SET failed_count = 0, last_failed_at = NULL, throttled_until = NULL"
            + " WHERE username = :u AND (failed_count > 0 OR throttled_until IS NOT NULL)")
        .param("u", username)
        .update();
  }

  private void countForAccount(String name, Instant now) {
    boolean known = Boolean.TRUE.equals(tx.execute(s -> {
      Optional<int[]> row = jdbc.sql("SELECT failed_count, last_failed_at FROM user_account WHERE username = :u"
              + " FOR UPDATE")
          .param("u", name)
          .query((rs, n) -> {
            OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
            boolean stale = last == null || last.toInstant().plus(FORGET_AFTER).isBefore(now);
            return new int[] {stale ? 0 : rs.getInt(1)};
          })
          .optional();
      if (row.isEmpty()) {
        return false;
      }
      int count = row.get()[0] + 1;
      Duration delay = delayAfter(count, FREE_FAILURES);
      jdbc.sql("UPDATE user_account SET failed_count = :c, last_failed_at = :l, throttled_until = :t"
              + " WHERE username = :u")
          .param("c", count)
          .param("l", utc(now), Types.TIMESTAMP_WITH_TIMEZONE)
          .param("t", delay.isZero() ? null : utc(now.plus(delay)), Types.TIMESTAMP_WITH_TIMEZONE)
          .param("u", name)
          .update();
      return true;
    }));
    if (known) {
      tokens.invalidateAll(); // cached accounts carry the old state; tokens themselves are not throttled
    } else {
      count(unknownNames, name, now, FREE_FAILURES, FORGET_AFTER);
    }
  }

  private void countForAddress(String address, Instant now) {
    count(addresses, address, now, FREE_FAILURES_PER_ADDRESS, ADDRESS_IDLE);
  }

  /** Counts a failure of {@code key} in an in-memory map, bounded to {@link #MAX_ADDRESSES} entries. */
  private static void count(Map<String, AddressState> map, String key, Instant now, int free, Duration idle) {
    if (map.size() >= MAX_ADDRESSES) {
      for (Iterator<AddressState> it = map.values().iterator(); it.hasNext(); ) {
        if (it.next().last().plus(idle).isBefore(now)) {
          it.remove();
        }
      }
      if (map.size() >= MAX_ADDRESSES) {
        map.clear(); // a flood of keys: forgetting them all is the bounded choice
      }
    }
    map.compute(key, (k, old) -> {
      int count = old == null || old.last().plus(idle).isBefore(now) ? 1 : old.count() + 1;
      Duration delay = delayAfter(count, free);
      return new AddressState(count, now, delay.isZero() ? null : now.plus(delay));
    });
  }

  private static String name(String username) {
    if (username == null || username.isBlank()) {
      return "(none)";
    }
    return username.length() <= 64 ? username : username.substring(0, 64);
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private record AddressState(int count, Instant last, Instant until) {}
}
