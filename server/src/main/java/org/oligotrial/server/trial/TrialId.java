package org.oligotrial.server.trial;

import java.util.Objects;

/**
 * How a service takes its trial: every trial-scoped service (participants, randomization, data capture) is made for
 * one trial and holds its {@code TrialId}; each of its reads and writes is limited to rows whose {@code trial_id} is
 * {@link #value()}, so a record of another trial is not found (404), never shown. The services of a trial are had
 * from {@code TrialServices#of(String)}; the beans without a trial are those of the default trial.
 *
 * @param value the trial's id (the protocol's registry id)
 */
public record TrialId(String value) {
  public TrialId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
