package org.oligotrial.server.kernel;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;

/**
 * New record ids: UUID version 7 (RFC 9562, section 5.7), as 36-character text.
 *
 * <p>The first 48 bits are the Unix time in milliseconds, then the version, 74 random bits (from {@link
 * java.security.SecureRandom}, drawn afresh for every id) and the variant. So ids made later sort later, and a B-tree
 * on them (the participant's primary key, its screening versions', status changes' and audit rows' keys that begin
 * with it) grows at its right edge: an insert touches the same few recently used leaf pages instead of a random page
 * of the whole index. Random ids (version 4) scatter inserts over every leaf page, so that after each PostgreSQL
 * checkpoint nearly every insert writes a full 8 KB page image to the WAL, and the cache holds the whole index
 * rather than its end. Within one millisecond the order is random (no counter: the next id cannot be guessed from
 * the last). An id reveals when it was made to the millisecond, which the record it names stores anyway
 * ({@code created_at}). Thread-safe.
 */
public final class Ids {
  private static final NoArgGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

  private Ids() {}

  /** A new id, e.g. {@code 019ac5a2-6b0e-7c3d-9f41-2e8b5d7a1c60}. */
  public static String next() {
    return GENERATOR.generate().toString();
  }
}
