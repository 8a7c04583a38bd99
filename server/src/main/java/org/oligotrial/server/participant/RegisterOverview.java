package org.oligotrial.server.participant;

import java.time.Instant;
import java.util.List;

/**
 * What a dashboard counts over every participant an actor may read, however many there are: participants by site and
 * status, the screen-failure reasons of each screen-failed participant's latest screening, and every randomization.
 *
 * @param counts participants by site and status (only the non-zero ones)
 * @param screenFailures one per screen-failed participant: its site and the reasons of its latest screening
 * @param randomizations one per randomized participant: its site and when it moved to randomized
 */
public record RegisterOverview(List<Count> counts, List<ScreenFailure> screenFailures,
    List<Randomization> randomizations) {
  public RegisterOverview {
    counts = List.copyOf(counts);
    screenFailures = List.copyOf(screenFailures);
    randomizations = List.copyOf(randomizations);
  }

  /** Participants at a site with a status. */
  public record Count(String siteCode, ParticipantStatus status, int participants) {}

  /** A screen-failed participant's site and the reasons of its latest screening ("criterion: reason"). */
  public record ScreenFailure(String siteCode, List<String> reasons) {
    public ScreenFailure {
      reasons = List.copyOf(reasons);
    }
  }

  /** A participant's site and the time it moved to randomized. */
  public record Randomization(String siteCode, Instant at) {}
}
