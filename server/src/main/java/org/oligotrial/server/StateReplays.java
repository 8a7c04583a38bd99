package org.oligotrial.server;

import java.util.List;
import org.oligotrial.randomization.FactorIds;
import org.oligotrial.server.audit.StateReplay;
import org.oligotrial.server.datacapture.forms.FormStateReplay;
import org.oligotrial.server.participant.ParticipantStateReplay;
import org.oligotrial.server.randomization.RandomizationStateReplay;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link StateReplay} of the whole database: each feature compares its own tables (participants and their
 * screening versions, randomizations, forms, in that order), so the audit feature names no other feature's table.
 * Wiring above every feature, like {@link Main}.
 */
public final class StateReplays {
  private StateReplays() {}

  /** The replay of {@code jdbc}'s tables, reading former factor ids as {@code factorIds} says. */
  public static StateReplay of(JdbcClient jdbc, FactorIds factorIds) {
    return new StateReplay(List.of(new ParticipantStateReplay(jdbc), new RandomizationStateReplay(jdbc, factorIds),
        new FormStateReplay(jdbc)));
  }
}
