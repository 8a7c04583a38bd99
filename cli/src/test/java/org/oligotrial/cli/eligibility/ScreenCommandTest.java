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

  @Test
  void malformedJsonIsBadInputWithTheLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "{\n  \"id\": \"X\",\n  \"ecog\": 1,,\n}\n");
    Cli r = Cli.run("screen", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + f + ": line 3: malformed JSON");
  }

  @Test
  void missingFileIsBadInput() {
    Cli r = Cli.run("screen", "examples/screening/nope.json");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void invalidProtocolFileIsBadInputNamingLineAndField(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, "id: T\ntitle: t\ntargetSampleSize: 1\narms: []\ncriteria:\n  - {id: C, kind: inclusion, "
        + "title: t, wording: w, rule: {isTrue: consnt}}\n");
    Cli r = Cli.run("screen", "examples/screening/eligible.json", "--protocol", p.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + p + ":6:").contains("criteria[0].rule.isTrue: unknown screening-record "
        + "field 'consnt'");
  }

  @Test
  void protocolCheckFlagsTheRegistryHaemoglobinButExitsZero() {
    Cli r = Cli.run("protocol", "check", "examples/protocols/registry-literal-haemoglobin.yaml");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("warning:").contains("HGB 9 g/L = 0.9 g/dL");
  }

  @Test
  void protocolCheckExitsTwoOnErrors(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, "id: T\ntitle: [oops\n");
    Cli r = Cli.run("protocol", "check", p.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("malformed YAML");
  }

  @Test
  void generatedRecordsAreAllReadableAndReproducible(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.ndjson");
    Path b = dir.resolve("b.ndjson");
    assertThat(Cli.run("screen", "generate", "--n", "500", "--seed", "3", "--out", a.toString()).exit()).isZero();
    assertThat(Cli.run("screen", "generate", "--n", "500", "--seed", "3", "--out", b.toString()).exit()).isZero();
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    Path csv = dir.resolve("r.csv");
    Cli r = Cli.run("screen", "--batch", a.toString(), "--out", csv.toString());
    assertThat(r.out()).contains("assessed for eligibility  500").contains("errors (unreadable)       0");
  }
}
