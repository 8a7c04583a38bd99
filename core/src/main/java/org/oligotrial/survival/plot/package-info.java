/**
 * Kaplan-Meier plots in the style of published trials: step curves with shaded confidence bands, censoring marks,
 * a numbers-at-risk table under the time axis, the medians and the log-rank p-value. One drawing routine against
 * {@link java.awt.Graphics2D} (with JFreeChart) serves PNG and SVG ({@link org.jfree.svg.SVGGraphics2D}); the
 * command line ({@code analyze km --plot}) and the web application's survival report call
 * {@link org.oligotrial.survival.plot.KaplanMeierPlot#writeSvg} or
 * {@link org.oligotrial.survival.plot.KaplanMeierPlot#writePng} with the curves they have fitted.
 */
package org.oligotrial.survival.plot;
