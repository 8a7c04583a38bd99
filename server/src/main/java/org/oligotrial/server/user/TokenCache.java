package org.oligotrial.server.user;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid API tokens already checked against the database, so that a request with a known token needs no database
 * round trip to authenticate. Off until {@link #enable}d, which only an {@link AccountChangeListener} does while it
 * listens for changes to tokens, users and their sites (PostgreSQL notifications from every process): any such
 * change, and any failure of the listener, empties the cache at once ({@link #invalidateAll}, {@link #disable}).
 * Writes in this process also empty it synchronously, before they return.
 *
 * <p>A token read from the database is cached only if no invalidation came between the start of the read and the
 * store ({@link #generation}): a change committed while a request was reading cannot leave a stale entry behind.
 * Expiry and lockout are checked on every use by the caller. Unknown and revoked tokens are never cached. At most
 * {@link #MAX_ENTRIES} entries; past that the cache starts afresh. Thread-safe.
 */
public final class TokenCache {
  /** Most tokens held at once. */
  static final int MAX_ENTRIES = 10_000;

  /** A valid token's owner (with role and sites) and expiry, as read from the database. */
  record Entry(UserAccount user, Instant expiresAt) {}

  private final ConcurrentHashMap<String, Entry> byHash = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean enabled;

  /** The cached entry for the token's hash, or null (always null while disabled). */
  Entry get(String tokenHash) {
    return enabled ? byHash.get(tokenHash) : null;
  }

  /** The invalidation count; read it before reading a token from the database, pass it to {@link #put}. */
  long generation() {
    return generation.get();
  }

  /** Caches an entry read from the database after {@link #generation} returned {@code readAt}. */
  void put(String tokenHash, Entry entry, long readAt) {
    if (!enabled || generation.get() != readAt) {
      return;
    }
    if (byHash.size() >= MAX_ENTRIES) {
      byHash.clear();
    }
    byHash.put(tokenHash, entry);
    if (generation.get() != readAt) {
      // an invalidation ran between the check above and the put
      byHash.remove(tokenHash, entry);
    }
  }

  /** Forgets every entry; reads that started before cannot store theirs. */
  public void invalidateAll() {
    generation.incrementAndGet();
    byHash.clear();
  }

  /** Starts caching (from empty). */
  void enable() {
    invalidateAll();
    enabled = true;
  }

  /** Stops caching and forgets every entry: every token is checked against the database again. */
  void disable() {
    enabled = false;
    invalidateAll();
  }

  /** Whether tokens are being cached. */
  public boolean enabled() {
    return enabled;
  }

  /** Number of cached tokens. */
  int size() {
    return byHash.size();
  }
}
