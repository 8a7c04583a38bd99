/**
 * Survival analysis of time-to-event endpoints (progression-free survival, overall survival, thoracic PFS): the
 * shared data model {@link org.oligotrial.survival.SurvivalData} and the estimators and tests that agree with R's
 * {@code survival} package &mdash; Kaplan-Meier with Greenwood confidence intervals and the median
 * ({@link org.oligotrial.survival.KaplanMeier}), the (stratified) log-rank test
 * ({@link org.oligotrial.survival.LogRankTest}) and the restricted mean survival time
 * ({@link org.oligotrial.survival.RestrictedMeanSurvival}). Times are in the unit of the data (days or months);
 * every result is an immutable record and every class is thread-safe.
 */
package org.oligotrial.survival;
