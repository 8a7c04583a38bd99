package org.oligotrial.server.participant;

import java.time.Instant;
import java.util.List;

/**
 * A participant with what its latest screening version concluded, without the record and result texts: what the
 * screening log and the data-management work lists show for every participant at once.
 *
 * @param participant the participant
 * @param version the latest screening version, 1, 2, ...
 * @param verdict that version's verdict
 * @param screenFailureReasons that version's screen-failure reasons (empty unless it failed)
 * @param enteredAt when that version was entered (UTC)
 */
public record LatestScreening(Participant participant, int version, String verdict,
    List<String> screenFailureReasons, Instant enteredAt) {}
