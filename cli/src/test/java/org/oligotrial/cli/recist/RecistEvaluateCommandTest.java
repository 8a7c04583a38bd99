package org.oligotrial.cli.recist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;

/** {@code oligotrial recist evaluate}: every example in examples/recist runs, bad input gives exit 2 and one line. */
class RecistEvaluateCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples", "recist");

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

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleEvaluatesAsTableAndAsJson(Path example) {
    Run table = run("recist", "evaluate", example.toString());
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("Best overall response:");
    Run json = run("recist", "evaluate", "--json", example.toString());
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"bestOverallResponse\"").contains("\"progressionDate\"");
  }

  @Test
  void structuredExampleShowsWhereItProgressed() {
    // baseline 42 + 18 + 24 = 84 mm; day 49: 30 + 12 + 14 = 56 (-33.3%: PR); day 98: NL1 equivocal (liver);
    // day 147: NL1 unequivocal: progression dated back to the equivocal scan of 2024-06-07 (RECIST 1.1 4.3.2)
    Run r = run("recist", "evaluate", EXAMPLES.resolve("structured-progression.json").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("baseline sum 84 mm").contains("-33.3%").contains("First progression: 2024-06-07")
        .contains("2024-06-07  NL1 (liver): unequivocal new lesion, equivocal since 2024-06-07")
        .contains("Progression by scope: any 2024-06-07; thoracic none; primary-tumour none; oligometastatic-foci none");
    Run json = run("recist", "evaluate", "--json", EXAMPLES.resolve("structured-progression.json").toString());
    assertThat(json.out()).contains("\"progressionSites\" : [ \"NL1\" ]");
  }

  @Test
  void docsShowTheLocalFailureExampleAsPrinted() throws IOException {
    // T1 (primary) 22 -> 28 mm: +6 mm and +27.3% of its own smallest measure: local failure on 2024-05-13 while the
    // sum 40 vs nadir 36 (+11.1%) is still PR; the bone focus in unequivocal progression on 2024-07-01 is RECIST PD
    Run r = run("recist", "evaluate", EXAMPLES.resolve("structured-local-failure.json").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("thoracic 2024-05-13; primary-tumour 2024-05-13; oligometastatic-foci 2024-07-01");
    String docs = Files.readString(Path.of("..", "docs", "recist.md"));
    assertThat(docs.replace("\r\n", "\n")).contains(r.out().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void aBaselineBreakingRecistListsEveryFindingAtItsLesion(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, """
        {"baseline": {"date": "2024-01-01", "lesions": [
          {"type": "target", "site": "liver", "mm": 14, "method": "CT", "sliceThicknessMm": 8},
          {"type": "target", "site": "hilar-node", "mm": 12, "method": "CT"}]}}
        """);
    Run r = run("recist", "evaluate", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("T1 (liver): longest diameter 14 mm is below 16 mm, the smallest measurable lesion "
        + "on CT with 8 mm slices (twice the slice thickness)")
        .contains("T2 (hilar lymph node): short axis 12 mm is below the 15 mm a target node needs")
        .doesNotContain("Exception");
  }

  @Test
  void partialResponseExampleShowsItsWorking() {
    // baseline 42 + 18 + 20 = 80 mm; day 42: 30 + 12 + 14 = 56 (-30.0%: PR); day 84: 22 + 0 + 9 = 31 (-61.3%),
    // node 9 mm but T1 still 22 mm: PR; day 126: 28 + 6 + 9 = 43 vs nadir 31: +38.7% and +12 mm: PD
    Run r = run("recist", "evaluate", EXAMPLES.resolve("partial-response.json").toString());
    assertThat(r.out()).contains("baseline sum 80 mm").contains("-30.0%").contains("+38.7%")
        .contains("Best overall response: PR").contains("First progression: 2024-05-15");
  }

  @Test
  void outputShownInDocsIsWhatTheCommandPrints() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "recist.md"));
    int start = doc.indexOf("```text\n") + "```text\n".length();
    String shown = doc.substring(start, doc.indexOf("```", start));
    Run r = run("recist", "evaluate", EXAMPLES.resolve("partial-response.json").toString());
    assertThat(r.out().replace(System.lineSeparator(), "\n")).isEqualTo(shown);
  }

  @Test
  void equivocalExampleDatesProgressionAtTheEquivocalScan() {
    Run r = run("recist", "evaluate", "--json", EXAMPLES.resolve("equivocal-new-lesion.json").toString());
    assertThat(r.out()).contains("\"progressionDate\" : \"2024-05-24\"").contains("\"bestOverallResponse\" : \"SD\"");
  }

  @Test
  void nonTargetOnlyExampleUsesTable5() {
    Run r = run("recist", "evaluate", "--json", EXAMPLES.resolve("non-target-only.json").toString());
    assertThat(r.out()).contains("\"overall\" : \"non-CR/non-PD\"").contains("\"bestOverallResponse\" : \"non-CR/non-PD\"")
        .contains("\"progressionDate\" : \"2024-06-01\"");
  }

  @Test
  void tooSmallTargetIsExitCode2WithTheLesionNamed(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("small.json");
    Files.writeString(f, """
        {"baseline": {"date": "2024-01-01", "targets": [{"id": "T1", "organ": "lung", "mm": 9}]}, "assessments": []}
        """);
    Run r = run("recist", "evaluate", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: small.json: baseline target 'T1'").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void badInputsGiveOneClearLineAndExitCode2(@TempDir Path dir) throws IOException {
    List<String[]> cases = List.of(
        new String[] {"{", "not valid JSON"},
        new String[] {"[]", "JSON object"},
        new String[] {"{\"assessments\": []}", "baseline: missing"},
        new String[] {"{\"baseline\": {\"date\": \"2024-02-30\", \"targets\": []}}", "baseline.date"},
        new String[] {"{\"baseline\": {\"date\": \"2024-01-01\", \"targets\": [{\"id\": \"T1\", \"organ\": \"lung\", \"mm\": \"big\"}]}}",
            "baseline.targets[0].mm"},
        new String[] {"{\"baseline\": {\"date\": \"2024-01-01\", \"targets\": [{\"id\": \"T1\", \"organ\": \"lung\", \"mm\": 20}]},"
            + " \"assessments\": [{\"date\": \"2024-03-01\", \"targets\": {\"T1\": 20}, \"newLesions\": \"maybe\"}]}",
            "assessments[0].newLesions"},
        new String[] {"{\"baseline\": {\"date\": \"2024-01-01\", \"targets\": [{\"id\": \"T1\", \"organ\": \"lung\", \"mm\": 20}]},"
            + " \"assessments\": [{\"date\": \"2024-03-01\", \"targets\": {\"T7\": 20}, \"newLesions\": \"no\"}]}",
            "'T7'"});
    int i = 0;
    for (String[] c : cases) {
      Path f = dir.resolve("case" + i++ + ".json");
      Files.writeString(f, c[0]);
      Run r = run("recist", "evaluate", f.toString());
      assertThat(r.exit()).as(c[0]).isEqualTo(2);
      assertThat(r.err()).as(c[0]).startsWith("error: ").contains(c[1]).doesNotContain("\tat ");
      assertThat(r.err().strip().lines().count()).as(c[0]).isEqualTo(1);
    }
  }

  @Test
  void missingFileIsExitCode2() {
    Run r = run("recist", "evaluate", "no-such-file.json");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void negativeMinimumIntervalIsRejected() {
    Run r = run("recist", "evaluate", "--min-sd-days", "-1", EXAMPLES.resolve("partial-response.json").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--min-sd-days");
  }
}
