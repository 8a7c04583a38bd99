package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A disagreement between the RECIST progression computed from the tumour assessments and the progression form, for
 * the data manager to resolve (the server opens a query from it). Both values are kept side by side.
 *
 * @param participantId the participant
 * @param kind what disagrees
 * @param recistDate the first RECIST progression date, null when the assessments show none
 * @param formDate the date on the (earliest) progression form, null when there is none
 * @param message the finding in words, with both values
 */
public record ReconciliationFinding(
    String participantId, Kind kind, LocalDate recistDate, LocalDate formDate, String message) {

  /** The three disagreements. */
  public enum Kind {
    /** The assessments show RECIST progression but no progression form was recorded. */
    RECIST_PD_WITHOUT_FORM,
    /** A progression form (with imaging) was recorded but no assessment shows RECIST progression. */
    FORM_WITHOUT_RECIST_PD,
    /** Both exist and their dates differ. */
    DATES_DIFFER
  }

  /** @throws NullPointerException if participantId, kind or message is null */
  public ReconciliationFinding {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
