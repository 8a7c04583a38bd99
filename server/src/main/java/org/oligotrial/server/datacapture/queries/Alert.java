package org.oligotrial.server.datacapture.queries;

import java.time.Instant;

/**
 * An alert addressed to one user.
 *
 * @param id alert id
 * @param username the recipient
 * @param participantId the participant
 * @param siteCode the site
 * @param formId the form that raised it
 * @param kind {@code serious-adverse-event}
 * @param message the alert in words
 * @param createdAt when
 */
public record Alert(String id, String username, String participantId, String siteCode, String formId, String kind,
    String message, Instant createdAt) {}
