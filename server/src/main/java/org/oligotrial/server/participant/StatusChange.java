package org.oligotrial.server.participant;

import java.time.Instant;

/**
 * One status change.
 *
 * @param seq 1, 2, ... per participant
 * @param from status before, null for the first
 * @param to status after
 * @param at when (UTC)
 * @param by who
 * @param reason why; null for the first
 */
public record StatusChange(
    int seq, ParticipantStatus from, ParticipantStatus to, Instant at, String by, String reason) {}
