package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One time-to-event endpoint of one participant.
 *
 * @param days whole days from randomization to the event or censoring date (0 or more)
 * @param event true for an event, false when censored
 * @param date the event or censoring date
 * @param reason why, in words (e.g. "death after 2 or more missed assessments: censored at last adequate
 *     assessment"), for the audit trail and data review
 * @param source what decided: {@link EventSource#RECIST}, {@link EventSource#CLINICAL} or {@link EventSource#DEATH}
 *     for an event, {@link EventSource#CENSORED} otherwise
 */
public record TimeToEvent(long days, boolean event, LocalDate date, String reason, EventSource source) {
  /** Days per month used for {@link #months()}: 365.25 / 12. */
  public static final double DAYS_PER_MONTH = 30.4375;

  public TimeToEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    if (event == (source == EventSource.CENSORED)) {
      throw new IllegalArgumentException("source " + source + " does not fit event=" + event);
    }
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative, was " + days);
    }
  }

  /** The time in months, {@code days / 30.4375}. */
  public double months() {
    return days / DAYS_PER_MONTH;
  }

  /** The event indicator as 1 (event) or 0 (censored). */
  public int eventFlag() {
    return event ? 1 : 0;
  }
}
