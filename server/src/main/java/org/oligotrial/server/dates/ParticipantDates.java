package org.oligotrial.server.dates;

import java.time.LocalDate;

/**
 * The facts that bound a participant's observation dates. Every part may be null when unknown.
 *
 * @param birth the date of birth from the latest screening record
 * @param randomization the randomization date
 * @param death the date of death with where it was recorded
 * @param latest the latest other observation (any date of any form, consent, withdrawal) with where it was recorded
 */
public record ParticipantDates(LocalDate birth, LocalDate randomization, Dated death, Dated latest) {
  /** Nothing known. */
  public static final ParticipantDates NONE = new ParticipantDates(null, null, null, null);

  /**
   * A date with the words that say where it was recorded, e.g. {@code adverse-event startDate}.
   *
   * @param date the date; never null
   * @param what where it was recorded
   */
  public record Dated(LocalDate date, String what) {}

  /** The same facts with another randomization date. */
  public ParticipantDates withRandomization(LocalDate date) {
    return new ParticipantDates(birth, date, death, latest);
  }
}
