package org.oligotrial.server.participant;

/** Where a participant is in the trial. Legal moves are in {@link StatusTransitions}. */
public enum ParticipantStatus {
  SCREENING,
  SCREEN_FAILED,
  ELIGIBLE,
  CONSENTED,
  RANDOMIZED,
  ON_TREATMENT,
  OFF_TREATMENT,
  IN_FOLLOW_UP,
  PROGRESSED,
  LOST_TO_FOLLOW_UP,
  WITHDRAWN,
  COMPLETED,
  DIED;

  /** Parses {@code on-treatment}, {@code ON_TREATMENT} or {@code on_treatment}; null when unknown. */
  public static ParticipantStatus parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
