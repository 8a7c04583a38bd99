package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A progression recorded on the progression form: clinical progression, either without imaging or as the
 * investigator's record of a progression seen on imaging. The RECIST progression itself is computed from the
 * tumour assessments ({@link ParticipantHistory#tumour()}), not from this form.
 *
 * @param date date of the progression
 * @param site where it was found
 * @param lesionId the baseline lesion that progressed (for local failure of an irradiated lesion), or null
 * @param withoutImaging true for a clinical progression without imaging (no RECIST assessment can confirm it)
 */
public record ProgressionEvent(LocalDate date, ProgressionSite site, String lesionId, boolean withoutImaging) {
  /** @throws NullPointerException if date or site is null */
  public ProgressionEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(site, "site");
    lesionId = lesionId == null || lesionId.isBlank() ? null : lesionId.trim();
  }

  /** A form progression with imaging and no lesion named. */
  public ProgressionEvent(LocalDate date, ProgressionSite site) {
    this(date, site, null, false);
  }
}
