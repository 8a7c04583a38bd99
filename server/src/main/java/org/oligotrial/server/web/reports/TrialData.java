package org.oligotrial.server.web.reports;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.server.participant.Participant;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.ScreeningVersion;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.user.Actor;

/**
 * Everything the reports are computed from, read once per request through the services (so access rules and the
 * export audit apply): every participant with history, and the allocation log.
 *
 * @param histories every participant's history
 * @param allocations participant id to its randomization
 * @param arms arm codes, RT+ first
 */
record TrialData(List<ParticipantHistory> histories, Map<String, RandomizationRecord> allocations, List<String> arms) {
  private static final ScreeningRecordParser PARSER = new ScreeningRecordParser();
  /** The CONSORT exclusion reason of screen failures, itemised by criterion. */
  static final String SCREEN_FAILED = "Not meeting eligibility criteria";

  static TrialData load(Actor a, ParticipantService participants, AllocationExports exports) {
    // every participant the user may read, however many (three statements, not three per participant)
    List<ParticipantHistory> hs = participants.histories(a, null);
    Map<String, RandomizationRecord> alloc = new LinkedHashMap<>();
    for (RandomizationRecord r : exports.allocationLog(a)) {
      alloc.put(r.participantId(), r);
    }
    return new TrialData(hs, alloc, List.of("RT+", "RT-"));
  }

  Consort consort() {
    Map<String, Integer> reasons = new LinkedHashMap<>();
    Map<String, Integer> criteria = new TreeMap<>();
    Map<String, Integer> allocated = new LinkedHashMap<>();
    Map<String, Integer> treated = new LinkedHashMap<>();
    Map<String, Integer> withdrawn = new LinkedHashMap<>();
    int excluded = 0;
    for (ParticipantHistory h : histories) {
      Participant p = h.participant();
      RandomizationRecord r = allocations.get(p.id());
      if (r == null) {
        excluded++;
        reasons.merge(exclusionReason(p.status()), 1, Integer::sum);
        if (p.status() == ParticipantStatus.SCREEN_FAILED) {
          ScreeningVersion v = h.screenings().get(h.screenings().size() - 1);
          for (String f : v.screenFailureReasons()) {
            int colon = f.indexOf(':');
            criteria.merge(colon > 0 ? f.substring(0, colon) : f, 1, Integer::sum);
          }
        }
        continue;
      }
      allocated.merge(r.arm(), 1, Integer::sum);
      if (h.statusChanges().stream().anyMatch(c -> c.to() == ParticipantStatus.ON_TREATMENT)) {
        treated.merge(r.arm(), 1, Integer::sum);
      }
      if (p.status() == ParticipantStatus.WITHDRAWN) {
        withdrawn.merge(r.arm(), 1, Integer::sum);
      }
    }
    return new Consort(histories.size(), excluded, reasons, criteria, arms, allocated, treated, withdrawn,
        allocated);
  }

  private static String exclusionReason(ParticipantStatus s) {
    return switch (s) {
      case SCREEN_FAILED -> TrialData.SCREEN_FAILED;
      case SCREENING -> "Screening not complete";
      case ELIGIBLE -> "Eligible, consent not recorded";
      case CONSENTED -> "Consented, not yet randomized";
      case WITHDRAWN -> "Declined or withdrew before randomization";
      case DIED -> "Died before randomization";
      default -> "Other";
    };
  }

  /** Table 1: baseline characteristics of the randomized participants by arm. */
  Table1 table1() {
    Table1 t = new Table1(arms);
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
      t.add(r.arm(), rec, r.factors().levels());
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
