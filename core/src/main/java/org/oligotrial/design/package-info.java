/**
 * Trial design: the number of events and patients a two-arm log-rank comparison of time-to-event endpoints needs
 * (Schoenfeld's and Freedman's formulas, exponential event times, uniform accrual), agreeing with R's
 * {@code rpact::getSampleSizeSurvival} for a fixed (single-stage) design, and the hazard ratio a given size can detect;
 * group-sequential designs (alpha- and beta-spending and classical boundaries by recursive numerical integration,
 * {@link org.oligotrial.design.GroupSequentialBoundaries}; events, patients and analysis times,
 * {@link org.oligotrial.design.GroupSequentialSurvival}) agreeing with {@code rpact::getDesignGroupSequential}; and
 * the monitoring of a running trial at its looks ({@link org.oligotrial.design.InterimMonitoring}). Times are in
 * months.
 */
package org.oligotrial.design;
