/**
 * Cox proportional hazards regression that agrees with R's {@code survival::coxph}: Efron (default) or Breslow
 * handling of tied event times, strata, numeric and dummy-coded categorical covariates, hazard ratios with Wald
 * confidence intervals, the likelihood-ratio, Wald and score tests, and Harrell's concordance as {@code coxph} reports
 * it. The entry point is {@link org.oligotrial.survival.cox.CoxModel}; {@link org.oligotrial.survival.cox.CovariateCoding}
 * turns raw columns (numbers or labels) into the numeric covariates the model needs. Times are in months wherever the
 * trial's data are used, but any unit works: the estimates do not depend on it.
 */
package org.oligotrial.survival.cox;
