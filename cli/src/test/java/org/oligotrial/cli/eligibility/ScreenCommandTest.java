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
        + "title: t, wording: w, rule: {isTrue: consnt}}\nrecord:\n  fields: [{path: consentSigned, type: flag}]\n");
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

  @Test
  void generatedRecordsOfAnyProtocolScreenWithEveryVerdict(@TempDir Path dir) {
    for (String protocol : new String[] {"../protocols/nct01446744.yaml", DeclaredRecordGeneratorTest.MADE_UP.toString()}) {
      Path in = dir.resolve("in.ndjson");
      assertThat(Cli.run("screen", "generate", "--protocol", protocol, "--n", "200", "--out", in.toString()).exit())
          .isZero();
      Cli r = Cli.run("screen", "--protocol", protocol, "--batch", in.toString(), "--out",
          dir.resolve("r.csv").toString());
      assertThat(r.out()).as(protocol).contains("assessed for eligibility  200").contains("errors (unreadable)       0")
          .doesNotContainPattern("(?m)^  eligible +0$").doesNotContainPattern("(?m)^  ineligible +0 ")
          .doesNotContainPattern("(?m)^  incomplete \\(data missing\\) 0$");
    }
  }

  @Test
  void parallelBatchWritesTheSameRowsInTheSameOrder(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.ndjson");
    assertThat(Cli.run("screen", "generate", "--n", "9000", "--seed", "5", "--out", in.toString()).exit()).isZero();
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(in));
    lines.add(4100, "{\"ecog\": \"two\"}");
    lines.add(2050, "");
    lines.add(7, "not json");
    Files.write(in, lines);
    Path one = dir.resolve("one.csv");
    Path four = dir.resolve("four.csv");
    Cli a = Cli.run("screen", "--batch", in.toString(), "--out", one.toString(), "--threads", "1");
    Cli b = Cli.run("screen", "--batch", in.toString(), "--out", four.toString(), "--threads", "4");
    assertThat(Files.readString(four)).isEqualTo(Files.readString(one));
    assertThat(a.out()).contains("assessed for eligibility  9,002").contains("errors (unreadable)       2");
    assertThat(b.out().replaceAll("time .*", "").replace("four.csv", "one.csv")).isEqualTo(a.out().replaceAll("time .*", ""));
    assertThat(Files.readAllLines(one)).anyMatch(l -> l.startsWith("8,,ERROR,,,\"line 8: malformed JSON"));
  }

  @Test
  void theSecondTrialsProtocolChecksAndScreensItsOwnRecords() {
    // verdicts worked out in core's SabrCometTest from the criteria of protocols/nct01446744.yaml
    Cli check = Cli.run("protocol", "check", "protocols/nct01446744.yaml");
    assertThat(check.exit()).isZero();
    assertThat(check.out()).contains("valid protocol NCT01446744 (12 criteria, 2 arms, 1 stratification factors");
    String p = "protocols/nct01446744.yaml";
    assertThat(Cli.run("screen", "--protocol", p, "examples/screening/nct01446744/eligible.json").out())
        .contains("Verdict: ELIGIBLE (all 12 criteria pass)").contains("Strata: metastases 1-3");
    assertThat(Cli.run("screen", "--protocol", p, "examples/screening/nct01446744/ineligible.json").out())
        .contains("Verdict: INELIGIBLE (failed: I3, I6, E2)");
    assertThat(Cli.run("screen", "--protocol", p, "examples/screening/nct01446744/incomplete.json").out())
        .contains("Verdict: INCOMPLETE (undecided: I4, I5)")
        .contains("Missing data (needed to decide): lifeExpectancyMonths, primary.monthsSinceDefinitiveTreatment");
    // the first trial's record is not this trial's: bad input naming the field
    Cli wrong = Cli.run("screen", "--protocol", p, "examples/screening/eligible.json");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("unknown field");
  }
}
