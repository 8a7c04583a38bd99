package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Derives the endpoints of NCT03119519 from a {@link ParticipantHistory}. Day 0 is the randomization date; times are
 * whole days.
 *
 * <p><b>Follow-up for tumour endpoints</b> ends at withdrawal: progressions, assessments and irradiated-lesion
 * findings after the withdrawal date are not used. The <em>last adequate assessment</em> {@code L} is the latest
 * assessment date (progression dates count as assessments) after randomization and within follow-up; when there is
 * none, {@code L} is the randomization date (censoring at day 0).
 *
 * <ul>
 *   <li><b>PFS</b> (primary): event at the first progression (any site), or at death without progression when the
 *       death is at most {@link EndpointRules#deathAllowanceDays()} after {@code L}; a later death (two or more
 *       missed assessments) is censored at {@code L} (FDA 2018 endpoint guidance). Without event: censored at
 *       {@code L}.
 *   <li><b>Thoracic PFS</b>: the same with only thoracic (primary or regional) progression counting; progression
 *       elsewhere neither ends nor censors it.
 *   <li><b>Local control</b> (participants with irradiated lesions only): event at the first local progression of
 *       an irradiated lesion; deaths are competing events and censored, like every other end of follow-up, at
 *       {@code L} (local status is only known at assessments).
 *   <li><b>OS</b>: event at death from any cause (also after withdrawal, when the date is known); otherwise
 *       censored at the last date known alive: the latest of the last-known-alive date, assessment and progression
 *       dates, and randomization.
 *   <li><b>Toxicity</b>: the worst CTCAE grade per term ({@link ToxicitySummary}).
 *   <li><b>Compliance</b>: delivered / planned cycles and fractions ({@link Compliance}).
 * </ul>
 *
 * <p>A history that contradicts itself throws {@link InvalidHistoryException} naming the field: blank id or arm; a
 * progression, local progression or death on or before randomization; an event or an assessment after death; a
 * last-known-alive date after death or before randomization; a CTCAE grade outside 1-5; negative counts.
 * Instances are immutable and thread-safe.
 */
public final class EndpointDerivation {
  private final EndpointRules rules;

  /** Derivation with {@link EndpointRules#DEFAULT}. */
  public EndpointDerivation() {
    this(EndpointRules.DEFAULT);
  }

  /** @throws NullPointerException if rules is null */
  public EndpointDerivation(EndpointRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /**
   * All endpoints of one participant.
   *
   * @throws InvalidHistoryException if the history contradicts itself (message names the field)
   * @throws NullPointerException if h is null
   */
  public ParticipantEndpoints derive(ParticipantHistory h) {
    check(h);
    TimeToEvent pfs = progressionFree(h, site -> true, "progression");
    TimeToEvent tpfs = progressionFree(h, site -> site == ProgressionSite.THORACIC, "thoracic progression");
    return new ParticipantEndpoints(h, pfs, tpfs, localControl(h), overallSurvival(h),
        ToxicitySummary.worstGrades(h.adverseEvents()), Compliance.of(h.delivery()));
  }

  /** Endpoints of every participant, in the order given. @throws InvalidHistoryException naming the participant */
  public List<ParticipantEndpoints> deriveAll(List<ParticipantHistory> histories) {
    List<ParticipantEndpoints> out = new ArrayList<>();
    for (ParticipantHistory h : histories) {
      try {
        out.add(derive(h));
      } catch (InvalidHistoryException e) {
        throw new InvalidHistoryException("participant " + h.participantId() + ": " + e.getMessage());
      }
    }
    return out;
  }

  TimeToEvent progressionFree(ParticipantHistory h, Predicate<ProgressionSite> counts, String what) {
    LocalDate firstProgression = h.progressions().stream()
        .filter(p -> counts.test(p.site()) && withinFollowUp(h, p.date()))
        .map(ProgressionEvent::date)
        .min(Comparator.naturalOrder())
        .orElse(null);
    if (firstProgression != null) {
      return at(h, firstProgression, true, what);
    }
    LocalDate last = lastAdequateAssessment(h, h.deathDate());
    if (h.deathDate() != null && withinFollowUp(h, h.deathDate())) {
      long gap = ChronoUnit.DAYS.between(last, h.deathDate());
      if (gap <= rules.deathAllowanceDays()) {
        return at(h, h.deathDate(), true, "death without " + what);
      }
      return at(h, last, false, "death " + gap + " days after the last adequate assessment (more than "
          + rules.deathAllowanceDays() + "): censored at " + lastName(h, last));
    }
    return at(h, last, false, (h.withdrawalDate() != null ? "withdrawn; " : "no " + what + "; ")
        + "censored at " + lastName(h, last));
  }

  TimeToEvent localControl(ParticipantHistory h) {
    if (h.treatedLesions().isEmpty()) {
      return null;
    }
    LocalDate first = h.treatedLesions().stream()
        .map(TreatedLesion::localProgressionDate)
        .filter(d -> d != null && withinFollowUp(h, d))
        .min(Comparator.naturalOrder())
        .orElse(null);
    if (first != null) {
      return at(h, first, true, "local progression of an irradiated lesion");
    }
    LocalDate last = lastAdequateAssessment(h, h.deathDate());
    String why = h.deathDate() != null && withinFollowUp(h, h.deathDate())
        ? "death without local progression (competing event)"
        : h.withdrawalDate() != null ? "withdrawn" : "no local progression";
    return at(h, last, false, why + "; censored at " + lastName(h, last));
  }

  TimeToEvent overallSurvival(ParticipantHistory h) {
    if (h.deathDate() != null) {
      return at(h, h.deathDate(), true, "death from any cause");
    }
    LocalDate last = h.randomizationDate();
    last = later(last, h.lastKnownAliveDate());
    for (LocalDate d : h.assessmentDates()) {
      last = later(last, d);
    }
    for (ProgressionEvent p : h.progressions()) {
      last = later(last, p.date());
    }
    return at(h, last, false, "alive; censored at last known alive " + last);
  }

  /** Latest assessment (or progression) date after randomization, within follow-up and not after {@code limit}. */
  private static LocalDate lastAdequateAssessment(ParticipantHistory h, LocalDate limit) {
    Set<LocalDate> dates = new TreeSet<>(h.assessmentDates());
    h.progressions().forEach(p -> dates.add(p.date()));
    LocalDate last = h.randomizationDate();
    for (LocalDate d : dates) {
      if (d.isAfter(h.randomizationDate()) && withinFollowUp(h, d) && (limit == null || !d.isAfter(limit))) {
        last = later(last, d);
      }
    }
    return last;
  }

  private static String lastName(ParticipantHistory h, LocalDate last) {
    return last.equals(h.randomizationDate())
        ? "randomization (no adequate assessment after it)"
        : "last adequate assessment " + last;
  }

  private static boolean withinFollowUp(ParticipantHistory h, LocalDate d) {
    return h.withdrawalDate() == null || !d.isAfter(h.withdrawalDate());
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return b != null && b.isAfter(a) ? b : a;
  }

  private static TimeToEvent at(ParticipantHistory h, LocalDate date, boolean event, String reason) {
    return new TimeToEvent(ChronoUnit.DAYS.between(h.randomizationDate(), date), event, date, reason);
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
    if (death != null && !death.isAfter(r)) {
      throw new InvalidHistoryException("deathDate: " + death + " is not after randomization " + r);
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
