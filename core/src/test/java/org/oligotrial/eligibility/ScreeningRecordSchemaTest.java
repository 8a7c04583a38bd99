package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented JSON Schema (docs/schema) accepts every example record and rejects what the parser rejects. */
class ScreeningRecordSchemaTest {
  private static final Schema SCHEMA = load();

  private static Schema load() {
    try {
      String text = Files.readString(Path.of("..", "docs", "schema", "screening-record.schema.json"));
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<com.networknt.schema.Error> validate(String json) {
    return SCHEMA.validate(Candidates.JSON.readTree(json));
  }

  @Test
  void everyExampleRecordIsValid() throws IOException {
    for (String f : new String[] {"eligible.json", "ineligible.json", "incomplete.json"}) {
      assertThat(validate(Candidates.read(f))).as(f).isEmpty();
    }
  }

  @Test
  void everyReadableBatchLineIsValidAndTheBadOneIsNot() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "examples", "screening", "batch.ndjson"));
    ScreeningRecordParser parser = new ScreeningRecordParser();
    for (String line : lines) {
      boolean parses;
      try {
        parser.parse(line);
        parses = true;
      } catch (ScreeningRecordException e) {
        parses = false;
      }
      assertThat(validate(line).isEmpty()).as(line).isEqualTo(parses);
    }
  }

  @Test
  void schemaRejectsImpossibleValuesAndUnknownFields() {
    assertThat(validate("{\"ecog\": 7}")).isNotEmpty();
    // metastasis sites are coded; other needs its text; the intracranial answer agrees with the sites
    assertThat(validate("{\"metastases\": [{\"site\": \"cerebellum\", \"lesions\": 1}]}")).isNotEmpty();
    assertThat(validate("{\"metastases\": [{\"site\": \"other\", \"lesions\": 1}]}")).isNotEmpty();
    assertThat(validate("{\"metastases\": [{\"site\": \"other\", \"text\": \"cerebellum\", \"lesions\": 1}]}"))
        .isEmpty();
    assertThat(validate("{\"intracranialMetastasis\": false, \"metastases\": [{\"site\": \"brain\", \"lesions\": 1}]}"))
        .isNotEmpty();
    assertThat(validate("{\"intracranialMetastasis\": true, \"metastases\": [{\"site\": \"bone\", \"lesions\": 1}]}"))
        .isNotEmpty();
    assertThat(validate("{\"intracranialMetastasis\": true, \"metastases\": [{\"site\": \"brain\", \"lesions\": 1}]}"))
        .isEmpty();
    assertThat(validate("{\"sex\": \"F\"}")).isNotEmpty();
    assertThat(validate("{\"birthdate\": \"1960-01-01\"}")).isNotEmpty();
    assertThat(validate("{\"labs\": {\"PLT\": {\"value\": -1, \"unit\": \"G/L\"}}}")).isNotEmpty();
    assertThat(validate("{\"labs\": {\"LDH\": {\"value\": 1, \"unit\": \"U/L\"}}}")).isNotEmpty();
  }
}
