package org.oligotrial.server.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link TokenCache} honest across processes on PostgreSQL: a daemon thread holds a connection of its own
 * that {@code LISTEN}s on {@value #CHANNEL}, to which the database's own triggers notify every committed insert,
 * update or delete of {@code api_token}, {@code user_account} or {@code user_site} (migration V33), whichever process
 * or tool made it. Each notification empties the cache. The cache is enabled only while notifications are known to
 * reach the listener: every {@value #HEARTBEAT_SECONDS} s it notifies itself on {@value #HEARTBEAT_CHANNEL}, and
 * caching starts when the first of these comes back; when the connection fails or a heartbeat is not back within
 * {@value #HEARTBEAT_TIMEOUT_SECONDS} s, the cache is disabled and emptied before anything else, so that no change
 * can be missed, and enabled again once a new connection hears itself. Thread-safe.
 */
public final class AccountChangeListener {
  /** The notification channel. */
  public static final String CHANNEL = "oligotrial_account_change";
  /** The channel of the listeners' heartbeats. */
  public static final String HEARTBEAT_CHANNEL = "oligotrial_account_listener_heartbeat";
  /** The listener connection's {@code application_name}. */
  public static final String APPLICATION_NAME = "oligotrial account-change listener";
  static final int HEARTBEAT_SECONDS = 5;
  static final int HEARTBEAT_TIMEOUT_SECONDS = 5;
  private static final int POLL_MILLIS = 500;

  private static final Logger LOG = LoggerFactory.getLogger(AccountChangeListener.class);

  /** Opens a new connection to the database (not from the pool: the listener holds it for good). */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection open() throws SQLException;
  }

  private final TokenCache cache;
  private final ConnectionSource source;
  private volatile boolean stopping;
  private volatile Thread thread;

  public AccountChangeListener(TokenCache cache, ConnectionSource source) {
    this.cache = cache;
    this.source = source;
  }

  /** Starts listening (once; later calls do nothing). */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    stopping = false;
    Thread t = new Thread(this::run, "account-change-listener");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Stops listening; the cache is disabled. */
  public synchronized void stop() {
    Thread t = thread;
    if (t == null) {
      return;
    }
    stopping = true;
    t.interrupt();
    try {
      t.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
    cache.disable();
  }

  private void run() {
    while (!stopping) {
      try (Connection c = source.open()) {
        c.setAutoCommit(true);
        c.setClientInfo("ApplicationName", APPLICATION_NAME);
        // no read waits longer than this (getNotifications sets its own shorter wait)
        c.setNetworkTimeout(Runnable::run, (int) TimeUnit.SECONDS.toMillis(HEARTBEAT_TIMEOUT_SECONDS));
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
          s.execute("LISTEN " + HEARTBEAT_CHANNEL);
        }
        // caching starts when the first heartbeat comes back (listen)
        listen(c, c.unwrap(PGConnection.class));
      } catch (SQLException | RuntimeException e) {
        cache.disable();
        if (!stopping) {
          LOG.warn("not listening for account changes (API tokens are checked against the database until it"
              + " listens again): {}", e.toString());
          LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
      }
    }
  }

  private void listen(Connection c, PGConnection pg) throws SQLException {
    String self = UUID.randomUUID().toString();
    long beats = 0;
    String awaited = beat(c, self + ":" + ++beats);
    long sentAt = System.nanoTime();
    long nextBeat = Long.MAX_VALUE;
    while (!stopping) {
      PGNotification[] received = pg.getNotifications(POLL_MILLIS);
      boolean changed = false;
      for (PGNotification n : received == null ? new PGNotification[0] : received) {
        if (CHANNEL.equals(n.getName())) {
          changed = true;
        } else if (n.getParameter().equals(awaited)) {
          awaited = null;
          nextBeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS);
          if (!cache.enabled()) {
            // our own notification came back: from here every change reaches this connection; cache from empty
            cache.enable();
          }
        }
      }
      if (changed) {
        cache.invalidateAll();
      }
      long now = System.nanoTime();
      if (awaited != null && now - sentAt > TimeUnit.SECONDS.toNanos(HEARTBEAT_TIMEOUT_SECONDS)) {
        throw new SQLException("a notification sent on the listener's connection did not come back within "
            + HEARTBEAT_TIMEOUT_SECONDS + " s");
      }
      if (awaited == null && now - nextBeat >= 0) {
        awaited = beat(c, self + ":" + ++beats);
        sentAt = now;
      }
    }
  }

  /**
   * Notifies {@value #HEARTBEAT_CHANNEL} on the listener's own connection. Its return proves more than a live
   * connection: that notifications reach this session at all (they would not, say, through a pooler that hands each
   * transaction another server connection, and then the cache must stay off).
   */
  private static String beat(Connection c, String payload) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      s.setString(1, HEARTBEAT_CHANNEL);
      s.setString(2, payload);
      s.execute();
    }
    return payload;
  }
}
