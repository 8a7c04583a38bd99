/**
 * The trials a server holds: each trial is named by its protocol's registry id and runs on its current protocol
 * version; amendments add versions with an effective date and a reason. {@link org.oligotrial.server.trial.TrialRegistry}
 * is the one owner of the {@code trial}, {@code protocol_version} and {@code trial_site} tables; services of one trial
 * are made for it by {@link org.oligotrial.server.trial.TrialId} (see docs/server.md, "Many trials").
 */
package org.oligotrial.server.trial;
