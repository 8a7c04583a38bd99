package org.oligotrial.server.dates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.oligotrial.server.kernel.DateRuleException;

/**
 * The date rules of every observation of a participant, the one validator that every service calls before it
 * stores a date (forms of every type, consent, withdrawal, status changes), whichever path the date came by.
 *
 * <ol>
 *   <li>Not after the day it is entered. "Today" is the latest calendar date anywhere on Earth at the moment of
 *       entry (UTC+14): the server does not know the site's time zone, and a date that is already today somewhere
 *       cannot be refused as future; anything later can.
 *   <li>Not before 1900-01-01, and not before the participant's birth (the screening record's {@code birthDate}).
 *   <li>{@link Kind#ON_STUDY} observations (treatment, follow-up assessments, adverse events, progression, death,
 *       last known alive) not before randomization; the baseline tumour assessment, consent and withdrawal may
 *       precede it.
 *   <li>Death last: no observation after the date of death, and a death not before any other observation.
 * </ol>
 *
 * A broken rule throws {@link DateRuleException} (HTTP 400) whose message names the field, the date given and the
 * date it contradicts. Stateless apart from the clock; thread-safe.
 */
public final class ObservationDates {
  /** The earliest date accepted for any observation. */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  /** The time zone whose calendar is the latest on Earth. */
  public static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

  /** Which rules apply beyond the common ones. */
  public enum Kind {
    /** May precede randomization: consent, withdrawal, the baseline tumour assessment. */
    ANY_TIME,
    /** Not before randomization: treatment, assessments, adverse events, progression, last known alive. */
    ON_STUDY,
    /** The date of death: not before randomization, and not before any other observation. */
    DEATH
  }

  private final Clock clock;

  public ObservationDates(Clock clock) {
    this.clock = clock;
  }

  /** The latest calendar date on Earth now: no observation may be dated after it. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(LATEST_ZONE));
  }

  /**
   * Checks one date.
   *
   * @param field the field as the caller names it, e.g. {@code values.startDate} or {@code consent.date}
   * @param what the observation in words, e.g. {@code adverse event onset}
   * @param date the date; null is not checked (required-ness is checked elsewhere)
   * @param kind which rules apply
   * @param facts the participant's bounding dates
   * @throws DateRuleException naming the field and both dates
   */
  public void check(String field, String what, LocalDate date, Kind kind, ParticipantDates facts) {
    if (date == null) {
      return;
    }
    LocalDate today = today();
    if (date.isAfter(today)) {
      throw new DateRuleException(field, "the " + what + " " + date + " is after today (" + today
          + "): no observation is dated after the day it is entered");
    }
    if (date.isBefore(EARLIEST)) {
      throw new DateRuleException(field, "the " + what + " " + date + " is before " + EARLIEST);
    }
    if (facts.birth() != null && date.isBefore(facts.birth())) {
      throw new DateRuleException(field, "the " + what + " " + date + " is before the participant's birth ("
          + facts.birth() + ")");
    }
    if (kind != Kind.ANY_TIME && facts.randomization() != null && date.isBefore(facts.randomization())) {
      throw new DateRuleException(field, "the " + what + " " + date + " is before randomization ("
          + facts.randomization() + "): only the baseline tumour assessment, consent and withdrawal may precede it");
    }
    if (kind == Kind.DEATH) {
      if (facts.latest() != null && date.isBefore(facts.latest().date())) {
        throw new DateRuleException(field, "the " + what + " " + date + " is before the " + facts.latest().what()
            + " (" + facts.latest().date() + "): death is the last observation");
      }
    } else if (facts.death() != null && date.isAfter(facts.death().date())) {
      throw new DateRuleException(field, "the " + what + " " + date + " is after the death ("
          + facts.death().date() + ", " + facts.death().what() + "): nothing is dated after death");
    }
  }
}
