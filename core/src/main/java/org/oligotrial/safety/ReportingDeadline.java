package org.oligotrial.safety;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The deadline of a serious adverse event (SAE) report counted from awareness: the investigator reports an SAE to the
 * sponsor "without undue delay but not later than within 24 hours of obtaining knowledge of the events" (Regulation
 * (EU) No 536/2014, Article 41(2); ICH E6(R2) 4.11.1 "immediately"; the seriousness criteria are those of ICH E2A,
 * II.B). With awareness time {@code a} and a limit of {@code h} hours:
 *
 * <pre>
 *   due = a + h hours
 *   a report sent at r is on time  iff  r &lt;= due          (ON_TIME, else LATE)
 *   without a report, at time t:  remaining = due - t      (DUE while remaining &gt;= 0, else OVERDUE)
 * </pre>
 *
 * <p>Times are local date-times as the site enters them (an HTML {@code datetime-local}, {@code yyyy-MM-ddTHH:mm}),
 * so hours are wall-clock hours at the site: a daylight-saving change inside the window makes it one hour longer or
 * shorter in elapsed time, which errs by at most that hour in either direction. A report dated before awareness is
 * on time (the edit check does not judge it; a {@code date-order} check would). Stateless and thread-safe; null
 * arguments other than {@code reported} throw {@link NullPointerException}.
 */
public final class ReportingDeadline {
  /** The limit for an SAE's initial report to the sponsor: 24 hours from awareness. */
  public static final long SAE_HOURS = 24;

  /** Where a report stands. */
  public enum Status { ON_TIME, LATE, DUE, OVERDUE }

  private ReportingDeadline() {}

  /** The moment the report is due: awareness plus {@code hours}. */
  public static LocalDateTime due(LocalDateTime awareness, long hours) {
    return Objects.requireNonNull(awareness, "awareness").plusHours(hours);
  }

  /** Whether a report sent at {@code reported} met the deadline ({@code reported <= awareness + hours}). */
  public static boolean onTime(LocalDateTime awareness, LocalDateTime reported, long hours) {
    return !Objects.requireNonNull(reported, "reported").isAfter(due(awareness, hours));
  }

  /**
   * The status of the report at {@code now}.
   *
   * @param reported when the report was sent, or null when not yet
   */
  public static Status status(LocalDateTime awareness, LocalDateTime reported, LocalDateTime now, long hours) {
    if (reported != null) {
      return onTime(awareness, reported, hours) ? Status.ON_TIME : Status.LATE;
    }
    return now.isAfter(due(awareness, hours)) ? Status.OVERDUE : Status.DUE;
  }

  /** The time left until the deadline at {@code now}; negative once overdue. */
  public static Duration remaining(LocalDateTime awareness, LocalDateTime now, long hours) {
    return Duration.between(Objects.requireNonNull(now, "now"), due(awareness, hours));
  }
}
