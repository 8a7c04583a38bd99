package org.oligotrial.server.participant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.oligotrial.server.dates.ParticipantDates;

/**
 * What other features may read of the participant records, which this feature owns (the {@code participant} table
 * is named in SQL only here, {@code TablesAreReadByTheirOwnerTest}): a participant's site, the participants of some
 * sites, the recorded withdrawal, the dates its records hold, and the row lock that serialises changes to one participant. The reads check no
 * access rights: the caller has checked them. Implementations are thread-safe; the locks hold until the caller's
 * transaction ends.
 */
public interface ParticipantReads {
  /** A participant as lists show it. */
  record Listed(String id, String siteCode, String screeningNumber) {}

  /** A participant row locked for a change, with what randomization checks. */
  record Locked(String id, String siteCode, String status, int screeningVersion) {}

  /** The participant's site, or empty for an unknown participant. */
  Optional<String> siteOf(String participantId);

  /** The participants of {@code sites}, or of every site when {@code sites} is null; in no particular order. */
  List<Listed> atSites(Collection<String> sites);

  /** The recorded withdrawal, or empty when the participant has not withdrawn (or is unknown). */
  Optional<Withdrawal> withdrawal(String participantId);

  /**
   * The dates the participant's records hold for the date rules: the birth date of the latest screening record
   * (its {@code birthDate}, null when absent or unreadable) and the latest of consent and withdrawal; no
   * randomization or death date (other features hold those). {@link ParticipantDates#NONE} for an unknown
   * participant.
   */
  ParticipantDates dates(String participantId);

  /**
   * Locks the participant's row until the transaction ends, so that concurrent changes to one participant run one
   * after the other.
   *
   * @return the locked participant, or empty for an unknown participant
   */
  Optional<Locked> lock(String participantId);
}
