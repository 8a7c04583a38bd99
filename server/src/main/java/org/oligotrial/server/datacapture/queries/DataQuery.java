package org.oligotrial.server.datacapture.queries;

import java.time.Instant;

/**
 * A query on one field of a form.
 *
 * @param id query id
 * @param formId the form
 * @param participantId the participant
 * @param siteCode the site
 * @param field the field, {@code values.<id>}
 * @param text the question
 * @param origin {@code manual}, or the id of the edit check that opened it
 * @param status {@code OPEN}, {@code ANSWERED} or {@code CLOSED}
 * @param raisedBy who raised it ({@code edit-check} for automatic queries)
 * @param raisedAt when
 * @param answer the site's answer, or null
 * @param answeredBy who answered, or null
 * @param closedBy who closed it, or null
 * @param closeNote note on closing, or null
 * @param closedAt when it was closed, or null
 * @param reopenedBy who re-opened it last, or null
 * @param reopenReason why, or null
 */
public record DataQuery(String id, String formId, String participantId, String siteCode, String field, String text,
    String origin, String status, String raisedBy, Instant raisedAt, String answer, String answeredBy,
    String closedBy, String closeNote, Instant closedAt, String reopenedBy, String reopenReason) {

  /** Whether the query still waits (open or answered, not closed). */
  public boolean pending() {
    return !CLOSED.equals(status);
  }

  /** Whole days since it was raised, at {@code now}. */
  public long ageDays(Instant now) {
    return java.time.Duration.between(raisedAt, now).toDays();
  }

  public static final String OPEN = "OPEN";
  public static final String ANSWERED = "ANSWERED";
  public static final String CLOSED = "CLOSED";
  /** Raiser of the queries opened by edit checks. */
  public static final String EDIT_CHECK = "edit-check";
  /**
   * Raiser of the queries opened by the reconciliation of RECIST progression with the progression forms; their
   * origin is the kind of disagreement ({@code RECIST_PD_WITHOUT_FORM}, {@code FORM_WITHOUT_RECIST_PD},
   * {@code DATES_DIFFER}).
   */
  public static final String RECONCILIATION = "reconciliation";
}
