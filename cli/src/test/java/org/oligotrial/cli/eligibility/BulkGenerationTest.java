package org.oligotrial.cli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.fhir.BulkNdjsonWriter;

/**
 * The bulk NDJSON written on a thread pool, plain or gzip-compressed, is line for line what the one-thread writer
 * makes from the same bundles ({@link FhirGeneration#generate} into {@link BulkNdjsonWriter#write(
 * org.hl7.fhir.r4.model.Bundle)}, the path the mapping tests check): same files, same lines, same order.
 */
class BulkGenerationTest {
  static final long SEED = 11;
  static final int N = 300; // more than the window of one thread (256 patients), so that the pool's queue wraps

  @Test
  void threadedAndGzipOutputEqualsTheSequentialWriter(@TempDir Path dir) throws IOException {
    Path reference = dir.resolve("reference");
    long expected;
    try (BulkNdjsonWriter w = new BulkNdjsonWriter(reference)) {
      FhirGeneration.generate(SEED, N, (record, bundle) -> w.write(bundle));
      expected = w.resources();
    }
    assertThat(FhirGeneration.write(SEED, N, dir.resolve("one"), true, false, 1)).isEqualTo(expected);
    assertThat(FhirGeneration.write(SEED, N, dir.resolve("three"), true, false, 3)).isEqualTo(expected);
    assertThat(FhirGeneration.write(SEED, N, dir.resolve("gz"), true, true, 2)).isEqualTo(expected);

    List<String> types;
    try (var files = Files.list(reference)) {
      types = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(types).contains("Patient.ndjson", "Observation.ndjson", "Condition.ndjson");
    assertThat(Files.readString(reference.resolve("Patient.ndjson")).lines().count()).isEqualTo(N);
    for (String type : types) {
      String want = Files.readString(reference.resolve(type), StandardCharsets.UTF_8);
      assertThat(want).isNotEmpty();
      assertThat(Files.readString(dir.resolve("one").resolve(type), StandardCharsets.UTF_8)).as(type).isEqualTo(want);
      assertThat(Files.readString(dir.resolve("three").resolve(type), StandardCharsets.UTF_8)).as(type)
          .isEqualTo(want);
      try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("gz").resolve(type + ".gz")))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(type + ".gz").isEqualTo(want);
      }
    }
    // and each line is HAPI's own encoding of the resource with the shared context's default options (the writer
    // leaves out two encoder passes that change nothing here: BulkNdjsonWriter)
    IParser standard = FhirContext.forR4Cached().newJsonParser();
    List<String> lines = new ArrayList<>();
    FhirGeneration.generate(SEED, N, (record, bundle) -> bundle.getEntry().forEach(e ->
        lines.add(standard.encodeResourceToString(e.getResource()))));
    List<String> written = new ArrayList<>();
    for (String type : types) {
      written.addAll(Files.readAllLines(reference.resolve(type), StandardCharsets.UTF_8));
    }
    assertThat(written).hasSize(lines.size()).containsExactlyInAnyOrderElementsOf(lines);
    try (var files = Files.list(dir.resolve("gz"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(types.stream().map(t -> t + ".gz").toList());
    }
  }
}
