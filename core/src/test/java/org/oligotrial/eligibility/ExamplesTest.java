package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.ProtocolLoader;

/** The example records in examples/screening get the verdicts their names promise. */
class ExamplesTest {
  private static final Path DIR = Path.of("..", "examples", "screening");
  private final EligibilityEngine engine = new EligibilityEngine(ProtocolLoader.bundled());
  private final ScreeningRecordParser parser = new ScreeningRecordParser();

  private EligibilityResult screen(String name) throws IOException {
    return engine.evaluate(parser.parse(Files.readString(DIR.resolve(name))));
  }

  @Test
  void eligibleExampleIsEligible() throws IOException {
    EligibilityResult r = screen("eligible.json");
    assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(r.criteria()).hasSize(17).allMatch(c -> c.status() == CriterionStatus.PASS);
    assertThat(r.missing()).isEmpty();
  }

  @Test
  void ineligibleExampleFailsOnAgeLesionCountAndHaemoglobin() throws IOException {
    // born 1953-11-30, screened 2025-04-02: 71 years; 4 + 3 = 7 lesions; HGB 5.3 mmol/L x 1.6114 = 8.54042 g/dL < 9
    EligibilityResult r = screen("ineligible.json");
    assertThat(r.verdict()).isEqualTo(Verdict.INELIGIBLE);
    assertThat(r.failed()).containsExactly("I1", "I3", "I7", "E1");
  }

  @Test
  void incompleteExampleListsWhatIsMissing() throws IOException {
    // no HGB, no ALT ULN, pregnancy not stated for a woman
    EligibilityResult r = screen("incomplete.json");
    assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(r.missing()).containsExactly("labs.HGB", "labs.ALT.uln", "pregnant");
    assertThat(r.unknown()).containsExactly("I7", "I8", "E6");
  }
}
