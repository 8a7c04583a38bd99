package org.oligotrial.server.participant;

/**
 * What follows a change to a participant that the clinical derivations read (today the withdrawal recorded by a
 * status change), inside the transaction of that change. Data capture listens to it to derive the endpoints again,
 * so the participant feature needs to know nothing of data capture. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ParticipantChanged {
  /** Listens to nothing. */
  ParticipantChanged NONE = (participantId, siteCode, trigger) -> { };

  /**
   * Called inside the transaction that changed the participant, after the change and its audit rows were written.
   *
   * @param trigger the change in words, naming it, the user and the reason for change
   */
  void changed(String participantId, String siteCode, String trigger);
}
