package org.oligotrial.server.datacapture.visits;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oligotrial.protocol.Visit;

/**
 * The expected visits of one participant from the protocol's schedule, day 0 being the randomization date.
 *
 * <p>Rules: a visit with an {@code arm} applies only to that arm, one with a {@code regimenCategory} only to
 * participants with that first-line category (both when the category is not recorded). A repeated visit occurs on
 * {@code firstDay + k * everyDays} while {@code k < maxOccurrences} and the day is at most {@code untilDay};
 * occurrences beyond {@code minOccurrences} are optional (listed only when done). Open-ended series are listed up to
 * {@link #HORIZON_DAYS} after today. Treatment, TKI review and tumour-assessment visits end at the first
 * progression; every visit ends at death; after withdrawal only survival follow-up continues, and only when the
 * participant allowed it. A visit is done when a form is assigned to it (see {@link #assign}). Stateless and
 * thread-safe.
 */
public final class VisitSchedule {
  /** How far after today open-ended series are listed. */
  public static final int HORIZON_DAYS = 91;
  private static final Set<String> END_AT_PROGRESSION =
      Set.of("chemo-cycle", "tki-review", "radiotherapy", "tumour-assessment-year-1", "tumour-assessment-later");
  private static final String SURVIVAL = "survival-follow-up";

  private final List<Visit> visits;

  public VisitSchedule(List<Visit> visits) {
    this.visits = List.copyOf(visits);
  }

  /**
   * What limits the schedule of one participant.
   *
   * @param arm allocated arm id
   * @param regimenCategory {@code chemotherapy}, {@code targeted}, or null when unknown
   * @param randomizationDate day 0
   * @param progressionDate first progression, or null
   * @param deathDate death, or null
   * @param withdrawalDate withdrawal, or null
   * @param followUpAllowed whether survival follow-up continues after withdrawal
   */
  public record Participant(String arm, String regimenCategory, LocalDate randomizationDate,
      LocalDate progressionDate, LocalDate deathDate, LocalDate withdrawalDate, boolean followUpAllowed) {}

  /**
   * A form that completes a visit occurrence.
   *
   * @param formId the form
   * @param visitId the visit
   * @param occurrence the occurrence number
   * @param date the form's date
   */
  public record Completion(String formId, String visitId, int occurrence, LocalDate date) {}

  /** The expected visits on {@code today}, by target date then visit order. */
  public List<ExpectedVisit> expected(Participant p, List<Completion> done, LocalDate today) {
    Map<String, Completion> byKey = new HashMap<>();
    done.forEach(c -> byKey.putIfAbsent(c.visitId() + "#" + c.occurrence(), c));
    List<ExpectedVisit> out = new ArrayList<>();
    for (Visit v : applicable(p)) {
      for (Slot s : slots(v, p, today)) {
        Completion c = byKey.get(v.id() + "#" + s.occurrence);
        if (s.optional && c == null) {
          continue;
        }
        out.add(visit(v, s, p.randomizationDate(), c, today));
      }
    }
    out.sort(Comparator.comparing(ExpectedVisit::targetDate));
    return out;
  }

  /**
   * The occurrence a form dated {@code date} completes among {@code visitIds}: the applicable occurrence with the
   * target date nearest to it that no other form has taken (the earlier one on a tie), or null when none is left.
   *
   * @param taken keys {@code visitId#occurrence} already completed by other forms
   */
  public Completion assign(Participant p, List<String> visitIds, LocalDate date, Set<String> taken, String formId,
      LocalDate today) {
    Completion best = null;
    long bestGap = Long.MAX_VALUE;
    LocalDate horizon = date.isAfter(today) ? date : today;
    for (Visit v : applicable(p)) {
      if (!visitIds.contains(v.id())) {
        continue;
      }
      for (Slot s : slots(v, p, horizon)) {
        if (taken.contains(v.id() + "#" + s.occurrence)) {
          continue;
        }
        long gap = Math.abs(ChronoUnit.DAYS.between(p.randomizationDate().plusDays(s.day), date));
        if (gap < bestGap) {
          bestGap = gap;
          best = new Completion(formId, v.id(), s.occurrence, date);
        }
      }
    }
    return best;
  }

  /** Whether the visit id names a visit of the schedule with that occurrence for the participant. */
  public boolean exists(Participant p, String visitId, int occurrence, LocalDate until) {
    for (Visit v : applicable(p)) {
      if (v.id().equals(visitId)) {
        return slots(v, p, until).stream().anyMatch(s -> s.occurrence == occurrence);
      }
    }
    return false;
  }

  private List<Visit> applicable(Participant p) {
    return visits.stream()
        .filter(v -> v.arm() == null || v.arm().equals(p.arm()))
        .filter(v -> v.regimenCategory() == null || p.regimenCategory() == null
            || v.regimenCategory().equals(p.regimenCategory()))
        .toList();
  }

  private record Slot(int occurrence, int day, boolean optional) {}

  private List<Slot> slots(Visit v, Participant p, LocalDate today) {
    List<Slot> out = new ArrayList<>();
    LocalDate day0 = p.randomizationDate();
    long horizon = ChronoUnit.DAYS.between(day0, today) + HORIZON_DAYS;
    int k = 0;
    while (true) {
      int day = v.firstDay() + (v.everyDays() == null ? 0 : k * v.everyDays());
      if (v.maxOccurrences() != null && k >= v.maxOccurrences()) {
        break;
      }
      if (v.untilDay() != null && day > v.untilDay()) {
        break;
      }
      boolean bounded = v.everyDays() == null || v.maxOccurrences() != null || v.untilDay() != null;
      if (!bounded && day > horizon) {
        break;
      }
      LocalDate target = day0.plusDays(day);
      if (!stillExpected(v, p, target)) {
        break;
      }
      boolean optional = v.minOccurrences() != null && k >= v.minOccurrences();
      out.add(new Slot(k + 1, day, optional));
      if (v.everyDays() == null) {
        break;
      }
      k++;
    }
    return out;
  }

  private static boolean stillExpected(Visit v, Participant p, LocalDate target) {
    if (p.deathDate() != null && target.isAfter(p.deathDate())) {
      return false;
    }
    if (p.progressionDate() != null && END_AT_PROGRESSION.contains(v.id()) && target.isAfter(p.progressionDate())) {
      return false;
    }
    if (p.withdrawalDate() != null && target.isAfter(p.withdrawalDate())) {
      return v.id().equals(SURVIVAL) && p.followUpAllowed();
    }
    return true;
  }

  private static ExpectedVisit visit(Visit v, Slot s, LocalDate day0, Completion c, LocalDate today) {
    LocalDate target = day0.plusDays(s.day);
    LocalDate from = target.minusDays(v.windowBeforeDays());
    LocalDate to = target.plusDays(v.windowAfterDays());
    VisitStatus status;
    if (c != null) {
      status = !c.date().isBefore(from) && !c.date().isAfter(to) ? VisitStatus.DONE : VisitStatus.DONE_OUT_OF_WINDOW;
    } else if (today.isAfter(to)) {
      status = VisitStatus.OVERDUE;
    } else if (!today.isBefore(from)) {
      status = VisitStatus.DUE;
    } else {
      status = VisitStatus.UPCOMING;
    }
    return new ExpectedVisit(v.id(), v.name(), s.occurrence, s.day, target, from, to, status,
        c == null ? null : c.formId(), c == null ? null : c.date(), s.optional);
  }
}
