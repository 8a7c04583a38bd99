/**
 * The treatment a randomized participant receives, as the protocol file states it: the allocated arm with its
 * interventions ({@code arms[]}) and, where the protocol has {@code systemicTherapy} rules, the regimen chosen by them
 * from the screening record. Nothing here names a trial; pure functions with immutable results.
 */
package org.oligotrial.treatment;
