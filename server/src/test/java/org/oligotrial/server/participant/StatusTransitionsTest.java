package org.oligotrial.server.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every (from, to) pair of the 10 statuses, 100 in all, against a table written out by hand from the protocol
 * workflow: screening until consent (re-screening allowed), then randomization, treatment, follow-up, completion;
 * withdrawal and death end participation.
 */
class StatusTransitionsTest {
  // rows: from; columns: to, in enum order
  //                SCR SF  ELI CON RAN ONT FUP WDR CMP DIE
  private static final String[] TABLE = {
    /* SCREENING     */ "1   1   1   0   0   0   0   1   0   1",
    /* SCREEN_FAILED */ "1   1   1   0   0   0   0   0   0   0",
    /* ELIGIBLE      */ "1   1   1   1   0   0   0   1   0   1",
    /* CONSENTED     */ "0   0   0   0   1   0   0   1   0   1",
    /* RANDOMIZED    */ "0   0   0   0   0   1   0   1   0   1",
    /* ON_TREATMENT  */ "0   0   0   0   0   0   1   1   0   1",
    /* IN_FOLLOW_UP  */ "0   0   0   0   0   0   0   1   1   1",
    /* WITHDRAWN     */ "0   0   0   0   0   0   0   0   0   0",
    /* COMPLETED     */ "0   0   0   0   0   0   0   0   0   0",
    /* DIED          */ "0   0   0   0   0   0   0   0   0   0",
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
    assertThat(StatusTransitions.nextByStatusChange(ParticipantStatus.RANDOMIZED))
        .containsExactlyInAnyOrder(ParticipantStatus.ON_TREATMENT, ParticipantStatus.WITHDRAWN, ParticipantStatus.DIED);
    for (ParticipantStatus from : ParticipantStatus.values()) {
      assertThat(StatusTransitions.nextByStatusChange(from))
          .isSubsetOf(StatusTransitions.next(from))
          .doesNotContainAnyElementsOf(StatusTransitions.SET_BY_OWN_ACTION);
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
}
