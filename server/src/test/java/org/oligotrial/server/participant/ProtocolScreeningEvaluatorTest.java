package org.oligotrial.server.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.kernel.InvalidFieldException;

/** The server's use of the eligibility engine, on the example records in {@code examples/screening}. */
class ProtocolScreeningEvaluatorTest {
  static final ProtocolScreeningEvaluator EVALUATOR = new ProtocolScreeningEvaluator();

  static String example(String name) throws Exception {
    return Files.readString(Path.of("..", "examples", "screening", name));
  }

  @Test
  void theEligibleExampleIsEligibleAndTheResultNamesTheProtocolVersion() throws Exception {
    ScreeningEvaluation e = EVALUATOR.evaluate(example("eligible.json"));
    assertThat(e.verdict()).isEqualTo("ELIGIBLE");
    assertThat(e.status()).isEqualTo(ParticipantStatus.ELIGIBLE);
    assertThat(e.protocolVersion()).matches("NCT03119519 sha256:[0-9a-f]{16}");
    assertThat(e.resultJson()).contains("\"verdict\":\"ELIGIBLE\"").contains("\"criteria\"");
    assertThat(e.screenFailureReasons()).isEmpty();
  }

  @Test
  void theIneligibleExampleListsItsFailedCriteriaAsScreenFailureReasons() throws Exception {
    ScreeningEvaluation e = EVALUATOR.evaluate(example("ineligible.json"));
    assertThat(e.status()).isEqualTo(ParticipantStatus.SCREEN_FAILED);
    assertThat(e.screenFailureReasons()).isNotEmpty().allMatch(r -> r.matches("[IE]\\d+: .+"));
  }

  @Test
  void theIncompleteExampleLeavesTheParticipantInScreening() throws Exception {
    assertThat(EVALUATOR.evaluate(example("incomplete.json")).status()).isEqualTo(ParticipantStatus.SCREENING);
  }

  @Test
  void anUnreadableRecordIsRefusedNamingTheField() {
    assertThatThrownBy(() -> EVALUATOR.evaluate("{\"ecog\": \"one\"}"))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(ex -> assertThat(((InvalidFieldException) ex).field()).isEqualTo("screeningRecord.ecog"));
  }
}
