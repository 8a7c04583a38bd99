/**
 * Kaplan-Meier plots in the style of published trials: step curves with shaded confidence bands, censoring marks,
 * a numbers-at-risk table under the time axis, the medians and the log-rank p-value. One drawing routine against
 * {@link java.awt.Graphics2D} (with JFreeChart) serves PNG and SVG ({@link org.jfree.svg.SVGGraphics2D}); the web
 * application can call {@link org.oligotrial.cli.analyze.plot.KaplanMeierPlot#writeSvg} or
 * {@link org.oligotrial.cli.analyze.plot.KaplanMeierPlot#writePng} with the curves it has fitted.
 */
package org.oligotrial.cli.analyze.plot;
