package org.oligotrial.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.oligotrial.endpoints.Histories.day;
import static org.oligotrial.endpoints.Histories.participant;

import org.junit.jupiter.api.Test;

/** Time-to-event endpoints from hand-built histories; randomization 2024-01-01 = day 0, default allowance 84 days. */
class EndpointDerivationTest {

  @Test
  void progressionThenDeath() {
    // assessed days 42, 84; new distant metastasis day 126; death day 200
    ParticipantEndpoints e = participant().assessedOn(42, 84).progression(126, ProgressionSite.NEW_DISTANT)
        .diedOn(200).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(126L, true);
    assertThat(e.endpoint("pfs").months()).isCloseTo(126 / 30.4375, within(1e-12));
    assertThat(e.endpoint("os")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(200L, true);
    // thoracic PFS: no thoracic progression; death on day 200 is 74 days after the last assessment (the
    // progression scan of day 126), within 84: an event
    assertThat(e.endpoint("thoracic-pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(200L, true);
  }

  @Test
  void deathWithoutProgressionIsAPfsEvent() {
    // last assessment day 84, death day 120: 36 days later
    ParticipantEndpoints e = participant().assessedOn(42, 84).diedOn(120).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(120L, true);
    assertThat(e.endpoint("pfs").reason()).contains("death without progression");
  }

  @Test
  void deathExactlyAtTheAllowanceCounts() {
    // last assessment day 42, death day 126 = 42 + 84
    assertThat(participant().assessedOn(42).diedOn(126).derive().endpoint("pfs"))
        .extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(126L, true);
  }

  @Test
  void deathAfterTwoMissedAssessmentsIsCensoredAtTheLastAdequateAssessment() {
    // last assessment day 42, death day 127 = 42 + 85: censored at day 42; OS still an event on day 127
    ParticipantEndpoints e = participant().assessedOn(42).diedOn(127).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::date)
        .containsExactly(42L, false, day(42));
    assertThat(e.endpoint("pfs").reason()).contains("85 days after");
    assertThat(e.endpoint("os")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(127L, true);
  }

  @Test
  void allowanceIsAParameter() {
    // with one missed 42-day assessment allowed: death 43 days after the last assessment is censored
    EndpointDerivation strict = new EndpointDerivation(org.oligotrial.protocol.ProtocolLoader.bundled(),
        EndpointRules.of(org.oligotrial.protocol.ProtocolLoader.bundled()).afterMissedAssessments(42, 1));
    ParticipantEndpoints e = strict.derive(participant().assessedOn(42).diedOn(127).build());
    assertThat(e.endpoint("pfs").event()).isFalse();
    ParticipantEndpoints f = strict.derive(participant().assessedOn(42).diedOn(84).build());
    assertThat(f.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(84L, true);
  }

  @Test
  void lostToFollowUp() {
    // assessed 42, 84, 126; last contact day 150; no death
    ParticipantEndpoints e = participant().assessedOn(42, 84, 126).lastKnownAlive(150).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(126L, false);
    assertThat(e.endpoint("os")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(150L, false);
  }

  @Test
  void withdrawnParticipantIsCensoredAtTheLastAssessmentBeforeWithdrawal() {
    // assessed 42, 84; withdrew day 100; a progression on day 126 recorded after withdrawal is not used
    ParticipantEndpoints e = participant().assessedOn(42, 84).withdrewOn(100)
        .progression(126, ProgressionSite.THORACIC).lastKnownAlive(126).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(84L, false);
    assertThat(e.endpoint("pfs").reason()).contains("withdrawn");
    assertThat(e.endpoint("os")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(126L, false);
  }

  @Test
  void noAssessmentAfterRandomizationIsCensoredAtDay0() {
    ParticipantEndpoints e = participant().assessedOn(-7).derive(); // only the screening scan
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::date)
        .containsExactly(0L, false, day(0));
    assertThat(e.endpoint("pfs").reason()).contains("randomization");
    assertThat(e.endpoint("os")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(0L, false);
  }

  @Test
  void earlyDeathWithoutAnyAssessmentIsAnEvent() {
    // death on day 30, within 84 days of randomization
    assertThat(participant().diedOn(30).derive().endpoint("pfs"))
        .extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(30L, true);
  }

  @Test
  void lateDeathWithoutAnyAssessmentIsCensoredAtDay0() {
    assertThat(participant().diedOn(100).derive().endpoint("pfs"))
        .extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(0L, false);
  }

  @Test
  void thoracicPfsIgnoresDistantProgression() {
    // distant progression day 84, thoracic day 168, alive at 200
    ParticipantEndpoints e = participant().assessedOn(42, 84, 126, 168).progression(84, ProgressionSite.NEW_DISTANT)
        .progression(168, ProgressionSite.THORACIC).lastKnownAlive(200).derive();
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(84L, true);
    assertThat(e.endpoint("thoracic-pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(168L, true);
  }

  @Test
  void thoracicPfsCensoredAtLastAssessmentAfterOligometastaticProgression() {
    ParticipantEndpoints e = participant().assessedOn(42, 84, 126).progression(84, ProgressionSite.OLIGOMETASTATIC)
        .derive();
    assertThat(e.endpoint("thoracic-pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(126L, false);
  }

  @Test
  void localControlEndsAtTheFirstLocalProgressionOfAnIrradiatedLesion() {
    ParticipantEndpoints e = participant().assessedOn(42, 84, 126, 168).treatedLesion("T1", null)
        .treatedLesion("M1", 168).treatedLesion("M2", 210).derive();
    // M2's local progression (day 210) lies after the last assessment but is recorded: the earliest, 168, counts
    assertThat(e.endpoint("local-control")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(168L, true);
  }

  @Test
  void localControlCensorsCompetingDeathAtTheLastAssessment() {
    ParticipantEndpoints e = participant().assessedOn(42, 84).treatedLesion("T1", null).diedOn(100).derive();
    assertThat(e.endpoint("local-control")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(84L, false);
    assertThat(e.endpoint("local-control").reason()).contains("competing");
  }

  @Test
  void localControlDoesNotApplyWithoutIrradiatedLesions() {
    ParticipantEndpoints e = participant().arm("RT-").assessedOn(42).derive();
    assertThat(e.endpoint("local-control")).isNull();
  }

  @Test
  void progressionAfterDeathIsRejectedNamingTheField() {
    assertThatThrownBy(() -> participant().diedOn(100).progression(120, ProgressionSite.THORACIC).derive())
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("progressions[0].date").hasMessageContaining("after death");
  }

  @Test
  void deathOnTheDayOfRandomizationIsAnEventAtDayZero() {
    // died on day 0, never assessed: OS an event at 0 days; PFS a death without progression 0 days after the last
    // adequate assessment (randomization), within the allowance: an event at 0 days
    ParticipantEndpoints e = participant().diedOn(0).derive();
    assertThat(e.endpoint("os")).extracting(TimeToEvent::days, TimeToEvent::event, TimeToEvent::date)
        .containsExactly(0L, true, day(0));
    assertThat(e.endpoint("pfs")).extracting(TimeToEvent::days, TimeToEvent::event).containsExactly(0L, true);
  }

  @Test
  void deathBeforeRandomizationIsRejectedNamingTheField() {
    assertThatThrownBy(() -> participant().diedOn(-1).derive()).isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("deathDate").hasMessageContaining("before randomization");
  }

  @Test
  void progressionOnTheRandomizationDateIsRejected() {
    assertThatThrownBy(() -> participant().progression(0, ProgressionSite.THORACIC).derive())
        .hasMessageContaining("progressions[0].date").hasMessageContaining("not after randomization");
  }

  @Test
  void lastKnownAliveAfterDeathIsRejected() {
    assertThatThrownBy(() -> participant().diedOn(100).lastKnownAlive(120).derive())
        .hasMessageContaining("lastKnownAliveDate");
  }

  @Test
  void assessmentAfterDeathIsRejected() {
    assertThatThrownBy(() -> participant().diedOn(100).assessedOn(126).derive())
        .hasMessageContaining("assessmentDates[0]");
  }

  @Test
  void deriveAllNamesTheParticipant() {
    EndpointDerivation d = new EndpointDerivation(org.oligotrial.protocol.ProtocolLoader.bundled());
    assertThatThrownBy(() -> d.deriveAll(java.util.List.of(participant().id("P9").diedOn(-1).build())))
        .hasMessageStartingWith("participant P9: deathDate");
  }
}
