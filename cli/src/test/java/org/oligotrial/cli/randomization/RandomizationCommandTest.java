package org.oligotrial.cli.randomization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code oligotrial randomization}: simulate, new-seed and export-list, and one clear line on bad input. */
class RandomizationCommandTest {

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = OligoTrialCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void simulatePrintsOneRowPerMethod() {
    Run r = run("randomization", "simulate", "--runs", "200", "--seed", "5");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("148 participants x 200 runs", "histology=squamous 0.30")
        .containsPattern("(?m)^blocks +[0-9.]+ / ")
        .containsPattern("(?m)^minimization +[0-9.]+ / ")
        .containsPattern("(?m)^simple +[0-9.]+ / .* 50\\.0%$");
  }

  @Test
  void simulateJsonCarriesEverySettingAndMetric() {
    Run r = run("randomization", "simulate", "--method", "blocks", "--runs", "50", "--n", "40", "--ratio", "2:1",
        "--prevalence", "histology=0.5", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JsonMapper.builder().build().readTree(r.out());
    assertThat(j.get("participants").asInt()).isEqualTo(40);
    assertThat(j.get("prevalence").get("histology").get("squamous").asDouble()).isEqualTo(0.5);
    assertThat(j.get("prevalence").get("histology").get("non-squamous").asDouble()).isEqualTo(0.5);
    // the protocol states thoracic_stage III at 0.6, so I-II gets the rest
    assertThat(j.get("prevalence").get("thoracic_stage").get("I-II").asDouble()).isEqualTo(1 - 0.6);
    assertThat(j.get("ratio").asString()).isEqualTo("RT+:RT- 2:1");
    JsonNode m = j.get("methods").get(0);
    assertThat(m.get("method").asString()).isEqualTo("blocks");
    assertThat(m.get("parameters").asString()).isEqualTo("block sizes [3, 6, 9]");
    assertThat(m.get("incompleteBlockShare").get("mean").asDouble()).isBetween(0.0, 1.0);
  }

  /** SABR-COMET's randomization (core test resource): SOC and SOC+SABR at 1:2, one factor of two levels. */
  static final String SABR = "../core/src/test/resources/org/oligotrial/randomization/sabr-comet-like.yaml";

  @Test
  void simulateFollowsTheProtocolsArmsRatioAndFactor() {
    Run r = run("randomization", "simulate", "--protocol", SABR, "--runs", "400", "--seed", "3", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JsonMapper.builder().build().readTree(r.out());
    assertThat(j.get("trial").asString()).isEqualTo("TEST-SABR");
    assertThat(j.get("participants").asInt()).isEqualTo(99); // the protocol's targetSampleSize
    assertThat(j.get("ratio").asString()).isEqualTo("SOC:SOC+SABR 1:2");
    // no prevalence stated: the two levels are equally likely
    assertThat(j.get("prevalence").get("metastases").get("1-3").asDouble()).isEqualTo(0.5);
    for (JsonNode m : j.get("methods")) {
      JsonNode arms = m.get("arms");
      assertThat(arms.get(0).get("arm").asString()).isEqualTo("SOC");
      // 400 runs x 99 = 39,600 allocations: SD of the 1/3 share is sqrt(2/9 / 39600) = 0.0024 even unrestricted
      assertThat(arms.get(0).get("share").asDouble()).as(m.get("method").asString()).isBetween(1 / 3.0 - 0.01,
          1 / 3.0 + 0.01);
      assertThat(arms.get(1).get("share").asDouble()).isBetween(2 / 3.0 - 0.01, 2 / 3.0 + 0.01);
      assertThat(m.get("levels")).hasSize(2);
    }
    // the protocol's block sizes 3 and 6 (multiples of 1 + 2)
    assertThat(j.get("methods").get(0).get("parameters").asString()).isEqualTo("block sizes [3, 6]");
    Run table = run("randomization", "simulate", "--protocol", SABR, "--runs", "200");
    assertThat(table.out()).contains("ratio SOC:SOC+SABR 1:2", "metastases=1-3 0.50/4-5 0.50")
        .containsPattern("(?m)^ratio's target +33\\.3% +66\\.7%")
        .containsPattern("(?m)^metastases=4-5 +[0-9.]+ +3[0-9]\\.[0-9]% / 6[0-9]\\.[0-9]%");
  }

  @Test
  void sabrCometsProtocolFileSimulatesItsOneToTwoRatio() {
    // protocols/nct01446744.yaml: SOC and SOC+SABR at 1:2, stratified by metastases 1-3 / 4-5, 99 patients
    Run r = run("randomization", "simulate", "--protocol", "../protocols/nct01446744.yaml", "--runs", "1000",
        "--seed", "11", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JsonMapper.builder().build().readTree(r.out());
    assertThat(j.get("trial").asString()).isEqualTo("NCT01446744");
    assertThat(j.get("participants").asInt()).isEqualTo(99);
    assertThat(j.get("ratio").asString()).isEqualTo("SOC:SOC+SABR 1:2");
    for (JsonNode m : j.get("methods")) {
      // 1000 runs x 99 = 99,000 allocations: SD of the 1/3 share sqrt(2/9 / 99000) = 0.0015 even unrestricted
      assertThat(m.get("arms").get(0).get("target").asDouble()).isEqualTo(1 / 3.0);
      assertThat(m.get("arms").get(0).get("share").asDouble()).as(m.get("method").asString())
          .isBetween(1 / 3.0 - 0.01, 1 / 3.0 + 0.01);
      for (JsonNode level : m.get("levels")) {
        assertThat(level.get("factor").asString()).isEqualTo("metastases");
        assertThat(level.get("arms").get(1).get("share").asDouble()).isBetween(2 / 3.0 - 0.02, 2 / 3.0 + 0.02);
      }
    }
    // permuted blocks of 3 and 6 keep each stratum within one block of 1:2, so the trial-wide imbalance of n_k / r_k
    // is at most 2 strata x 6 / 2 = 6
    assertThat(j.get("methods").get(0).get("parameters").asString()).isEqualTo("block sizes [3, 6]");
    assertThat(j.get("methods").get(0).get("overallImbalance").get("max").asDouble()).isLessThanOrEqualTo(6);
  }

  @Test
  void theSameSeedPrintsTheSameReport() {
    assertThat(run("randomization", "simulate", "--runs", "100", "--seed", "9").out())
        .isEqualTo(run("randomization", "simulate", "--runs", "100", "--seed", "9").out());
  }

  @Test
  void badOptionsGiveExitTwoAndOneLine() {
    String[][] bad = {
      {"--prevalence", "smoking=0.2"},
      {"--prevalence", "histology.small-cell=0.2"},
      {"--protocol", "no-such.yaml"},
      {"--ratio", "1:2:1"},
      {"--prevalence", "histology=1.2"},
      {"--p", "0.3"},
      {"--ratio", "1:x"},
      {"--method", "urn"},
      {"--runs", "0"},
      {"--method", "blocks", "--block-sizes", "3"},
      {"--weights", "1,1"},
    };
    for (String[] args : bad) {
      String[] full = new String[args.length + 2];
      full[0] = "randomization";
      full[1] = "simulate";
      System.arraycopy(args, 0, full, 2, args.length);
      Run r = run(full);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).startsWith("error: ").hasLineCount(1);
    }
  }

  @Test
  void newSeedThenExportListGivesTheSameCsvTwice(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("trial.seed");
    Run created = run("randomization", "new-seed", seed.toString());
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(Files.readString(seed).trim()).matches("[0-9a-f]{64}");
    assertThat(run("randomization", "new-seed", seed.toString()).exit()).isEqualTo(2);
    Run first = run("randomization", "export-list", "--seed-file", seed.toString(), "--blocks-per-stratum", "2");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("stratum,stratum_sequence,block,position_in_block,block_size,arm\n");
    assertThat(first.out().lines().skip(1)).allMatch(l -> l.endsWith(",RT+") || l.endsWith(",RT-"));
    assertThat(run("randomization", "export-list", "--seed-file", seed.toString(), "--blocks-per-stratum", "2").out())
        .isEqualTo(first.out());
  }

  @Test
  void exportListRefusesABadSeedFile(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("bad.seed");
    Files.writeString(seed, "not hex");
    Run r = run("randomization", "export-list", "--seed-file", seed.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("32 to 128 hexadecimal digits");
  }
}
