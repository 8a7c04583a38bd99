package org.oligotrial.cli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oligotrial screen}: reports, JSON, batch and bad input. */
class ScreenCommandTest {

  @Test
  void readmeMainJobPrintsReportAndExitsZero() {
    Cli r = Cli.run("screen", "examples/screening/eligible.json");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Verdict: ELIGIBLE").contains("I7").contains("HGB 118 g/L = 11.8 g/dL");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonOutputHasVerdictCriteriaAndMissing() {
    Cli r = Cli.run("screen", "examples/screening/incomplete.json", "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"verdict\":\"INCOMPLETE\"").contains("\"missing\":[\"labs.HGB\"")
        .contains("\"kind\":\"inclusion\"").contains("\"source\":");
  }

  @Test
  void impossibleEcogIsBadInputNamingFileLineAndField(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\n  \"id\": \"X\",\n  \"ecog\": 7\n}\n");
    Cli r = Cli.run("screen", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + f + ": line 3, field ecog: impossible value 7").doesNotContain("\tat ");
  }

  @Test
  void batchWritesOneRowPerRecordAndTallies(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("results.csv");
    Cli r = Cli.run("screen", "--batch", "examples/screening/batch.ndjson", "--out", csv.toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.readAllLines(csv)).hasSize(6).element(4).asString().startsWith("4,,ERROR");
    assertThat(r.out()).contains("assessed for eligibility  5").contains("eligible                  1")
        .contains("errors (unreadable)       1");
  }
}
