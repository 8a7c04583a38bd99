package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.eligibility.Candidates.lab;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import tools.jackson.databind.node.ObjectNode;

/** The same engine evaluates a different trial's protocol file (test resource other-trial.yaml). */
class SecondProtocolTest {
  private static final EligibilityEngine OTHER = new EligibilityEngine(load());

  private static Protocol load() {
    try (var r = new InputStreamReader(SecondProtocolTest.class.getResourceAsStream(
        "/org/oligotrial/protocol/other-trial.yaml"), StandardCharsets.UTF_8)) {
      return ProtocolLoader.check(r, "other-trial.yaml").protocol();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static EligibilityResult screen(Consumer<ObjectNode> edit) {
    return OTHER.evaluate(Candidates.eligibleWith(edit));
  }

  @Test
  void theNct03119519EligibleCandidateFailsOnlyTheOtherTrialsBrainRule() {
    // eligible.json has a brain metastasis, EGFR mutant adenocarcinoma, ECOG 1, age 62, PLT 245 G/L
    EligibilityResult r = screen(n -> { });
    assertThat(r.protocolId()).isEqualTo("TEST-0002");
    assertThat(r.criteria()).extracting(CriterionResult::id)
        .containsExactly("AGE", "HIST", "PS", "PLT", "CHEMO", "BRAIN", "PREG");
    assertThat(r.failed()).containsExactly("BRAIN");
  }

  @Test
  void ageHasNoUpperLimitInTheOtherTrial() {
    assertThat(screen(n -> {
      n.put("birthDate", "1930-01-01");
      n.putArray("metastases").addObject().put("site", "bone").put("lesions", 9);
    }).verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void plateletThresholdInPerMicrolitreComparesExactly() {
    // 75 000 /uL = 75 x10^9/L
    assertThat(screen(n -> { n.putArray("metastases"); lab(n, "PLT").put("value", 75); }).verdict())
        .isEqualTo(Verdict.ELIGIBLE);
    assertThat(screen(n -> { n.putArray("metastases"); lab(n, "PLT").put("value", 74.999); }).failed())
        .containsExactly("PLT");
  }

  @Test
  void creatinineStrictlyBelowOneAndAHalfMilligrams() {
    // 132.63 umol/L = 1.5 mg/dL x 88.42 exactly -> not below
    assertThat(screen(n -> { n.putArray("metastases"); lab(n, "CREAT").put("value", 132.63).put("unit", "umol/L")
        .remove("uln"); }).failed()).containsExactly("PLT");
  }

  @Test
  void oneChemotherapyIsAllowedTwoAreNot() {
    assertThat(screen(n -> { n.putArray("metastases"); n.putArray("priorTreatments").addObject()
        .put("type", "chemotherapy"); }).verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(screen(n -> {
      n.putArray("metastases");
      var a = n.putArray("priorTreatments");
      a.addObject().put("type", "chemotherapy");
      a.addObject().put("type", "chemotherapy");
    }).failed()).containsExactly("CHEMO");
  }

  @Test
  void ecogTwoFailsTheOtherTrial() {
    assertThat(screen(n -> { n.putArray("metastases"); n.put("ecog", 2); }).failed()).containsExactly("PS");
  }
}
