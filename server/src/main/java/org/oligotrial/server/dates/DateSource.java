package org.oligotrial.server.dates;

/**
 * The dates one feature holds of a participant, read by the feature that owns them (the participant feature: birth,
 * consent and withdrawal; randomization: its date; data capture: the death form and every date of every other form).
 * {@link ParticipantDatesReader} puts them together. Implementations read in the caller's transaction and are
 * thread-safe.
 */
@FunctionalInterface
public interface DateSource {
  /** Holds no dates. */
  DateSource NONE = (participantId, excludeFormId) -> ParticipantDates.NONE;

  /**
   * The dates this feature holds; parts it does not hold are null.
   *
   * @param excludeFormId a form left out (the one being changed), or null
   */
  ParticipantDates datesOf(String participantId, String excludeFormId);
}
