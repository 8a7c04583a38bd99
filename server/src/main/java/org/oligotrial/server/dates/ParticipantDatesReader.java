package org.oligotrial.server.dates;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads the {@link ParticipantDates} of a participant in the caller's transaction from the features that hold them
 * (each a {@link DateSource}; this package names no table): the first birth, randomization and death date any source
 * gives, in the order given, and the latest of every source's latest observation (on a tie the first source's). One
 * call to each source. Thread-safe when the sources are.
 */
public final class ParticipantDatesReader {
  private final List<DateSource> sources;

  public ParticipantDatesReader(List<DateSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /**
   * The participant's bounding dates.
   *
   * @param participantId the participant
   * @param excludeFormId a form left out (the one being changed), or null
   */
  public ParticipantDates read(String participantId, String excludeFormId) {
    LocalDate birth = null;
    LocalDate randomization = null;
    ParticipantDates.Dated death = null;
    ParticipantDates.Dated latest = null;
    for (DateSource s : sources) {
      ParticipantDates d = s.datesOf(participantId, excludeFormId);
      birth = birth != null ? birth : d.birth();
      randomization = randomization != null ? randomization : d.randomization();
      death = death != null ? death : d.death();
      latest = d.latest() == null ? latest : later(latest, d.latest().date(), d.latest().what());
    }
    return new ParticipantDates(birth, randomization, death, latest);
  }

  /** {@code cur}, or {@code d} with {@code what} when {@code d} is later (null {@code d} leaves {@code cur}). */
  public static ParticipantDates.Dated later(ParticipantDates.Dated cur, LocalDate d, String what) {
    return d != null && (cur == null || d.isAfter(cur.date())) ? new ParticipantDates.Dated(d, what) : cur;
  }
}
