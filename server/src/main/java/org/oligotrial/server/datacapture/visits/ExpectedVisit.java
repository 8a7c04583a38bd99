package org.oligotrial.server.datacapture.visits;

import java.time.LocalDate;

/**
 * One expected occurrence of a schedule visit.
 *
 * @param visitId the protocol's visit id, e.g. {@code chemo-cycle}
 * @param name the visit in words
 * @param occurrence 1 for the first occurrence of a repeated visit, 2 for the second, ...
 * @param targetDay days from randomization
 * @param targetDate randomization date + targetDay
 * @param windowStart first acceptable date (inclusive)
 * @param windowEnd last acceptable date (inclusive)
 * @param status the status on the day the schedule was computed
 * @param formId the form that completes it, or null
 * @param doneDate the date of that form, or null
 * @param optional true for occurrences the protocol allows but does not require (chemotherapy cycles 5 and 6); they
 *     are listed only once a form records them
 */
public record ExpectedVisit(String visitId, String name, int occurrence, int targetDay, LocalDate targetDate,
    LocalDate windowStart, LocalDate windowEnd, VisitStatus status, String formId, LocalDate doneDate,
    boolean optional) {

  /** Whether the date lies inside the window. */
  public boolean inWindow(LocalDate d) {
    return !d.isBefore(windowStart) && !d.isAfter(windowEnd);
  }
}
