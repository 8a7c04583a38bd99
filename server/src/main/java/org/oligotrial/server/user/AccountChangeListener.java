package org.oligotrial.server.user;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * or tool made it. Each notification empties the cache. The cache is enabled only while the listener listens: when
 * the connection fails (or a heartbeat every {@value #HEARTBEAT_SECONDS} s does not come back within {@value
 * #HEARTBEAT_TIMEOUT_SECONDS} s), it is disabled and emptied before anything else, so that no change can be missed,
 * and enabled again once a new connection listens. Thread-safe.
 */
public final class AccountChangeListener {
  /** The notification channel. */
  public static final String CHANNEL = "oligotrial_account_change";
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
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        // from here every change is notified: start caching, from empty
        cache.enable();
        listen(c, pg);
      } catch (SQLException | RuntimeException e) {
        cache.disable();
        if (!stopping) {
          LOG.warn("not listening for account changes (API tokens are checked against the database until it"
              + " listens again): {}", e.toString());
          LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
      } finally {
        cache.disable();
      }
    }
  }

  private void listen(Connection c, PGConnection pg) throws SQLException {
    long nextHeartbeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS);
    while (!stopping) {
      PGNotification[] changes = pg.getNotifications(POLL_MILLIS);
      if (changes != null && changes.length > 0) {
        cache.invalidateAll();
      }
      if (System.nanoTime() - nextHeartbeat >= 0) {
        // a connection that died without a word delivers no notifications and no error: ask it something
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 1");
        }
        nextHeartbeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS);
      }
    }
  }
}
