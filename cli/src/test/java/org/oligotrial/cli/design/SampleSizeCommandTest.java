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

/** The commands of docs/cox-and-design.md. */
class SampleSizeCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = OligoTrialCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void bothMethodsByDefault() {
    assertThat(run("design", "sample-size", "--hr", "0.6", "--alpha", "0.05", "--sides", "2", "--power", "0.8",
        "--ratio", "1", "--median-control", "6", "--accrual-months", "24", "--followup-months", "12")).isZero();
    // rpact 3.3.4: Schoenfeld 120.3157 events, 141.2664 patients; Freedman 125.5821, 147.4498
    assertThat(out.toString())
        .containsPattern("schoenfeld\\s+121\\s+142")
        .containsPattern("freedman\\s+126\\s+148");
  }

  @Test
  void jsonForOneMethodAgreesWithRpact() {
    // R 4.2.2, rpact 3.3.4: getSampleSizeSurvival(hazardRatio = 0.6, alpha = 0.05, sided = 2, beta = 0.2,
    //   allocationRatioPlanned = 1, median2 = 6, accrualTime = c(0, 24), followUpTime = 12,
    //   typeOfComputation = "Freedman"): eventsFixed 125.58207574958537, nFixed 147.44982152232521
    assertThat(run("design", "sample-size", "--hr", "0.6", "--median-control", "6", "--accrual-months", "24",
        "--followup-months", "12", "--method", "freedman", "--json")).isZero();
    JsonNode r = JsonMapper.builder().build().readTree(out.toString()).get("results");
    assertThat(r.size()).isEqualTo(1);
    assertThat(r.get(0).get("events").asDouble()).isCloseTo(125.58207574958537, within(1e-7));
    assertThat(r.get(0).get("patients").asDouble()).isCloseTo(147.44982152232521, within(1e-7));
  }

  @Test
  void detectableHazardRatioForTheTrial() {
    assertThat(run("design", "sample-size", "--hr", "0.6", "--median-control", "6", "--accrual-months", "24",
        "--followup-months", "12", "--patients", "148")).isZero();
    assertThat(out.toString()).contains("HR for N=148");
  }

  @Test
  void badValuesGiveOneLine() {
    assertThat(run("design", "sample-size", "--hr", "1", "--median-control", "6", "--accrual-months", "24",
        "--followup-months", "12")).isEqualTo(2);
    assertThat(err.toString()).contains("error: hazard ratio must be positive and not 1");
    assertThat(run("design", "sample-size", "--hr", "0.6", "--median-control", "6", "--accrual-months", "24",
        "--followup-months", "12", "--method", "exact")).isEqualTo(2);
    assertThat(err.toString()).contains("--method must be schoenfeld or freedman");
  }
}
