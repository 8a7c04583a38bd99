package org.oligotrial.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.design.GroupSequentialBoundaries;
import org.oligotrial.design.GroupSequentialDesign;

/** The {@code interimAnalysis} section: read, checked by {@code protocol check}, and the trial's own plan. */
class InterimAnalysisPlanTest {

  private static final String HEAD = """
      id: T
      title: test
      targetSampleSize: 150
      arms: [{id: A, name: a, type: experimental}]
      criteria:
        - id: C1
          kind: inclusion
          title: t
          wording: w
          rule: {isTrue: consentSigned}
      endpoints:
        - {id: pfs, kind: primary, name: progression-free survival}
      """ + NctRecord.YAML; // the rule's field (consentSigned) is declared by a record section

  private static final String PLAN = """
      interimAnalysis:
        endpoint: pfs
        looks: [61, 122]
        alpha: 0.025
        sides: 1
        power: 0.8
        hazardRatio: 0.6
        spending: of
        futility: beta-of
        binding: false
      """;

  private static ProtocolCheck check(String yaml) {
    return ProtocolLoader.check(new StringReader(yaml), "t.yaml");
  }

  private static List<String> errors(String plan) {
    return check(HEAD + plan).errors().stream().map(p -> p.field() + ": " + p.message()).toList();
  }

  @Test
  void planIsRead() {
    ProtocolCheck c = check(HEAD + PLAN);
    assertThat(c.errors()).isEmpty();
    InterimAnalysisPlan p = c.protocol().interimAnalysis();
    assertThat(p.lookEvents()).containsExactly(61, 122);
    assertThat(p.plannedEvents()).isEqualTo(122);
    assertThat(p.spec().informationRates()).containsExactly(0.5, 1.0);
    assertThat(p.binding()).isFalse();
  }

  @Test
  void withoutTheSectionThereIsNoPlan() {
    assertThat(check(HEAD).protocol().interimAnalysis()).isNull();
  }

  @Test
  void looksMustIncrease() {
    assertThat(errors(PLAN.replace("[61, 122]", "[61, 61]"))).singleElement().asString()
        .contains("look events must increase");
    assertThat(errors(PLAN.replace("[61, 122]", "[0, 122]"))).singleElement().asString()
        .contains("positive whole numbers");
    assertThat(errors(PLAN.replace("[61, 122]", "[61.5, 122]"))).singleElement().asString()
        .contains("positive whole numbers");
  }

  @Test
  void finalLookCannotExceedTheSampleSize() {
    assertThat(errors(PLAN.replace("[61, 122]", "[61, 160]"))).singleElement().asString()
        .contains("more events than the target sample size 150");
  }

  @Test
  void spendingAndFutilityMustBeKnown() {
    assertThat(errors(PLAN.replace("spending: of", "spending: obf"))).singleElement().asString()
        .contains("interimAnalysis.spending").contains("unknown spending 'obf'");
    assertThat(errors(PLAN.replace("spending: of", "spending: classical-of"))).singleElement().asString()
        .contains("alpha-spending function");
    assertThat(errors(PLAN.replace("futility: beta-of", "futility: maybe"))).singleElement().asString()
        .contains("unknown futility rule");
    assertThat(errors(PLAN.replace("futility: beta-of", "futility: z:0,0"))).singleElement().asString()
        .contains("one for each of the 1 interim looks");
  }

  @Test
  void endpointMustExist() {
    assertThat(errors(PLAN.replace("endpoint: pfs", "endpoint: os"))).singleElement().asString()
        .contains("no endpoint 'os'");
  }

  @Test
  void bundledProtocolPlansOneInterimAtHalfThePfsEvents() {
    Protocol protocol = ProtocolLoader.bundled();
    InterimAnalysisPlan p = protocol.interimAnalysis();
    assertThat(p.endpoint()).isEqualTo("pfs");
    assertThat(p.lookEvents()).containsExactly(61, 122);
    assertThat(protocol.note("N10")).isPresent();
    // the bounds quoted in note N10: rpact 3.3.4 getDesignGroupSequential(informationRates = c(0.5, 1), alpha =
    // 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF", typeBetaSpending = "bsOF"): criticalValues 2.962588,
    // 1.968596, futilityBounds 0.5593915
    GroupSequentialDesign d = GroupSequentialBoundaries.compute(p.spec());
    assertThat(d.stages().get(0).criticalZ()).isBetween(2.9625, 2.9627);
    assertThat(d.stages().get(1).criticalZ()).isBetween(1.9685, 1.9687);
    assertThat(d.stages().get(0).futilityZ()).isBetween(0.5593, 0.5595);
  }
}
