package org.oligotrial.cli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.fhir.RecordToBundle;
import tools.jackson.databind.json.JsonMapper;

/** {@code oligotrial screen --fhir} and {@code screen generate --format fhir|fhir-bulk}. */
class FhirScreeningTest {

  static Path bundleOf(Path dir, String example) throws IOException {
    var record = JsonMapper.builder().build().readTree(Files.readString(Path.of("..", "examples", "screening",
        example)));
    Path f = dir.resolve(example.replace(".json", "-bundle.json"));
    Files.writeString(f, RecordToBundle.toJson(new RecordToBundle().write(record)));
    return f;
  }

  @Test
  void bundlePrintsTheResultAndTheProvenanceOfEachField(@TempDir Path dir) throws IOException {
    Cli r = Cli.run("screen", "--fhir", bundleOf(dir, "eligible.json").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    // the same verdict as `screen examples/screening/eligible.json`
    assertThat(r.out()).contains("Verdict: ELIGIBLE").contains("Mapped from FHIR")
        .contains("ecog                          <- Observation/SCR-0001-ecog value (http://loinc.org|89247-1)")
        .contains("birthDate                     <- Patient/SCR-0001 birthDate");
  }

  @Test
  void jsonOutputCarriesTheProvenance(@TempDir Path dir) throws IOException {
    Cli r = Cli.run("screen", "--fhir", bundleOf(dir, "incomplete.json").toString(), "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"verdict\":\"INCOMPLETE\"").contains("\"provenance\":{")
        .contains("\"labs.WBC\":{\"resourceType\":\"Observation\",\"id\":\"SCR-0003-lab-WBC\"");
  }

  @Test
  void impossibleValueNamesResourceAndElementWithExitCode2(@TempDir Path dir) throws IOException {
    Path f = bundleOf(dir, "eligible.json");
    Files.writeString(f, Files.readString(f).replace("\"valueInteger\":1", "\"valueInteger\":7"));
    Cli r = Cli.run("screen", "--fhir", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + f + ": Observation/SCR-0001-ecog valueInteger: ECOG performance "
        + "status must be 0-5").doesNotContain("\tat ");
  }

  @Test
  void notFhirIsBadInputNamingTheElement(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.json");
    Files.writeString(f, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
        + "{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"yes\"}}]}");
    Cli r = Cli.run("screen", "--fhir", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + f + ": Bundle: not valid FHIR R4 JSON").contains("gender")
        .doesNotContain("\tat ");
  }

  @Test
  void generateWritesBundlesAndBulkNdjson(@TempDir Path dir) throws IOException {
    assertThat(Cli.run("screen", "generate", "--n", "3", "--format", "fhir", "--out", dir.resolve("b").toString())
        .exit()).isZero();
    assertThat(Files.list(dir.resolve("b")).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("GEN-1.json", "GEN-2.json", "GEN-3.json");
    Cli r = Cli.run("screen", "generate", "--n", "3", "--format", "fhir-bulk", "--out", dir.resolve("bulk").toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.readAllLines(dir.resolve("bulk").resolve("Patient.ndjson"))).hasSize(3);
    assertThat(Files.readAllLines(dir.resolve("bulk").resolve("Condition.ndjson")).size()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void otherCommandsDoNotLoadHapiFhir() throws Exception {
    // a fresh JVM on the test class path, listing every class it loads
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-verbose:class", "-cp", System.getProperty("java.class.path"), "org.oligotrial.cli.OligoTrialCommand",
        "screen", "../examples/screening/eligible.json").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out).contains("Verdict: ELIGIBLE").contains("org.oligotrial.cli.eligibility.ScreenCommand")
        .doesNotContain("ca.uhn.fhir").doesNotContain("org.hl7.fhir");
  }

  static List<String> lines(Path f) throws IOException {
    return Files.readAllLines(f);
  }
}
