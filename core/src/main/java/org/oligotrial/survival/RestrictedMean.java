package org.oligotrial.survival;

/**
 * The restricted mean survival time of one group up to a horizon.
 *
 * @param group the group label
 * @param n the number of subjects
 * @param events the number of events (at any time)
 * @param tau the horizon, in the unit of the data
 * @param rmst the restricted mean survival time, in the unit of the data
 * @param se its standard error
 * @param lower the lower confidence limit, {@code rmst - z se}
 * @param upper the upper confidence limit, {@code rmst + z se}
 */
public record RestrictedMean(
    String group, int n, int events, double tau, double rmst, double se, double lower, double upper) {}
