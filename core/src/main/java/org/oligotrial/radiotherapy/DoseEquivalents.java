package org.oligotrial.radiotherapy;

/**
 * BED and EQD2 of one schedule for the tumour (alpha/beta 10 Gy) and late effects (alpha/beta 3 Gy), all in Gy, full
 * precision (round only for display).
 *
 * @param schedule the schedule they were derived from
 * @param bed10 biologically effective dose with alpha/beta = 10 Gy
 * @param eqd2Of10 equivalent dose in 2 Gy fractions with alpha/beta = 10 Gy
 * @param bed3 biologically effective dose with alpha/beta = 3 Gy
 * @param eqd2Of3 equivalent dose in 2 Gy fractions with alpha/beta = 3 Gy
 */
public record DoseEquivalents(
    FractionationSchedule schedule, double bed10, double eqd2Of10, double bed3, double eqd2Of3) {}
