package org.oligotrial.server.participant;

import java.util.List;

/**
 * One page of participants, ordered by screening number.
 *
 * @param items the participants on this page
 * @param page zero-based page number
 * @param size page size asked for
 * @param total number of participants matching the filter
 */
public record ParticipantPage(List<Participant> items, int page, int size, long total) {}
