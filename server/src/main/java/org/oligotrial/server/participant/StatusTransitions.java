package org.oligotrial.server.participant;

import static org.oligotrial.server.participant.ParticipantStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The participant state machine, the only place that says which status may follow which.
 *
 * <pre>
 * SCREENING     -> SCREEN_FAILED | ELIGIBLE | SCREENING (re-screen) | WITHDRAWN | DIED
 * SCREEN_FAILED -> SCREENING | ELIGIBLE | SCREEN_FAILED (re-screen creates a new version)
 * ELIGIBLE      -> CONSENTED | SCREENING | SCREEN_FAILED | ELIGIBLE (re-screen) | WITHDRAWN | DIED
 * CONSENTED     -> RANDOMIZED | WITHDRAWN | DIED
 * RANDOMIZED    -> ON_TREATMENT | WITHDRAWN | DIED
 * ON_TREATMENT  -> IN_FOLLOW_UP | WITHDRAWN | DIED
 * IN_FOLLOW_UP  -> COMPLETED | WITHDRAWN | DIED
 * WITHDRAWN, COMPLETED, DIED: final
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
    NEXT.put(RANDOMIZED, EnumSet.of(ON_TREATMENT, WITHDRAWN, DIED));
    NEXT.put(ON_TREATMENT, EnumSet.of(IN_FOLLOW_UP, WITHDRAWN, DIED));
    NEXT.put(IN_FOLLOW_UP, EnumSet.of(COMPLETED, WITHDRAWN, DIED));
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

  private StatusTransitions() {}

  /**
   * The statuses a plain status change may move a participant to from {@code from}: {@link #next(ParticipantStatus)}
   * less {@link #SET_BY_OWN_ACTION}. This is what a client may offer as a status change.
   */
  public static Set<ParticipantStatus> nextByStatusChange(ParticipantStatus from) {
    Set<ParticipantStatus> next = next(from);
    next.removeAll(SET_BY_OWN_ACTION);
    return next;
  }

  /** Whether {@code to} may follow {@code from}. */
  public static boolean allowed(ParticipantStatus from, ParticipantStatus to) {
    return NEXT.get(from).contains(to);
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
}
