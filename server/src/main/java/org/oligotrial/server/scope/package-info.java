/**
 * The services of one trial, made for it on first use: its participants, randomization and data capture, each limited
 * to the trial's records ({@link org.oligotrial.server.scope.TrialScopes}). The web pages and API of {@code
 * /trials/{id}/...} take their services from here; the single-trial paths use the default trial's.
 */
package org.oligotrial.server.scope;
