package org.oligotrial.server.participant;

import java.time.Instant;
import java.util.List;

/**
 * One immutable screening of a participant: the record as entered and its eligibility result.
 *
 * @param version 1 for the first screening, then 2, 3, ... for each re-screening
 * @param recordJson the screening record as entered (JSON)
 * @param verdict ELIGIBLE, INELIGIBLE or INCOMPLETE
 * @param eligibilityJson the full eligibility result (JSON)
 * @param protocolVersion the protocol version it was computed against
 * @param screenFailureReasons readable reasons, empty unless ineligible
 * @param enteredAt when (UTC)
 * @param enteredBy who
 * @param reason the reason for re-screening; null for version 1
 */
public record ScreeningVersion(
    int version,
    String recordJson,
    String verdict,
    String eligibilityJson,
    String protocolVersion,
    List<String> screenFailureReasons,
    Instant enteredAt,
    String enteredBy,
    String reason) {}
