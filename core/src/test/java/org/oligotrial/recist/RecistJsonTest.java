package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The JSON input format: schema and reader agree on the examples, and the reader names the field of each error. */
class RecistJsonTest {

  private static final Path ROOT = Path.of("..");
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve("examples/recist"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  private static Schema schema() throws IOException {
    String text = Files.readString(ROOT.resolve("docs/schema/recist-input.schema.json"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(MAPPER.readTree(text));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleFollowsTheSchemaAndIsRead(Path example) throws IOException {
    String text = Files.readString(example);
    JsonNode node = MAPPER.readTree(text);
    assertThat(schema().validate(node)).as(example.toString()).isEmpty();
    if (TumourJson.isStructured(node)) {
      TumourAssessments input = TumourJson.read(text);
      assertThat(new TumourEvaluator().evaluate(input).recist().assessments()).hasSize(input.followUps().size());
      return;
    }
    RecistInput input = RecistJson.read(text);
    assertThat(new RecistEvaluator().evaluate(input.baseline(), input.assessments()).assessments())
        .hasSize(input.assessments().size());
  }

  @Test
  void schemaRejectsWhatTheReaderRejects() throws IOException {
    Schema schema = schema();
    for (String bad : List.of(
        "{\"baseline\": {\"date\": \"2024-01-01\", \"targets\": [{\"id\": \"N1\", \"organ\": \"node\", \"node\": true, \"mm\": 14}]}}",
        "{\"baseline\": {\"date\": \"2024-01-01\", \"targets\": [{\"id\": \"T1\", \"organ\": \"lung\", \"mm\": 9}]}}",
        "{\"baseline\": {\"date\": \"2024-01-01\"}, \"assessments\": [{\"date\": \"2024-02-01\", \"newLesions\": \"maybe\"}]}",
        "{\"baseline\": {\"date\": \"2024-01-01\"}, \"extra\": 1}",
        // structured form: unknown site, "other" without its text, a target without method, a sixth target,
        // a legacy newLesions word in a structured assessment
        "{\"baseline\": {\"date\": \"2024-01-01\", \"lesions\": [{\"type\": \"target\", \"site\": \"cerebellum\", \"mm\": 20, \"method\": \"MRI\"}]}}",
        "{\"baseline\": {\"date\": \"2024-01-01\", \"lesions\": [{\"type\": \"non-target\", \"site\": \"other\"}]}}",
        "{\"baseline\": {\"date\": \"2024-01-01\", \"lesions\": [{\"type\": \"target\", \"site\": \"liver\", \"mm\": 20}]}}",
        "{\"baseline\": {\"date\": \"2024-01-01\", \"lesions\": ["
            + "{\"type\": \"target\", \"site\": \"liver\", \"mm\": 20, \"method\": \"CT\"},".repeat(5)
            + "{\"type\": \"target\", \"site\": \"bone\", \"mm\": 20, \"method\": \"CT\"}]}}",
        "{\"baseline\": {\"date\": \"2024-01-01\", \"lesions\": [{\"type\": \"non-target\", \"site\": \"bone\"}]}, "
            + "\"assessments\": [{\"date\": \"2024-02-01\", \"newLesions\": \"no\"}]}")) {
      assertThat(schema.validate(MAPPER.readTree(bad))).as(bad).isNotEmpty();
    }
  }

  @Test
  void readsExactDecimalsNullMeasuresAndBooleanNewLesions() {
    RecistInput in = RecistJson.read("""
        {"baseline": {"date": "2024-01-01", "targets": [{"id": "N1", "organ": "mediastinum", "node": true, "mm": 15.0}]},
         "assessments": [{"date": "2024-02-12", "targets": {"N1": null}, "newLesions": false},
                         {"date": "2024-03-25", "targets": {"N1": 9.9}, "newLesions": "equivocal"}]}
        """);
    assertThat(in.baseline().targets().get(0).node()).isTrue();
    assertThat(in.assessments().get(0).targets()).containsEntry("N1", null);
    assertThat(in.assessments().get(0).newLesions()).isEqualTo(NewLesions.NO);
    assertThat(in.assessments().get(1).targets().get("N1")).isEqualByComparingTo("9.9");
    assertThat(in.assessments().get(1).date()).isEqualTo(LocalDate.of(2024, 3, 25));
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> RecistJson.read("{\"baseline\": {\"date\": \"2024-01-01\", \"targets\": [{\"id\": \"T1\"}]}}"))
        .isInstanceOf(InvalidRecistDataException.class).hasMessageStartingWith("baseline.targets[0].organ");
    assertThatThrownBy(() -> RecistJson.read("{\"baseline\": {\"date\": \"01/02/2024\"}}"))
        .hasMessageStartingWith("baseline.date").hasMessageContaining("ISO");
    assertThatThrownBy(() -> RecistJson.read("{\"baseline\": {\"date\": \"2024-01-01\", \"target\": []}}"))
        .hasMessageStartingWith("baseline.target: unknown field");
    assertThatThrownBy(() -> RecistJson.read("""
        {"baseline": {"date": "2024-01-01"}, "assessments": [{"date": "2024-02-01", "nonTargets": {"NT1": "gone"},
         "newLesions": "no"}]}"""))
        .hasMessageStartingWith("assessments[0].nonTargets.NT1");
    assertThatThrownBy(() -> RecistJson.read("""
        {"baseline": {"date": "2024-01-01"}, "assessments": [{"date": "2024-02-01", "targets": {"T1": 5, "T1": 6},
         "newLesions": "no"}]}"""))
        .hasMessageContaining("T1");
  }

  @Test
  void absurdNumbersAreRejectedWithoutExpandingThem() {
    for (String mm : List.of("1e999999999", "-1e999999999", "1001")) {
      assertThatThrownBy(() -> RecistJson.read(
          "{\"baseline\": {\"date\": \"2024-01-01\", \"targets\": [{\"id\": \"T1\", \"organ\": \"lung\", \"mm\": "
              + mm + "}]}}"))
          .as(mm).isInstanceOf(InvalidRecistDataException.class).hasMessageStartingWith("baseline.targets[0].mm");
    }
  }

  @Test
  void measuresAreRoundedToAMicrometre() {
    // 12.300000000000001 is binary floating-point noise for 12.3; 1e-999999999 is 0 at 0.001 mm
    RecistInput in = RecistJson.read("""
        {"baseline": {"date": "2024-01-01", "targets": [{"id": "T1", "organ": "lung", "mm": 12.300000000000001}]},
         "assessments": [{"date": "2024-02-12", "targets": {"T1": 1e-999999999}, "newLesions": "no"}]}
        """);
    assertThat(in.baseline().targets().get(0).mm()).isEqualByComparingTo("12.3");
    assertThat(in.assessments().get(0).targets().get("T1")).isEqualByComparingTo("0");
  }

  @Test
  void writesFullPrecisionAndNullProgressionDate() {
    RecistInput in = RecistJson.read("""
        {"baseline": {"date": "2024-01-01", "targets": [{"id": "T1", "organ": "lung", "mm": 30}]},
         "assessments": [{"date": "2024-02-12", "targets": {"T1": 20}, "newLesions": "no"}]}
        """);
    String json = RecistJson.write(new RecistEvaluator().evaluate(in.baseline(), in.assessments()));
    // 20 / 30 - 1 = -33.333...%
    assertThat(json).contains("\"changeFromBaselinePct\" : -33.33333333333333").contains("\"progressionDate\" : null")
        .contains("\"bestOverallResponse\" : \"PR\"");
  }
}
