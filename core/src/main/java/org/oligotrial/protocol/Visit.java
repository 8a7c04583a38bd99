package org.oligotrial.protocol;

/**
 * A visit (or a series of repeated visits) of the schedule. Days count from randomization (day 0).
 *
 * @param id the visit id, e.g. {@code chemo-cycle}
 * @param name the visit in words
 * @param arm the arm id the visit belongs to, or null for every arm
 * @param regimenCategory {@code chemotherapy} or {@code targeted} when the visit depends on the regimen, else null
 * @param firstDay target day of the first occurrence
 * @param everyDays interval between occurrences in days, or null for a single visit
 * @param untilDay last day on which an occurrence may be targeted (inclusive), or null for no limit
 * @param minOccurrences the minimum number of occurrences (e.g. 4 cycles), or null
 * @param maxOccurrences the maximum number of occurrences (e.g. 6 cycles), or null for open-ended
 * @param windowBeforeDays how many days before the target day the visit may take place
 * @param windowAfterDays how many days after the target day the visit may take place
 * @param description what happens at the visit
 */
public record Visit(String id, String name, String arm, String regimenCategory, int firstDay, Integer everyDays,
    Integer untilDay, Integer minOccurrences, Integer maxOccurrences, int windowBeforeDays, int windowAfterDays,
    String description) {}
