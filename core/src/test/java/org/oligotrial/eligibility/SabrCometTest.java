package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolCheck;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * The second trial, protocols/nct01446744.yaml (SABR-COMET), on the same engine: its example records under
 * examples/screening/nct01446744/ get the verdicts worked out from its criteria in the comments.
 */
class SabrCometTest {
  private static final Path FILE = Path.of("..", "protocols", "nct01446744.yaml");
  private static final Protocol COMET = ProtocolLoader.load(FILE);
  private static final ScreeningRecordParser PARSER = new ScreeningRecordParser(COMET);
  private static final EligibilityEngine ENGINE = new EligibilityEngine(COMET);

  private static String example(String name) {
    try {
      return Files.readString(Path.of("..", "examples", "screening", "nct01446744", name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static EligibilityResult screen(String json) {
    return ENGINE.evaluate(PARSER.parse(json));
  }

  @Test
  void theProtocolFileIsValidWithoutWarnings() {
    ProtocolCheck c = ProtocolLoader.check(FILE);
    assertThat(c.errors()).isEmpty();
    assertThat(c.warnings()).isEmpty();
    assertThat(COMET.arms()).extracting(a -> a.id()).containsExactly("SOC", "SOC+SABR");
    assertThat(COMET.randomization().ratio()).containsExactly(1, 2);
    assertThat(COMET.stratification()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo("metastases"));
    assertThat(COMET.endpoints()).extracting(e -> e.id() + ":" + e.kind())
        .containsExactly("os:primary", "pfs:secondary", "toxicity:secondary", "qol:secondary",
            "lesion-control:secondary");
  }

  @Test
  void eligibleExample() {
    // age 64 (1961-07-15 to 2026-03-02), consent, ECOG 1, life expectancy 12 >= 6 months, primary treated 14 >= 3
    // months ago without progression, 2 lung + 1 bone = 3 lesions (1-5, none above 3 per organ), confirmed, no
    // exclusion; stratum 1-3
    ScreeningRecord r = PARSER.parse(example("eligible.json"));
    EligibilityResult e = ENGINE.evaluate(r);
    assertThat(e.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(e.criteria()).hasSize(12);
    assertThat(new ProtocolDerivations(COMET).stratumLevels(r)).containsExactly(java.util.Map.entry("metastases",
        "1-3"));
  }

  @Test
  void ineligibleExampleFailsEcogLesionsPerOrganAndTheBrainExclusion() {
    // ECOG 2 > 1 (I3); 4 liver lesions > 3 in one organ system although the total 5 is within 1-5 (I6); a brain
    // metastasis over 3 cm (E2 applies: a brain row is present)
    EligibilityResult e = screen(example("ineligible.json"));
    assertThat(e.verdict()).isEqualTo(Verdict.INELIGIBLE);
    assertThat(e.failed()).containsExactly("I3", "I6", "E2");
    assertThat(e.criteria().get(5).reason()).contains("metastases.lesions = [4, 1] (fails each <= 3)");
  }

  @Test
  void incompleteExampleNamesTheMissingFields() {
    // life expectancy and the months since definitive treatment are not recorded: I4 and I5 cannot be decided
    EligibilityResult e = screen(example("incomplete.json"));
    assertThat(e.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(e.unknown()).containsExactly("I4", "I5");
    assertThat(e.missing()).containsExactly("lifeExpectancyMonths", "primary.monthsSinceDefinitiveTreatment");
  }

  @Test
  void primaryTreatedExactlyThreeMonthsAgoPasses() {
    // protocol note N1: exactly 3.0 months passes; 2.9 fails
    String ok = example("eligible.json").replace("\"monthsSinceDefinitiveTreatment\": 14",
        "\"monthsSinceDefinitiveTreatment\": 3.0");
    assertThat(screen(ok).verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(screen(ok.replace("3.0", "2.9")).failed()).containsExactly("I5");
  }

  @Test
  void theBrainExclusionDoesNotApplyWithoutABrainMetastasis() {
    // the eligible example has no brain row: E2 passes as not applicable
    assertThat(screen(example("eligible.json")).criteria().get(8).reason()).startsWith("does not apply");
  }

  @Test
  void theRecordRefusesASecondRowOfOneOrganAndABrainAnswerWithoutABrainRow() {
    String json = example("eligible.json");
    ScreeningRecordException twice = catchThrowableOfType(ScreeningRecordException.class, () -> PARSER.parse(
        json.replace("\"organ\": \"bone\"", "\"organ\": \"Lung\"")));
    assertThat(twice.field()).isEqualTo("metastases[1].organ");
    assertThat(twice.getMessage()).contains("the same organ as metastases[0] (lung)");
    ScreeningRecordException brain = catchThrowableOfType(ScreeningRecordException.class, () -> PARSER.parse(
        json.replace("\"brainMetastasisOver3cm\": false", "\"brainMetastasisOver3cm\": true")));
    assertThat(brain.field()).isEqualTo("brainMetastasisOver3cm");
    assertThat(brain.getMessage()).contains("[record check RC1]");
    assertThat(catchThrowableOfType(ScreeningRecordException.class, () -> PARSER.parse(
        json.replace("\"organ\": \"bone\"", "\"organ\": \"other\"")))
        .field()).isEqualTo("metastases[1].text");
  }

  @Test
  void theFirstTrialsRecordIsNotThisTrialsRecord() {
    ScreeningRecordException e = catchThrowableOfType(ScreeningRecordException.class, () -> PARSER.parse(
        Candidates.read("eligible.json")));
    assertThat(e.getMessage()).contains("unknown field");
  }
}
