package org.oligotrial.survival;

/**
 * One group's line of a log-rank test, as R's {@code survdiff} prints it (summed over strata).
 *
 * @param group the group label
 * @param n the number of subjects
 * @param observed the number of events observed
 * @param expected the number of events expected under the null hypothesis of equal hazards
 */
public record LogRankGroup(String group, int n, double observed, double expected) {}
