package org.oligotrial.server.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.server.participant.ParticipantStatus.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every (from, to) pair of the 13 statuses, 169 in all, against a table written out by hand from the protocol
 * workflow: screening until consent (re-screening allowed), then randomization, treatment, off treatment,
 * follow-up, progression, completion; loss to follow-up, withdrawal and death end participation (a death may still
 * be learnt after a loss to follow-up). Then the derived path of each kind of hand-built course.
 */
class StatusTransitionsTest {
  // rows: from; columns: to, in enum order
  //                    SCR SF  ELI CON RAN ONT OFF FUP PRG LTF WDR CMP DIE
  private static final String[] TABLE = {
    /* SCREENING         */ "1   1   1   0   0   0   0   0   0   0   1   0   1",
    /* SCREEN_FAILED     */ "1   1   1   0   0   0   0   0   0   0   0   0   0",
    /* ELIGIBLE          */ "1   1   1   1   0   0   0   0   0   0   1   0   1",
    /* CONSENTED         */ "0   0   0   0   1   0   0   0   0   0   1   0   1",
    /* RANDOMIZED        */ "0   0   0   0   0   1   0   0   1   1   1   0   1",
    /* ON_TREATMENT      */ "0   0   0   0   0   0   1   0   1   1   1   0   1",
    /* OFF_TREATMENT     */ "0   0   0   0   0   0   0   1   1   1   1   0   1",
    /* IN_FOLLOW_UP      */ "0   0   0   0   0   0   0   0   1   1   1   1   1",
    /* PROGRESSED        */ "0   0   0   0   0   0   0   0   0   1   1   1   1",
    /* LOST_TO_FOLLOW_UP */ "0   0   0   0   0   0   0   0   0   0   1   0   1",
    /* WITHDRAWN         */ "0   0   0   0   0   0   0   0   0   0   0   0   0",
    /* COMPLETED         */ "0   0   0   0   0   0   0   0   0   0   0   0   0",
    /* DIED              */ "0   0   0   0   0   0   0   0   0   0   0   0   0",
  };


  @Test
  void everyPairOfStatusesIsAllowedExactlyWhenTheTableSaysSo() {
    ParticipantStatus[] all = ParticipantStatus.values();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      String[] cells = TABLE[i].trim().split("\\s+");
      assertThat(cells).hasSize(all.length);
      for (int j = 0; j < all.length; j++) {
        boolean expected = cells[j].equals("1");
        if (StatusTransitions.allowed(all[i], all[j]) != expected) {
          wrong.add(all[i] + " -> " + all[j] + " should be " + (expected ? "allowed" : "refused"));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aPlainStatusChangeNeverOffersStatusesSetByScreeningConsentOrRandomizing() {
    assertThat(StatusTransitions.nextByStatusChange(ParticipantStatus.CONSENTED))
        .containsExactlyInAnyOrder(ParticipantStatus.WITHDRAWN, ParticipantStatus.DIED);
    assertThat(StatusTransitions.nextByStatusChange(ParticipantStatus.ELIGIBLE))
        .containsExactlyInAnyOrder(ParticipantStatus.WITHDRAWN, ParticipantStatus.DIED);
    // after randomization the data set treatment, progression and death; the site declares loss and withdrawal
    assertThat(StatusTransitions.nextByStatusChange(ParticipantStatus.RANDOMIZED))
        .containsExactlyInAnyOrder(ParticipantStatus.LOST_TO_FOLLOW_UP, ParticipantStatus.WITHDRAWN);
    assertThat(StatusTransitions.nextByStatusChange(ParticipantStatus.IN_FOLLOW_UP))
        .containsExactlyInAnyOrder(ParticipantStatus.LOST_TO_FOLLOW_UP, ParticipantStatus.WITHDRAWN,
            ParticipantStatus.COMPLETED);
    for (ParticipantStatus from : ParticipantStatus.values()) {
      assertThat(StatusTransitions.nextByStatusChange(from))
          .isSubsetOf(StatusTransitions.next(from))
          .doesNotContainAnyElementsOf(StatusTransitions.SET_BY_OWN_ACTION)
          .doesNotContainAnyElementsOf(StatusTransitions.SET_BY_DERIVATION);
    }
  }

  @Test
  void withdrawnCompletedAndDiedAreFinal() {
    for (ParticipantStatus s : ParticipantStatus.values()) {
      boolean fin = s == ParticipantStatus.WITHDRAWN || s == ParticipantStatus.COMPLETED || s == ParticipantStatus.DIED;
      assertThat(StatusTransitions.isFinal(s)).as(s.name()).isEqualTo(fin);
    }
  }

  @Test
  void rescreeningIsPossibleOnlyBeforeConsent() {
    for (ParticipantStatus s : ParticipantStatus.values()) {
      assertThat(StatusTransitions.canRescreen(s)).as(s.name())
          .isEqualTo(s.ordinal() <= ParticipantStatus.ELIGIBLE.ordinal());
    }
  }

  @Test
  void statusNamesParseInEitherSpelling() {
    assertThat(ParticipantStatus.parse("on-treatment")).isEqualTo(ParticipantStatus.ON_TREATMENT);
    assertThat(ParticipantStatus.parse("IN_FOLLOW_UP")).isEqualTo(ParticipantStatus.IN_FOLLOW_UP);
    assertThat(ParticipantStatus.parse("asleep")).isNull();
  }

  // --- the derived path, on hand-built courses (dates are days after 2025-01-06) ---

  private static final LocalDate D0 = LocalDate.of(2025, 1, 6);

  private static LocalDate d(int days) {
    return D0.plusDays(days);
  }

  private static List<ParticipantStatus> path(ClinicalCourse c) {
    return StatusTransitions.derivedPath(c).stream().map(StatusTransitions.Step::status).toList();
  }

  private static ClinicalCourse course(Integer treated, Integer off, Integer followUp, Integer progression,
      Integer death, Integer withdrawal) {
    return new ClinicalCourse(at(treated), "systemic therapy cycle 1", at(off), "discontinued: toxicity",
        at(followUp), at(progression), "RECIST PD", at(death), at(withdrawal), "participant's wish");
  }

  private static LocalDate at(Integer days) {
    return days == null ? null : d(days);
  }

  @Test
  void theDataDecideEachDerivedStatusInOrder() {
    assertThat(path(course(null, null, null, null, null, null))).containsExactly(RANDOMIZED);
    assertThat(path(course(2, null, null, null, null, null))).containsExactly(RANDOMIZED, ON_TREATMENT);
    assertThat(path(course(2, 60, null, null, null, null))).containsExactly(RANDOMIZED, ON_TREATMENT, OFF_TREATMENT);
    assertThat(path(course(2, 60, 90, null, null, null)))
        .containsExactly(RANDOMIZED, ON_TREATMENT, OFF_TREATMENT, IN_FOLLOW_UP);
    assertThat(path(course(2, 60, 90, 120, null, null)))
        .containsExactly(RANDOMIZED, ON_TREATMENT, OFF_TREATMENT, IN_FOLLOW_UP, PROGRESSED);
    assertThat(path(course(2, 60, 90, 120, 200, null)))
        .containsExactly(RANDOMIZED, ON_TREATMENT, OFF_TREATMENT, IN_FOLLOW_UP, PROGRESSED, DIED);
    // progression while on treatment ends protocol treatment: no off-treatment step after it
    assertThat(path(course(2, 60, 90, 50, null, null))).containsExactly(RANDOMIZED, ON_TREATMENT, PROGRESSED);
    // progressed before any treatment; died without treatment
    assertThat(path(course(null, null, null, 30, null, null))).containsExactly(RANDOMIZED, PROGRESSED);
    assertThat(path(course(null, null, null, null, 10, null))).containsExactly(RANDOMIZED, DIED);
    // withdrawal first, death after it is follow-up data; death first
    assertThat(path(course(2, null, null, null, 100, 50))).containsExactly(RANDOMIZED, ON_TREATMENT, WITHDRAWN);
    assertThat(path(course(2, null, null, null, 50, 100))).containsExactly(RANDOMIZED, ON_TREATMENT, DIED);
    assertThat(StatusTransitions.derivedPath(course(2, 60, null, null, null, null)).get(2).reason())
        .isEqualTo("off treatment on " + d(60) + ": discontinued: toxicity");
  }

  @Test
  void movesFollowThePathFromTheCurrentStatusAndCorrectWhenTheDataChange() {
    List<StatusTransitions.Step> p = StatusTransitions.derivedPath(course(2, 60, 90, 120, null, null));
    assertThat(StatusTransitions.movesFrom(RANDOMIZED, p)).extracting(StatusTransitions.Step::status)
        .containsExactly(ON_TREATMENT, OFF_TREATMENT, IN_FOLLOW_UP, PROGRESSED);
    assertThat(StatusTransitions.movesFrom(IN_FOLLOW_UP, p)).extracting(StatusTransitions.Step::status)
        .containsExactly(PROGRESSED);
    assertThat(StatusTransitions.movesFrom(PROGRESSED, p)).isEmpty();
    // the PD corrected away: PROGRESSED is no longer on the path, one correcting move back
    List<StatusTransitions.Step> corrected = StatusTransitions.derivedPath(course(2, 60, 90, null, null, null));
    assertThat(StatusTransitions.movesFrom(PROGRESSED, corrected)).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(IN_FOLLOW_UP);
      assertThat(m.reason()).startsWith("corrected: ");
    });
    // nothing before randomization or after a final status; from lost to follow-up only death or withdrawal
    assertThat(StatusTransitions.movesFrom(ELIGIBLE, p)).isEmpty();
    assertThat(StatusTransitions.movesFrom(COMPLETED, p)).isEmpty();
    assertThat(StatusTransitions.movesFrom(LOST_TO_FOLLOW_UP, p)).isEmpty();
    assertThat(StatusTransitions.movesFrom(LOST_TO_FOLLOW_UP,
        StatusTransitions.derivedPath(course(2, null, null, null, 300, null)))).extracting(StatusTransitions.Step::status)
        .containsExactly(DIED);
    // every forward move of every path is a legal transition
    for (StatusTransitions.Step[] pair : pairs(p)) {
      assertThat(StatusTransitions.allowed(pair[0].status(), pair[1].status())).as(pair[0] + " -> " + pair[1]).isTrue();
    }
  }

  private static List<StatusTransitions.Step[]> pairs(List<StatusTransitions.Step> p) {
    List<StatusTransitions.Step[]> out = new ArrayList<>();
    for (int i = 1; i < p.size(); i++) {
      out.add(new StatusTransitions.Step[] {p.get(i - 1), p.get(i)});
    }
    return out;
  }
}
