package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.CriterionKind;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/** The JSON forms of a result, with the criteria's sources escaped once and kept. */
class EligibilityJsonTest {
  /** Quotes, a backslash, a control character, signs outside ASCII and one outside the Basic Multilingual Plane. */
  private static final String AWKWARD = "\"ECOG\" \\ 0-1\tHGB \u2265 90 g/L; \u00b5mol/L; \uD83D\uDC8A end";

  private static EligibilityResult result(String source, String reason) {
    return new EligibilityResult("SCR-1", "P", Verdict.ELIGIBLE,
        List.of(new CriterionResult("I1", CriterionKind.INCLUSION, CriterionStatus.PASS, reason, source, List.of()),
            new CriterionResult("E1", CriterionKind.EXCLUSION, CriterionStatus.PASS, "none", "plain source",
                List.of())),
        List.of());
  }

  @Test
  void aKeptSourceReadsBackAsTheSameTextInBothFormsAndTheAsciiFormIsAscii() {
    EligibilityResult r = result(AWKWARD, "reason with \u2264 and \"quotes\"");
    for (int round = 0; round < 3; round++) { // the first round escapes and keeps, the others use what was kept
      String plain = EligibilityJson.toJson(r);
      String ascii = EligibilityJson.toAsciiJson(r);
      JsonNode p = Candidates.JSON.readTree(plain);
      JsonNode a = Candidates.JSON.readTree(ascii);
      assertThat(p.get("criteria").get(0).get("source").asString()).isEqualTo(AWKWARD);
      assertThat(p.get("criteria").get(1).get("source").asString()).isEqualTo("plain source");
      assertThat(p.get("criteria").get(0).get("reason").asString()).isEqualTo("reason with \u2264 and \"quotes\"");
      assertThat(a).isEqualTo(p);
      assertThat(ascii.chars().allMatch(c -> c < 128)).as(ascii).isTrue();
      assertThat(plain).contains("\u2265");
    }
  }

  @Test
  void theSameResultIsWrittenAsTheSameTextBeforeAndAfterItsSourcesAreKept() {
    String source = "a source seen for the first time " + System.nanoTime() + " \u2265";
    EligibilityResult r = result(source, "r");
    String first = EligibilityJson.toAsciiJson(r);
    assertThat(EligibilityJson.toAsciiJson(r)).isEqualTo(first);
    assertThat(first).contains("\"source\":\"a source seen for the first time ").contains("\\u2265");
  }

  @Test
  void atMostMaxKeptSourcesAreKeptAndLaterOnesAreStillEscapedCorrectly() {
    Map<String, String> kept = new HashMap<>();
    JsonFactory f = new JsonFactory();
    for (int i = 0; i < EligibilityJson.MAX_KEPT_SOURCES + 100; i++) {
      assertThat(EligibilityJson.literal(f, kept, "s\"" + i)).isEqualTo("\"s\\\"" + i + "\"");
    }
    assertThat(kept).hasSize(EligibilityJson.MAX_KEPT_SOURCES);
  }
}
