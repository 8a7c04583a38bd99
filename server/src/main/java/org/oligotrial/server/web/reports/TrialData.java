package org.oligotrial.server.web.reports;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ScreeningVersion;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.randomization.RandomizationRecord;

/**
 * Everything the reports are computed from, read once per request through the services (so access rules and the
 * export audit apply): every participant with history, and the allocation log.
 *
 * @param histories every participant's history
 * @param allocations participant id to its randomization
 * @param arms the arms' ids, in the protocol's order
 */
public record TrialData(List<ParticipantHistory> histories, Map<String, RandomizationRecord> allocations, List<String> arms) {
  private static final ScreeningRecordParser PARSER = new ScreeningRecordParser();

  public static TrialData load(Actor a, ParticipantService participants, AllocationExports exports) {
    // every participant the user may read, however many (three statements, not three per participant)
    List<ParticipantHistory> hs = participants.histories(a, null);
    Map<String, RandomizationRecord> alloc = new LinkedHashMap<>();
    for (RandomizationRecord r : exports.allocationLog(a)) {
      alloc.put(r.participantId(), r);
    }
    return new TrialData(hs, alloc, exports.arms());
  }

  public Consort consort() {
    Map<String, String> armOf = new LinkedHashMap<>();
    allocations.forEach((id, r) -> armOf.put(id, r.arm()));
    return Consort.of(histories, armOf, arms);
  }

  /** The column of a pooled Table 1 (every randomized participant, before a trial's results are released). */
  public static final String ALL_RANDOMIZED = "All randomized";

  /** Table 1: baseline characteristics of the randomized participants by arm. */
  public Table1 table1() {
    return table1(true);
  }

  /**
   * Table 1 by arm, or pooled: one column of every randomized participant ({@link #ALL_RANDOMIZED}).
   *
   * @param byArm whether the reader sees results by arm ({@link org.oligotrial.server.kernel.AccessPolicy#seesByArm})
   */
  public Table1 table1(boolean byArm) {
    Table1 t = new Table1(byArm ? arms : List.of(ALL_RANDOMIZED));
    for (ParticipantHistory h : histories) {
      RandomizationRecord r = allocations.get(h.participant().id());
      if (r == null) {
        continue;
      }
      ScreeningVersion v = h.screenings().stream().filter(s -> s.version() == r.screeningVersion()).findFirst()
          .orElse(h.screenings().get(h.screenings().size() - 1));
      ScreeningRecord rec;
      try {
        rec = PARSER.parse(v.recordJson());
      } catch (ScreeningRecordException e) {
        rec = null;
      }
      t.add(byArm ? r.arm() : ALL_RANDOMIZED, rec, r.factors().levels());
    }
    return t;
  }

  static Integer age(ScreeningRecord r) {
    if (r == null || r.birthDate() == null || r.screeningDate() == null) {
      return null;
    }
    LocalDate b = r.birthDate();
    return Period.between(b, r.screeningDate()).getYears();
  }
}
