package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A RECIST 1.1 progression found at a tumour assessment (for example the {@code progressionDate} of
 * {@link org.oligotrial.recist.RecistEvaluation}).
 *
 * @param date date of the assessment that showed progression
 * @param site where it was found
 */
public record ProgressionEvent(LocalDate date, ProgressionSite site) {
  /** @throws NullPointerException if an argument is null */
  public ProgressionEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(site, "site");
  }
}
