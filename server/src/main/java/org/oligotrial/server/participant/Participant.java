package org.oligotrial.server.participant;

import java.time.Instant;

/**
 * A participant as stored now (the history is in {@link ParticipantHistory} and the audit trail).
 *
 * @param id server-assigned identifier (UUID)
 * @param siteCode the participant's site
 * @param screeningNumber the site's screening number, unique in the trial
 * @param status current status
 * @param screeningVersion the latest screening version, 1, 2, ...
 * @param consent consent, or null before consent
 * @param withdrawal withdrawal, or null
 * @param createdAt when registered (UTC)
 * @param createdBy who registered it
 */
public record Participant(
    String id,
    String siteCode,
    String screeningNumber,
    ParticipantStatus status,
    int screeningVersion,
    Consent consent,
    Withdrawal withdrawal,
    Instant createdAt,
    String createdBy) {}
