package org.oligotrial.cdisc.model;

import java.time.Instant;

/**
 * A data query raised on a field (by an edit check or by a monitor).
 *
 * @param ref the field queried
 * @param id the query id
 * @param status {@code open}, {@code answered} or {@code closed}
 * @param text the question (and, once answered, the answer after " / ")
 * @param raisedBy the user name, or {@code system} for an edit check
 * @param raisedAt when
 */
public record QueryRecord(FieldRef ref, String id, String status, String text, String raisedBy, Instant raisedAt) {
  /** The statuses a query may have. */
  public static final java.util.List<String> STATUSES = java.util.List.of("open", "answered", "closed");
}
