package org.oligotrial.server.participant;

import java.util.List;

/**
 * The eligibility result for one screening record, as stored with the screening version.
 *
 * @param verdict {@code ELIGIBLE}, {@code INELIGIBLE} or {@code INCOMPLETE}
 * @param resultJson the full result as JSON (criterion by criterion), stored verbatim
 * @param protocolVersion the protocol version the result was computed against
 * @param screenFailureReasons the failed criteria, readable; empty unless ineligible
 */
public record ScreeningEvaluation(
    String verdict, String resultJson, String protocolVersion, List<String> screenFailureReasons) {
  public ScreeningEvaluation {
    screenFailureReasons = List.copyOf(screenFailureReasons);
  }

  /** The status a participant takes after this evaluation. */
  public ParticipantStatus status() {
    return switch (verdict) {
      case "ELIGIBLE" -> ParticipantStatus.ELIGIBLE;
      case "INELIGIBLE" -> ParticipantStatus.SCREEN_FAILED;
      default -> ParticipantStatus.SCREENING;
    };
  }
}
