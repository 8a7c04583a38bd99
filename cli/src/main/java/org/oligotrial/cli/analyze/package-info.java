/**
 * The {@code oligotrial analyze} command group: survival analyses of a CSV dataset (Kaplan-Meier, log-rank,
 * restricted mean survival time, Cox regression), a readable table by default and JSON with {@code --json}.
 * {@link org.oligotrial.cli.analyze.CsvDataset} reads the file and turns the chosen columns into
 * {@link org.oligotrial.survival.SurvivalData}, dropping incomplete rows and rejecting bad files with one clear line.
 */
package org.oligotrial.cli.analyze;
