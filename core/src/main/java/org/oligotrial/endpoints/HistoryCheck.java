package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.util.List;
import org.oligotrial.recist.FollowUpAssessment;

/**
 * The consistency checks of a {@link ParticipantHistory} (listed in {@link EndpointDerivation}); each failure throws
 * {@link InvalidHistoryException} naming the field. A death on the day of randomization is accepted (an event at 0
 * days, as the data-capture date rules accept the death form dated that day); a progression on that day is not (no
 * assessment after baseline can have shown it). Stateless and thread-safe.
 */
final class HistoryCheck {
  private HistoryCheck() {}

  static void checkTumourDates(ParticipantHistory h) {
    LocalDate death = h.deathDate();
    List<FollowUpAssessment> a = h.tumour().followUps();
    for (int i = 0; i < a.size(); i++) {
      if (death != null && a.get(i).date().isAfter(death)) {
        throw new InvalidHistoryException("tumour.assessments[" + i + "].date: " + a.get(i).date()
            + " is after death " + death);
      }
    }
  }

  static void check(ParticipantHistory h) {
    if (h.participantId().isBlank()) {
      throw new InvalidHistoryException("participantId: must not be blank");
    }
    if (h.arm().isBlank()) {
      throw new InvalidHistoryException("arm: must not be blank");
    }
    LocalDate r = h.randomizationDate();
    LocalDate death = h.deathDate();
    for (int i = 0; i < h.progressions().size(); i++) {
      LocalDate d = h.progressions().get(i).date();
      if (!d.isAfter(r)) {
        throw new InvalidHistoryException("progressions[" + i + "].date: " + d + " is not after randomization " + r);
      }
      if (death != null && d.isAfter(death)) {
        throw new InvalidHistoryException("progressions[" + i + "].date: " + d + " is after death " + death);
      }
    }
    for (int i = 0; i < h.assessmentDates().size(); i++) {
      LocalDate d = h.assessmentDates().get(i);
      if (d == null) {
        throw new InvalidHistoryException("assessmentDates[" + i + "]: missing date");
      }
      if (death != null && d.isAfter(death)) {
        throw new InvalidHistoryException("assessmentDates[" + i + "]: " + d + " is after death " + death);
      }
    }
    for (int i = 0; i < h.treatedLesions().size(); i++) {
      TreatedLesion t = h.treatedLesions().get(i);
      LocalDate d = t.localProgressionDate();
      if (d != null && !d.isAfter(r)) {
        throw new InvalidHistoryException("treatedLesions[" + i + "] (" + t.id() + ").localProgressionDate: " + d
            + " is not after randomization " + r);
      }
      if (d != null && death != null && d.isAfter(death)) {
        throw new InvalidHistoryException(
            "treatedLesions[" + i + "] (" + t.id() + ").localProgressionDate: " + d + " is after death " + death);
      }
    }
    // a death on the day of randomization is a real event at time 0 (Kaplan-Meier counts it at t = 0: S(0) < 1);
    // only a death before randomization contradicts the history
    if (death != null && death.isBefore(r)) {
      throw new InvalidHistoryException("deathDate: " + death + " is before randomization " + r);
    }
    LocalDate alive = h.lastKnownAliveDate();
    if (alive != null && alive.isBefore(r)) {
      throw new InvalidHistoryException("lastKnownAliveDate: " + alive + " is before randomization " + r);
    }
    if (alive != null && death != null && alive.isAfter(death)) {
      throw new InvalidHistoryException("lastKnownAliveDate: " + alive + " is after death " + death);
    }
    if (h.withdrawalDate() != null && h.withdrawalDate().isBefore(r)) {
      throw new InvalidHistoryException("withdrawalDate: " + h.withdrawalDate() + " is before randomization " + r);
    }
    for (int i = 0; i < h.adverseEvents().size(); i++) {
      AdverseEvent ae = h.adverseEvents().get(i);
      if (ae.term().isBlank()) {
        throw new InvalidHistoryException("adverseEvents[" + i + "].term: must not be blank");
      }
      if (ae.grade() < 1 || ae.grade() > 5) {
        throw new InvalidHistoryException(
            "adverseEvents[" + i + "].grade: CTCAE grade must be 1 to 5, was " + ae.grade() + " (" + ae.term() + ")");
      }
    }
  }
}
