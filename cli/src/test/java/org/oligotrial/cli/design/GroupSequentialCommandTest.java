package org.oligotrial.cli.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code oligotrial design group-sequential}: table, JSON keys and values, bad input. */
class GroupSequentialCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = OligoTrialCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private JsonNode json() {
    return JsonMapper.builder().build().readTree(out.toString());
  }

  @Test
  void survivalDesignJsonAgreesWithRpact() {
    // R 4.2.2, rpact 3.3.4: getSampleSizeSurvival(getDesignGroupSequential(informationRates = c(0.5, 1),
    //   alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF", typeBetaSpending = "bsOF"), hazardRatio = 0.6,
    //   median2 = 8, accrualTime = c(0, 36), followUpTime = 12): criticalValues 2.9625880427275479,
    //   1.9685956463217735 (of the design), maxNumberOfEvents 127.05320119448328, expectedEventsH0
    //   81.722014006214266, expectedEventsH1 111.36677938041865, maxNumberOfSubjects 154.06127636749358,
    //   analysisTime 27.377643344681164, 48, criticalValuesEffectScale 0.47549375316251324, 0.70518430937403453
    assertThat(run("design", "group-sequential", "--looks", "2", "--information", "0.5,1", "--alpha", "0.025",
        "--sides", "1", "--power", "0.8", "--spending", "of", "--futility", "beta-of", "--hr", "0.6",
        "--median-control", "8", "--accrual-months", "36", "--followup-months", "12", "--json")).isZero();
    JsonNode j = json();
    assertThat(j.get("stages").get(0).get("criticalZ").asDouble()).isCloseTo(2.9625880427275479, within(1e-6));
    assertThat(j.get("stages").get(1).get("criticalZ").asDouble()).isCloseTo(1.9685956463217735, within(1e-6));
    assertThat(j.get("stages").get(1).get("futilityZ").asDouble())
        .isEqualTo(j.get("stages").get(1).get("criticalZ").asDouble());
    for (String key : new String[] {"informationRate", "nominalP", "cumulativeAlpha", "cumulativePower"}) {
      assertThat(j.get("stages").get(0).has(key)).as(key).isTrue();
    }
    assertThat(j.get("inflationFactor").asDouble()).isGreaterThan(1);
    assertThat(j.get("events").get("maximum").asDouble()).isCloseTo(127.05320119448328, within(1e-4));
    assertThat(j.get("events").get("expectedH0").asDouble()).isCloseTo(81.722014006214266, within(1e-4));
    assertThat(j.get("events").get("expectedH1").asDouble()).isCloseTo(111.36677938041865, within(1e-4));
    assertThat(j.get("events").get("perStage").size()).isEqualTo(2);
    assertThat(j.get("patients").get("maximum").asDouble()).isCloseTo(154.06127636749358, within(1e-4));
    assertThat(j.get("analysisTimes").get(0).asDouble()).isCloseTo(27.377643344681164, within(1e-5));
    assertThat(j.get("hrBoundaries").get(0).asDouble()).isCloseTo(0.47549375316251324, within(1e-6));
  }

  @Test
  void aTwoSidedDesignTakesBetaSpendingFutilityAsAnInnerRegion() throws Exception {
    // R 4.2.2, rpact 3.3.4: getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.2, sided = 2,
    //   typeOfDesign = "asOF", typeBetaSpending = "bsP")$futilityBounds = 0.52941134382103516, 1.2926402849162875
    assertThat(run("design", "group-sequential", "--looks", "3", "--alpha", "0.05", "--sides", "2", "--power", "0.8",
        "--spending", "of", "--futility", "beta-pocock", "--json")).isZero();
    JsonNode j = json();
    assertThat(j.get("stages").get(0).get("futilityZ").asDouble()).isCloseTo(0.52941134382103516, within(1e-6));
    assertThat(j.get("stages").get(1).get("futilityZ").asDouble()).isCloseTo(1.2926402849162875, within(1e-6));
  }

  @Test
  void boundariesOnlyWithoutFutilityHaveNullFutility() {
    assertThat(run("design", "group-sequential", "--looks", "3", "--spending", "hsd:-4", "--json")).isZero();
    assertThat(json().get("stages").get(0).get("futilityZ").isNull()).isTrue();
    assertThat(json().has("events")).isFalse();
  }

  @Test
  void tableShowsEveryLook() {
    // rpact 3.3.4: getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "OF",
    //   futilityBounds = c(0, 0), bindingFutility = TRUE) (criticalValues printed to 4 decimals)
    assertThat(run("design", "group-sequential", "--looks", "3", "--spending", "classical-of", "--futility", "z:0,0",
        "--binding")).isZero();
    assertThat(out.toString()).contains("futility: z:0.0,0.0 (binding)").containsPattern("(?m)^\\s+3\\s+1\\.0000");
  }

  @Test
  void badInputNamesTheOption() {
    assertThat(run("design", "group-sequential", "--looks", "3", "--spending", "obf")).isEqualTo(2);
    assertThat(err.toString()).contains("--spending").doesNotContain("Exception");
    assertThat(run("design", "group-sequential", "--looks", "3", "--information", "0.5,0.4,1")).isEqualTo(2);
    assertThat(err.toString()).contains("--information");
    assertThat(run("design", "group-sequential", "--looks", "3", "--information", "0.5,1")).isEqualTo(2);
    assertThat(err.toString()).contains("--information needs 3 rates");
    assertThat(run("design", "group-sequential", "--looks", "3", "--futility", "z:0")).isEqualTo(2);
    assertThat(err.toString()).contains("--futility");
    assertThat(run("design", "group-sequential", "--looks", "3", "--alpha", "0.7")).isEqualTo(2);
    assertThat(err.toString()).contains("--alpha");
    assertThat(run("design", "group-sequential", "--looks", "3", "--sides", "2", "--futility", "z:0,0"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("one-sided");
    assertThat(run("design", "group-sequential", "--looks", "2", "--hr", "0.6")).isEqualTo(2);
    assertThat(err.toString()).contains("--median-control");
    assertThat(run("design", "group-sequential", "--looks", "2", "--hr", "0.6", "--median-control", "8",
        "--accrual-months", "36", "--followup-months", "12", "--dropout", "often")).isEqualTo(2);
    assertThat(err.toString()).contains("--dropout");
    assertThat(run("design", "group-sequential", "--looks", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--looks");
  }

  @Test
  void answersHelp() {
    assertThat(run("design", "group-sequential", "--help")).isZero();
    assertThat(out.toString()).contains("--spending").contains("--futility").contains("--dropout");
  }
}
