package org.oligotrial.server.participant;

import java.util.List;

/**
 * A participant with every screening version and status change, oldest first.
 *
 * @param participant the current state
 * @param screenings every screening version
 * @param statusChanges every status change
 */
public record ParticipantHistory(
    Participant participant, List<ScreeningVersion> screenings, List<StatusChange> statusChanges) {}
