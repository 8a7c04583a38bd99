/**
 * {@code oligotrial randomization}: simulate and compare the randomization methods on the trial's factors, create a
 * secret seed, and (for the statistician) export the sealed permuted-block lists as CSV.
 */
package org.oligotrial.cli.randomization;
