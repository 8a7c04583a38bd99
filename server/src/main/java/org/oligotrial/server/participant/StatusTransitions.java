package org.oligotrial.server.participant;

import static org.oligotrial.server.participant.ParticipantStatus.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The participant state machine, the only place that says which status may follow which, and which statuses the
 * clinical data decide.
 *
 * <pre>
 * SCREENING         -> SCREEN_FAILED | ELIGIBLE | SCREENING (re-screen) | WITHDRAWN | DIED
 * SCREEN_FAILED     -> SCREENING | ELIGIBLE | SCREEN_FAILED (re-screen creates a new version)
 * ELIGIBLE          -> CONSENTED | SCREENING | SCREEN_FAILED | ELIGIBLE (re-screen) | WITHDRAWN | DIED
 * CONSENTED         -> RANDOMIZED | WITHDRAWN | DIED
 * RANDOMIZED        -> ON_TREATMENT | PROGRESSED | LOST_TO_FOLLOW_UP | WITHDRAWN | DIED
 * ON_TREATMENT      -> OFF_TREATMENT | PROGRESSED | LOST_TO_FOLLOW_UP | WITHDRAWN | DIED
 * OFF_TREATMENT     -> IN_FOLLOW_UP | PROGRESSED | LOST_TO_FOLLOW_UP | WITHDRAWN | DIED
 * IN_FOLLOW_UP      -> PROGRESSED | COMPLETED | LOST_TO_FOLLOW_UP | WITHDRAWN | DIED
 * PROGRESSED        -> COMPLETED | LOST_TO_FOLLOW_UP | WITHDRAWN | DIED
 * LOST_TO_FOLLOW_UP -> WITHDRAWN | DIED (a death learnt later)
 * WITHDRAWN, COMPLETED, DIED: final
 *
 * set by their own action:  SCREENING, SCREEN_FAILED, ELIGIBLE (screening), CONSENTED (consent),
 *                           RANDOMIZED (randomizing)
 * derived from the data:    ON_TREATMENT   the first systemic-therapy or radiotherapy record
 *                           OFF_TREATMENT  a discontinuation, or the planned course completed (with its reason)
 *                           IN_FOLLOW_UP   a follow-up observation after treatment ended
 *                           PROGRESSED     the primary endpoint's progression event (RECIST or clinical)
 *                           DIED           the death form; WITHDRAWN also from the withdrawal form
 * set by a status change:   LOST_TO_FOLLOW_UP, COMPLETED, WITHDRAWN (with its date and reason); DIED only
 *                           before randomization (afterwards the death form decides)
 * corrections:              when data are corrected (a PD removed from an assessment), the derivation may move
 *                           between any two of RANDOMIZED, ON_TREATMENT, OFF_TREATMENT, IN_FOLLOW_UP, PROGRESSED
 * </pre>
 *
 * Re-screening is possible until consent; a screen failure may be re-screened. Death and withdrawal end the study
 * for the participant (death after withdrawal is follow-up data, recorded elsewhere when the participant allowed it).
 */
public final class StatusTransitions {
  private static final Map<ParticipantStatus, Set<ParticipantStatus>> NEXT = new EnumMap<>(ParticipantStatus.class);

  static {
    NEXT.put(SCREENING, EnumSet.of(SCREENING, SCREEN_FAILED, ELIGIBLE, WITHDRAWN, DIED));
    NEXT.put(SCREEN_FAILED, EnumSet.of(SCREENING, SCREEN_FAILED, ELIGIBLE));
    NEXT.put(ELIGIBLE, EnumSet.of(ELIGIBLE, CONSENTED, SCREENING, SCREEN_FAILED, WITHDRAWN, DIED));
    NEXT.put(CONSENTED, EnumSet.of(RANDOMIZED, WITHDRAWN, DIED));
    NEXT.put(RANDOMIZED, EnumSet.of(ON_TREATMENT, PROGRESSED, LOST_TO_FOLLOW_UP, WITHDRAWN, DIED));
    NEXT.put(ON_TREATMENT, EnumSet.of(OFF_TREATMENT, PROGRESSED, LOST_TO_FOLLOW_UP, WITHDRAWN, DIED));
    NEXT.put(OFF_TREATMENT, EnumSet.of(IN_FOLLOW_UP, PROGRESSED, LOST_TO_FOLLOW_UP, WITHDRAWN, DIED));
    NEXT.put(IN_FOLLOW_UP, EnumSet.of(PROGRESSED, COMPLETED, LOST_TO_FOLLOW_UP, WITHDRAWN, DIED));
    NEXT.put(PROGRESSED, EnumSet.of(COMPLETED, LOST_TO_FOLLOW_UP, WITHDRAWN, DIED));
    NEXT.put(LOST_TO_FOLLOW_UP, EnumSet.of(WITHDRAWN, DIED));
    NEXT.put(WITHDRAWN, EnumSet.noneOf(ParticipantStatus.class));
    NEXT.put(COMPLETED, EnumSet.noneOf(ParticipantStatus.class));
    NEXT.put(DIED, EnumSet.noneOf(ParticipantStatus.class));
  }

  /** Statuses set only by screening evaluation (never by a plain status change). */
  public static final Set<ParticipantStatus> SET_BY_SCREENING = EnumSet.of(SCREENING, SCREEN_FAILED, ELIGIBLE);

  /**
   * Statuses that only their own action sets: screening evaluation, recording consent, randomizing. A plain status
   * change never sets them.
   */
  public static final Set<ParticipantStatus> SET_BY_OWN_ACTION =
      EnumSet.of(SCREENING, SCREEN_FAILED, ELIGIBLE, CONSENTED, RANDOMIZED);

  /** Statuses only the clinical data set ({@link #derivedPath(ClinicalCourse)}), never a plain status change. */
  public static final Set<ParticipantStatus> SET_BY_DERIVATION =
      EnumSet.of(ON_TREATMENT, OFF_TREATMENT, IN_FOLLOW_UP, PROGRESSED);

  /** Statuses between which the derivation may move back and forth when the data behind them are corrected. */
  public static final Set<ParticipantStatus> CORRECTABLE =
      EnumSet.of(RANDOMIZED, ON_TREATMENT, OFF_TREATMENT, IN_FOLLOW_UP, PROGRESSED);

  /** Statuses of a randomized participant (from RANDOMIZED on). */
  public static final Set<ParticipantStatus> RANDOMIZED_OR_LATER = EnumSet.of(RANDOMIZED, ON_TREATMENT,
      OFF_TREATMENT, IN_FOLLOW_UP, PROGRESSED, LOST_TO_FOLLOW_UP, WITHDRAWN, COMPLETED, DIED);

  private StatusTransitions() {}

  /**
   * The statuses a plain status change may move a participant to from {@code from}: {@link #next(ParticipantStatus)}
   * less {@link #SET_BY_OWN_ACTION} and {@link #SET_BY_DERIVATION}, and less DIED once randomized (the death form
   * records it). This is what a client may offer as a status change.
   */
  public static Set<ParticipantStatus> nextByStatusChange(ParticipantStatus from) {
    Set<ParticipantStatus> next = next(from);
    next.removeAll(SET_BY_OWN_ACTION);
    next.removeAll(SET_BY_DERIVATION);
    if (RANDOMIZED_OR_LATER.contains(from)) {
      next.remove(DIED);
    }
    return next;
  }

  /** Whether {@code to} may follow {@code from}. */
  public static boolean allowed(ParticipantStatus from, ParticipantStatus to) {
    return NEXT.get(from).contains(to);
  }

  /** Whether the derivation may move {@code from} to {@code to}: a forward move, or a correction of derived data. */
  public static boolean allowedByDerivation(ParticipantStatus from, ParticipantStatus to) {
    return allowed(from, to) || CORRECTABLE.contains(from) && CORRECTABLE.contains(to);
  }

  /** The statuses that may follow {@code from}. */
  public static Set<ParticipantStatus> next(ParticipantStatus from) {
    return EnumSet.copyOf(NEXT.get(from).isEmpty() ? EnumSet.noneOf(ParticipantStatus.class) : NEXT.get(from));
  }

  /** Whether screening may be repeated in this status (until consent). */
  public static boolean canRescreen(ParticipantStatus from) {
    return from == SCREENING || from == SCREEN_FAILED || from == ELIGIBLE;
  }

  /** Whether nothing may follow. */
  public static boolean isFinal(ParticipantStatus s) {
    return NEXT.get(s).isEmpty();
  }

  /**
   * One status on a derived path, with the words that say which data put the participant there.
   *
   * @param status the status
   * @param reason why, e.g. {@code first treatment: systemic therapy cycle 1 on 2025-01-08}
   */
  public record Step(ParticipantStatus status, String reason) {}

  /**
   * The statuses a randomized participant's data pass through, in order, starting at RANDOMIZED: ON_TREATMENT from
   * the first treatment record; OFF_TREATMENT when treatment ended, then IN_FOLLOW_UP from the first follow-up
   * observation after it (both skipped when progression came first: progression ends protocol treatment);
   * PROGRESSED from the progression event; and last DIED or WITHDRAWN, whichever came first (a death after
   * withdrawal is follow-up data and leaves the participant WITHDRAWN).
   */
  public static List<Step> derivedPath(ClinicalCourse c) {
    List<Step> path = new ArrayList<>();
    path.add(new Step(RANDOMIZED, "randomized"));
    if (c.firstTreatment() != null) {
      path.add(new Step(ON_TREATMENT, "first treatment: " + c.firstTreatmentWhat()));
      boolean endedBeforeProgression = c.offTreatment() != null
          && (c.progression() == null || !c.progression().isBefore(c.offTreatment()));
      if (endedBeforeProgression) {
        path.add(new Step(OFF_TREATMENT, "off treatment on " + c.offTreatment() + ": " + c.offTreatmentReason()));
        if (c.followUp() != null && (c.progression() == null || !c.progression().isBefore(c.followUp()))) {
          path.add(new Step(IN_FOLLOW_UP, "in follow-up from " + c.followUp()));
        }
      }
    }
    if (c.progression() != null) {
      path.add(new Step(PROGRESSED, "progressed: " + c.progressionWhat()));
    }
    LocalDate w = c.withdrawal();
    if (w != null && (c.death() == null || !c.death().isBefore(w))) {
      path.add(new Step(WITHDRAWN, "withdrawn on " + w + (c.withdrawalReason() == null ? ""
          : ": " + c.withdrawalReason())));
    } else if (c.death() != null) {
      path.add(new Step(DIED, "died on " + c.death()));
    }
    return path;
  }

  /**
   * The moves that bring a participant from {@code current} to the end of {@code path}: the rest of the path when
   * {@code current} lies on it; one correcting move to its end when the data no longer support {@code current};
   * nothing before randomization, in a final status, or from LOST_TO_FOLLOW_UP unless to DIED or WITHDRAWN.
   */
  public static List<Step> movesFrom(ParticipantStatus current, List<Step> path) {
    if (!RANDOMIZED_OR_LATER.contains(current) || isFinal(current)) {
      return List.of();
    }
    Step last = path.get(path.size() - 1);
    if (current == LOST_TO_FOLLOW_UP) {
      return allowed(current, last.status()) ? List.of(last) : List.of();
    }
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).status() == current) {
        return List.copyOf(path.subList(i + 1, path.size()));
      }
    }
    return allowedByDerivation(current, last.status())
        ? List.of(new Step(last.status(), "corrected: " + last.reason())) : List.of();
  }
}
