package org.oligotrial.protocol;

/**
 * RECIST settings of the protocol.
 *
 * @param version the RECIST version, e.g. {@code 1.1}
 * @param stableDiseaseMinimumDays the minimum interval from baseline for a best response of stable disease, in days
 *     (6 weeks = 42)
 * @param measurableMinimumMm the minimum longest diameter of a measurable non-nodal lesion, in mm (10)
 * @param measurableNodeShortAxisMm the minimum short axis of a measurable lymph node, in mm (15)
 * @param maxTargetLesions the maximum number of target lesions (5)
 * @param maxTargetLesionsPerOrgan the maximum number of target lesions per organ (2)
 */
public record RecistSettings(String version, int stableDiseaseMinimumDays, int measurableMinimumMm,
    int measurableNodeShortAxisMm, int maxTargetLesions, int maxTargetLesionsPerOrgan) {}
