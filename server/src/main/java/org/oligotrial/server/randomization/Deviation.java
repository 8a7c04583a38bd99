package org.oligotrial.server.randomization;

import java.time.Instant;

/**
 * A documented deviation on a randomization (for example a stratum derived from a wrong value): the record stays as
 * it was; the note says what was wrong. Immutable.
 *
 * @param seq 1, 2, ... per participant
 * @param note the text
 * @param recordedAt when (UTC)
 * @param recordedBy who
 */
public record Deviation(int seq, String note, Instant recordedAt, String recordedBy) {}
