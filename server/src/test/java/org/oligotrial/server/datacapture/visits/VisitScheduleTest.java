package org.oligotrial.server.datacapture.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.datacapture.visits.VisitSchedule.Completion;
import org.oligotrial.server.datacapture.visits.VisitSchedule.Participant;

/**
 * The schedule of the bundled protocol, worked by hand from protocols/nct03119519.yaml: randomized on 2025-01-06
 * (day 0), chemotherapy cycles on days 0, 21, 42, 63 (window -0/+3), radiotherapy for RT+ on day 42 (-14/+28),
 * tumour assessments on days 49, 98, ..., 343 (+/-7; 7 in the first year) then 455, 546, ... (+/-14), survival
 * follow-up on days 91, 182, ... (+/-14).
 */
class VisitScheduleTest {
  private static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  private final VisitSchedule schedule = new VisitSchedule(ProtocolLoader.bundled().visits());

  private static Participant chemoRtPlus() {
    return new Participant("RT+", "chemotherapy", DAY0, null, null, null, false);
  }

  @Test
  void chemotherapyParticipantInRtPlusHasFourRequiredCyclesAndRadiotherapy() {
    List<ExpectedVisit> v = schedule.expected(chemoRtPlus(), List.of(), DAY0);
    assertThat(v).filteredOn(x -> x.visitId().equals("chemo-cycle")).extracting(ExpectedVisit::targetDay)
        .containsExactly(0, 21, 42, 63);
    assertThat(v).filteredOn(x -> x.visitId().equals("radiotherapy")).singleElement().satisfies(x -> {
      assertThat(x.targetDate()).isEqualTo(DAY0.plusDays(42));
      assertThat(x.windowStart()).isEqualTo(DAY0.plusDays(28));
      assertThat(x.windowEnd()).isEqualTo(DAY0.plusDays(70));
    });
    assertThat(v).noneMatch(x -> x.visitId().equals("tki-review"));
  }

  @Test
  void firstYearAssessmentsEverySevenWeeksThenEveryThirteenWeeks() {
    List<ExpectedVisit> v = schedule.expected(chemoRtPlus(), List.of(), DAY0.plusDays(600));
    assertThat(v).filteredOn(x -> x.visitId().equals("tumour-assessment-year-1"))
        .extracting(ExpectedVisit::targetDay).containsExactly(49, 98, 147, 196, 245, 294, 343);
    assertThat(v).filteredOn(x -> x.visitId().equals("tumour-assessment-later"))
        .extracting(ExpectedVisit::targetDay).startsWith(455, 546, 637);
    // open-ended series are listed up to 91 days after today (day 691)
    assertThat(v).filteredOn(x -> x.visitId().equals("tumour-assessment-later"))
        .extracting(ExpectedVisit::targetDay).last().isEqualTo(637);
  }

  @Test
  void rtMinusHasNoRadiotherapyAndTkiParticipantHasMonthlyReviews() {
    Participant p = new Participant("RT-", "targeted", DAY0, null, null, null, false);
    List<ExpectedVisit> v = schedule.expected(p, List.of(), DAY0.plusDays(60));
    assertThat(v).noneMatch(x -> x.visitId().equals("radiotherapy") || x.visitId().equals("chemo-cycle"));
    assertThat(v).filteredOn(x -> x.visitId().equals("tki-review")).extracting(ExpectedVisit::targetDay)
        .containsExactly(0, 28, 56, 84, 112, 140);
  }

  @Test
  void statusFollowsWindowAndCompletion() {
    // today = day 25: cycle 1 done on day 1 (in window 0..3), cycle 2 (day 21, window to day 24) not done
    List<Completion> done = List.of(new Completion("f1", "chemo-cycle", 1, DAY0.plusDays(1)),
        new Completion("f2", "tumour-assessment-year-1", 1, DAY0.plusDays(30)));
    List<ExpectedVisit> v = schedule.expected(chemoRtPlus(), done, DAY0.plusDays(25));
    assertThat(find(v, "chemo-cycle", 1).status()).isEqualTo(VisitStatus.DONE);
    assertThat(find(v, "chemo-cycle", 1).formId()).isEqualTo("f1");
    assertThat(find(v, "chemo-cycle", 2).status()).isEqualTo(VisitStatus.OVERDUE);
    assertThat(find(v, "chemo-cycle", 3).status()).isEqualTo(VisitStatus.UPCOMING);
    assertThat(find(v, "tumour-assessment-year-1", 1).status()).isEqualTo(VisitStatus.DONE_OUT_OF_WINDOW);
    assertThat(find(v, "baseline", 1).status()).isEqualTo(VisitStatus.OVERDUE);
    assertThat(find(v, "radiotherapy", 1).status()).isEqualTo(VisitStatus.UPCOMING);
    // day 30: radiotherapy window (days 28-70) is open
    assertThat(find(schedule.expected(chemoRtPlus(), done, DAY0.plusDays(30)), "radiotherapy", 1).status())
        .isEqualTo(VisitStatus.DUE);
  }

  @Test
  void optionalFifthCycleIsListedOnlyWhenDone() {
    List<ExpectedVisit> without = schedule.expected(chemoRtPlus(), List.of(), DAY0.plusDays(200));
    assertThat(without).filteredOn(x -> x.visitId().equals("chemo-cycle")).hasSize(4);
    List<ExpectedVisit> with = schedule.expected(chemoRtPlus(),
        List.of(new Completion("f5", "chemo-cycle", 5, DAY0.plusDays(85))), DAY0.plusDays(200));
    assertThat(find(with, "chemo-cycle", 5).optional()).isTrue();
    assertThat(find(with, "chemo-cycle", 5).status()).isEqualTo(VisitStatus.DONE);
  }

  @Test
  void progressionEndsAssessmentsAndDeathEndsEverything() {
    Participant progressed = new Participant("RT-", "chemotherapy", DAY0, DAY0.plusDays(100), null, null, false);
    List<ExpectedVisit> v = schedule.expected(progressed, List.of(), DAY0.plusDays(400));
    assertThat(v).filteredOn(x -> x.visitId().startsWith("tumour-assessment")).extracting(ExpectedVisit::targetDay)
        .containsExactly(49, 98);
    assertThat(v).filteredOn(x -> x.visitId().equals("survival-follow-up")).hasSizeGreaterThan(3);
    Participant died = new Participant("RT-", "chemotherapy", DAY0, DAY0.plusDays(100), DAY0.plusDays(150), null,
        false);
    assertThat(schedule.expected(died, List.of(), DAY0.plusDays(400)))
        .allMatch(x -> !x.targetDate().isAfter(DAY0.plusDays(150)));
  }

  @Test
  void withdrawalKeepsSurvivalFollowUpOnlyWhenAllowed() {
    Participant allowed = new Participant("RT-", "chemotherapy", DAY0, null, null, DAY0.plusDays(60), true);
    assertThat(schedule.expected(allowed, List.of(), DAY0.plusDays(400)))
        .filteredOn(x -> x.targetDate().isAfter(DAY0.plusDays(60)))
        .allMatch(x -> x.visitId().equals("survival-follow-up")).isNotEmpty();
    Participant refused = new Participant("RT-", "chemotherapy", DAY0, null, null, DAY0.plusDays(60), false);
    assertThat(schedule.expected(refused, List.of(), DAY0.plusDays(400)))
        .noneMatch(x -> x.targetDate().isAfter(DAY0.plusDays(60)));
  }

  @Test
  void assignPicksTheNearestFreeOccurrence() {
    Completion c = schedule.assign(chemoRtPlus(), List.of("chemo-cycle", "tki-review"), DAY0.plusDays(22),
        java.util.Set.of(), "f", DAY0.plusDays(22));
    assertThat(c.visitId()).isEqualTo("chemo-cycle");
    assertThat(c.occurrence()).isEqualTo(2);
    Completion next = schedule.assign(chemoRtPlus(), List.of("chemo-cycle"), DAY0.plusDays(22),
        java.util.Set.of("chemo-cycle#2"), "g", DAY0.plusDays(22));
    assertThat(next.occurrence()).isIn(1, 3);
  }

  private static ExpectedVisit find(List<ExpectedVisit> v, String id, int occurrence) {
    return v.stream().filter(x -> x.visitId().equals(id) && x.occurrence() == occurrence).findFirst().orElseThrow();
  }
}
