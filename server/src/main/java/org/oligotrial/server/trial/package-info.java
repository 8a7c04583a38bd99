/**
 * The trials a server holds: each trial is named by its protocol's registry id and runs on its current protocol
 * version; amendments add versions with an effective date and a reason.
 * {@link org.oligotrial.server.trial.TrialRegistry} is the one owner of the {@code trial}, {@code protocol_version} and {@code trial_site} tables. A service of one
 * trial is made with the trial's id and limits every read and write to it; the services of a trial are had from
 * {@code org.oligotrial.server.scope.TrialScopes} (see docs/server.md, "Many trials").
 */
package org.oligotrial.server.trial;
