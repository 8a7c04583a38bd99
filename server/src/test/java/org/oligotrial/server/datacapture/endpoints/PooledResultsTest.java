package org.oligotrial.server.datacapture.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.endpoints.ComplianceSummary.ArmCompliance;
import org.oligotrial.endpoints.ToxicitySummary.ArmTerm;

/**
 * The pooled safety tables are the by-arm tables summed, worked by hand: three participants in RT+, two in RT-.
 */
class PooledResultsTest {
  private static final String RESP = "Respiratory, thoracic and mediastinal disorders";
  private static final String GEN = "General disorders and administration site conditions";

  @Test
  void toxicityCountsEachParticipantOnceOverEveryParticipant() {
    // RT+: pneumonitis worst grade 1 (one participant) and 3 (one); fatigue grade 2 (one)
    // RT-: pneumonitis worst grade 2 (one)
    List<ArmTerm> byArm = List.of(
        new ArmTerm("RT+", GEN, "Fatigue", 3, List.of(0, 1, 0, 0, 0)),
        new ArmTerm("RT+", RESP, "Pneumonitis", 3, List.of(1, 0, 1, 0, 0)),
        new ArmTerm("RT-", RESP, "Pneumonitis", 2, List.of(0, 1, 0, 0, 0)));
    List<ArmTerm> pooled = PooledResults.toxicity(byArm, 5);
    // pneumonitis: 1 + 0, 0 + 1, 1 + 0 = [1, 1, 1, 0, 0]; SOCs alphabetical: General before Respiratory
    assertThat(pooled).containsExactly(
        new ArmTerm("all", GEN, "Fatigue", 5, List.of(0, 1, 0, 0, 0)),
        new ArmTerm("all", RESP, "Pneumonitis", 5, List.of(1, 1, 1, 0, 0)));
    assertThat(pooled.get(1).grade3OrWorseProportion()).isCloseTo(1.0 / 5, within(1e-12));
  }

  @Test
  void complianceAddsTheArmsAndTakesTheProportionsOfTheSums() {
    // RT+: 3 participants, 12 of 12 cycles, 81 of 90 fractions; RT-: 2 participants, 6 of 8 cycles, no fraction
    List<ArmCompliance> byArm = List.of(
        new ArmCompliance("RT+", 3, 12, 12, 1.0, 3, 90, 81, 0.9, 2),
        new ArmCompliance("RT-", 2, 8, 6, 0.75, 1, 0, 0, null, 0));
    ArmCompliance all = PooledResults.compliance(byArm).get(0);
    // cycles 18 / 20 = 0.9; fractions 81 / 90 = 0.9
    assertThat(all).isEqualTo(new ArmCompliance("all", 5, 20, 18, 0.9, 4, 90, 81, 0.9, 2));
    assertThat(PooledResults.compliance(List.of())).isEmpty();
  }
}
