package org.oligotrial.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.oligotrial.endpoints.Histories.participant;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants over seeded random histories, and compliance by arm worked by hand. */
class EndpointPropertiesTest {

  @Test
  void pfsNeverExceedsOsOrThoracicPfsAndEventsHappenOnRecordedDates() {
    Random random = new Random(3119519L);
    for (int trial = 0; trial < 3000; trial++) {
      Histories h = participant();
      int day = 0;
      int visits = random.nextInt(6);
      for (int v = 0; v < visits; v++) {
        day += 30 + random.nextInt(40);
        h.assessedOn(day);
        if (random.nextInt(6) == 0) {
          h.progression(day, ProgressionSite.values()[random.nextInt(3)]);
        }
      }
      int end = day + random.nextInt(200);
      if (random.nextBoolean()) {
        h.diedOn(Math.max(1, end));
      } else {
        h.lastKnownAlive(end);
      }
      if (random.nextInt(5) == 0) {
        h.withdrewOn(random.nextInt(Math.max(1, day + 1)));
      }
      if (random.nextBoolean()) {
        h.treatedLesion("T1", random.nextInt(3) == 0 && day > 0 ? Integer.valueOf(day) : null);
      }
      ParticipantHistory history = h.build();
      ParticipantEndpoints e = new EndpointDerivation(org.oligotrial.protocol.ProtocolLoader.bundled()).derive(history);
      String why = "trial " + trial + ": " + history;
      assertThat(e.endpoint("pfs").days()).as(why).isLessThanOrEqualTo(e.endpoint("os").days());
      assertThat(e.endpoint("pfs").days()).as(why).isLessThanOrEqualTo(e.endpoint("thoracic-pfs").days());
      if (e.endpoint("pfs").event() && history.deathDate() != null) {
        assertThat(e.endpoint("pfs").date()).as(why).isBeforeOrEqualTo(history.deathDate());
      }
      if (e.endpoint("local-control") != null) {
        assertThat(e.endpoint("local-control").days()).as(why).isLessThanOrEqualTo(e.endpoint("os").days());
      }
    }
  }

  @Test
  void complianceByArmPoolsCountsAndCountsFullCourses() {
    // RT+: 6/6 cycles 30/30 fx; 4/6 cycles 25/30 fx -> cycles 10/12, fractions 55/60; full: 1 and 1
    // RT-: 4/4 cycles, no fractions planned -> fractions null
    List<ParticipantEndpoints> all = new EndpointDerivation(org.oligotrial.protocol.ProtocolLoader.bundled()).deriveAll(List.of(
        participant().id("A").delivered(6, 6, 30, 30).build(),
        participant().id("B").delivered(6, 4, 30, 25).build(),
        participant().id("C").arm("RT-").delivered(4, 4, 0, 0).build()));
    List<ComplianceSummary.ArmCompliance> rows = ComplianceSummary.byArm(all);
    ComplianceSummary.ArmCompliance plus = rows.get(0);
    assertThat(plus.arm()).isEqualTo("RT+");
    assertThat(plus.cycleProportion()).isCloseTo(10.0 / 12, within(1e-12));
    assertThat(plus.fractionProportion()).isCloseTo(55.0 / 60, within(1e-12));
    assertThat(plus.fullCycles()).isEqualTo(1);
    assertThat(plus.fullFractions()).isEqualTo(1);
    ComplianceSummary.ArmCompliance minus = rows.get(1);
    assertThat(minus.arm()).isEqualTo("RT-");
    assertThat(minus.cycleProportion()).isEqualTo(1.0);
    assertThat(minus.fractionProportion()).isNull();
  }
}
