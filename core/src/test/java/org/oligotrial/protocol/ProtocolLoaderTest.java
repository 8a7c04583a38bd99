package org.oligotrial.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading validates structure, vocabulary and plausibility, naming file, line and field. */
class ProtocolLoaderTest {

  private static final String HEAD = """
      id: T
      title: test
      targetSampleSize: 10
      arms: [{id: A, name: a, type: experimental}]
      criteria:
        - id: C1
          kind: inclusion
          title: t
          wording: w
      """;

  /** Checks the YAML with the NCT03119519 record section appended (after the lines the tests name). */
  private static ProtocolCheck check(String yaml) {
    return ProtocolLoader.check(new StringReader(yaml + "\n" + NctRecord.YAML), "t.yaml");
  }

  private static ProtocolException.Problem onlyError(String yaml) {
    ProtocolCheck c = check(yaml);
    assertThat(c.errors()).hasSize(1);
    return c.errors().get(0);
  }

  @Test
  void minimalProtocolLoads() {
    ProtocolCheck c = check(HEAD + "    rule: {isTrue: consentSigned}\n");
    assertThat(c.valid()).isTrue();
    assertThat(c.protocol().criteria()).hasSize(1);
  }

  @Test
  void malformedYamlNamesTheLine() {
    ProtocolException.Problem p = onlyError("id: T\ntitle: [unclosed\ntargetSampleSize: 3\n");
    assertThat(p.message()).startsWith("malformed YAML");
    assertThat(p.line()).isGreaterThan(1);
  }

  @Test
  void aFileThatIsNotUtf8OrNotAFileIsSaidSoNotAsAParserException(@TempDir Path dir) throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "id: T\ntitle: Studie f\u00fcr\n".getBytes(StandardCharsets.ISO_8859_1));
    ProtocolCheck c = ProtocolLoader.check(latin1);
    assertThat(c.errors()).singleElement().satisfies(p -> assertThat(p.message())
        .isEqualTo("not UTF-8 text; save the protocol as UTF-8"));
    ProtocolCheck d = ProtocolLoader.check(dir);
    assertThat(d.errors()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("cannot be read: ")
        .doesNotContain("java.", "Exception"));
  }

  @Test
  void unknownFieldNamesLineAndPath() {
    ProtocolException.Problem p = onlyError(HEAD + "    rule: {isTrue: consentSigned}\n    wordng: typo\n");
    assertThat(p.field()).isEqualTo("criteria[0].wordng");
    assertThat(p.line()).isEqualTo(11);
    assertThat(p.toString()).startsWith("t.yaml:11:");
  }

  @Test
  void unknownRecordFieldInARuleIsAnError() {
    ProtocolException.Problem p = onlyError(HEAD + "    rule: {isTrue: consent}\n");
    assertThat(p.message()).isEqualTo("unknown screening-record field 'consent'");
    assertThat(p.field()).isEqualTo("criteria[0].rule.isTrue");
    assertThat(p.line()).isEqualTo(10);
  }

  @Test
  void fieldOfTheWrongTypeIsAnError() {
    assertThat(onlyError(HEAD + "    rule: {number: {field: sex, min: 1}}\n").message())
        .contains("field 'sex' is of type code, this rule needs a number or integer field");
  }

  @Test
  void unknownCodeIsAnError() {
    assertThat(onlyError(HEAD + "    rule: {oneOf: {field: sex, values: [woman]}}\n").message())
        .contains("'woman' is not a code of sex");
  }

  @Test
  void unknownAnalyteUnitAndOperatorAreErrors() {
    assertThat(onlyError(HEAD + "    rule: {lab: {analyte: LDH, op: \">=\", value: 1, unit: U/L}}\n").message())
        .contains("unknown analyte 'LDH'");
    assertThat(onlyError(HEAD + "    rule: {lab: {analyte: HGB, op: \">=\", value: 9, unit: mg}}\n").message())
        .contains("unknown unit 'mg' for HGB");
    assertThat(onlyError(HEAD + "    rule: {lab: {analyte: HGB, op: \"=>\", value: 9, unit: g/dL}}\n").message())
        .contains("unknown operator '=>'");
    assertThat(onlyError(HEAD + "    rule: {lab: {analyte: AST, op: \"<=\"}}\n").message())
        .contains("needs 'value' and 'unit', or 'uln'");
  }

  @Test
  void unknownRuleOperatorIsAnError() {
    assertThat(onlyError(HEAD + "    rule: {between: {field: ecog}}\n").message()).startsWith("unknown rule 'between'");
  }

  @Test
  void emptyRangeIsAnError() {
    assertThat(onlyError(HEAD + "    rule: {age: {min: 70, max: 18}}\n").message()).startsWith("empty range");
  }

  @Test
  void duplicateCriterionIdIsAnError() {
    String yaml = HEAD + "    rule: {isTrue: consentSigned}\n"
        + "  - {id: C1, kind: exclusion, title: t, wording: w, rule: {isTrue: pregnant}}\n";
    assertThat(onlyError(yaml).message()).isEqualTo("duplicate id 'C1'");
  }

  @Test
  void missingRequiredFieldIsAnError() {
    ProtocolCheck c = check("id: T\ntargetSampleSize: 1\narms: []\ncriteria: []\n");
    assertThat(c.errors()).extracting(ProtocolException.Problem::message).contains("missing field 'title'");
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    ProtocolCheck c = check(HEAD + "    rule: {all: [{isTrue: nope}, {number: {field: ecog, min: x}}]}\n");
    assertThat(c.errors()).hasSize(2);
    ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> ProtocolLoader.parse(
        HEAD + "    rule: {all: [{isTrue: nope}, {number: {field: ecog, min: x}}]}\n" + NctRecord.YAML, "t.yaml"));
    assertThat(e.getMessage()).endsWith("(and 1 more)");
  }

  @Test
  void registryLiteralHaemoglobinIsFlaggedAsImplausible() {
    // the registry writes "HGB >= 9 g/L": 0.9 g/dL, far below any living adult's haemoglobin
    ProtocolCheck c = ProtocolLoader.check(Path.of("..", "examples", "protocols",
        "registry-literal-haemoglobin.yaml"));
    assertThat(c.valid()).isTrue();
    assertThat(c.warnings()).hasSize(1);
    ProtocolException.Problem w = c.warnings().get(0);
    assertThat(w.message()).contains("HGB 9 g/L = 0.9 g/dL").contains("outside the physiological range");
    assertThat(w.field()).isEqualTo("criteria[0].rule.all[3].lab.value");
    assertThat(w.line()).isEqualTo(21);
  }

  @Test
  void bundledProtocolHasNoWarnings() {
    ProtocolCheck c = ProtocolLoader.check(Path.of("..", "protocols", "nct03119519.yaml"));
    assertThat(c.errors()).isEmpty();
    assertThat(c.warnings()).isEmpty();
  }
}
