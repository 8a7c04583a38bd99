package org.oligotrial.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.ProtocolLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example screening records of examples/screening written as mCODE bundles are valid base R4 (HAPI's validator),
 * and mapped back they give the same verdict and the same failed and missing criteria as the JSON record.
 */
class RecordBundleRoundTripTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final EligibilityEngine ENGINE = new EligibilityEngine(ProtocolLoader.bundled());

  static JsonNode example(String name) throws Exception {
    return JSON.readTree(Files.readString(Path.of("..", "examples", "screening", name)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eligible.json", "ineligible.json", "incomplete.json"})
  void exampleRecordWrittenAsBundleIsValidR4(String name) throws Exception {
    Bundle b = new RecordToBundle().write(example(name));
    assertThat(R4Validation.errors(b)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eligible.json", "ineligible.json", "incomplete.json"})
  void bundleMapsBackToTheSameVerdict(String name) throws Exception {
    JsonNode record = example(name);
    String bundleJson = RecordToBundle.toJson(new RecordToBundle().write(record));
    MappedRecord mapped = new BundleToRecord().map(BundleToRecord.parseBundle(bundleJson), LocalDate.of(2000, 1, 1));
    EligibilityResult viaJson = ENGINE.evaluate(new ScreeningRecordParser().parse(record.toString()));
    EligibilityResult viaFhir = ENGINE.evaluate(mapped.toScreeningRecord());
    assertThat(viaFhir.verdict()).isEqualTo(viaJson.verdict());
    assertThat(viaFhir.failed()).isEqualTo(viaJson.failed());
    assertThat(viaFhir.unknown()).isEqualTo(viaJson.unknown());
  }

  @Test
  void eligibleExampleMapsFieldByFieldWithProvenance() throws Exception {
    Bundle b = new RecordToBundle().write(example("eligible.json"));
    MappedRecord m = new BundleToRecord().map(BundleToRecord.parseBundle(RecordToBundle.toJson(b)),
        LocalDate.of(2000, 1, 1));
    JsonNode r = m.record();
    // values of examples/screening/eligible.json
    assertThat(r.get("screeningDate").asString()).isEqualTo("2025-03-10");
    assertThat(r.get("birthDate").asString()).isEqualTo("1962-07-21");
    assertThat(r.get("sex").asString()).isEqualTo("female");
    assertThat(r.at("/diagnosis/histology").asString()).isEqualTo("adenocarcinoma");
    assertThat(r.at("/staging/m").asString()).isEqualTo("M1b");
    assertThat(r.at("/metastases/0/site").asString()).isEqualTo("bone");
    assertThat(r.at("/metastases/0/lesions").asInt()).isEqualTo(2);
    assertThat(r.get("intracranialMetastasis").asBoolean()).isTrue();
    assertThat(r.at("/labs/HGB/value").decimalValue()).isEqualByComparingTo("118");
    assertThat(r.at("/labs/HGB/unit").asString()).isEqualTo("g/L");
    assertThat(r.at("/labs/TBIL/uln").decimalValue()).isEqualByComparingTo("21");
    assertThat(r.at("/priorTreatments/0/type").asString()).isEqualTo("biopsy");
    assertThat(r.get("allergies").isEmpty()).isTrue();
    assertThat(r.get("egfr").asString()).isEqualTo("mutant");
    assertThat(m.provenance().get("ecog").toString())
        .isEqualTo("Observation/SCR-0001-ecog value (http://loinc.org|89247-1)");
    assertThat(m.provenance().get("labs.HGB").toString())
        .isEqualTo("Observation/SCR-0001-lab-HGB valueQuantity (http://loinc.org|718-7)");
    assertThat(m.provenance().get("diagnosis.histology").code()).isEqualTo("http://snomed.info/sct|35917007");
    assertThat(m.provenance().get("screeningDate").toString()).isEqualTo("Bundle/bundle-SCR-0001 timestamp");
  }
}
