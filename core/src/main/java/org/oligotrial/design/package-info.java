/**
 * Trial design: the number of events and patients a two-arm log-rank comparison of time-to-event endpoints needs
 * (Schoenfeld's and Freedman's formulas, exponential event times, uniform accrual), agreeing with R's
 * {@code rpact::getSampleSizeSurvival} for a fixed (single-stage) design, and the hazard ratio a given size can detect.
 * Times are in months.
 */
package org.oligotrial.design;
