package org.oligotrial.cli.eligibility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.oligotrial.fhir.BulkNdjsonWriter;
import org.oligotrial.fhir.RecordToBundle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synthetic patients of {@link RecordGenerator} written as FHIR: each record drawn for the seed, then written
 * as an mCODE bundle by {@link RecordToBundle}, so that for one seed the NDJSON records and the bundles describe the
 * same patients, in the same order.
 */
public final class FhirGeneration {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FhirGeneration() {}

  /** The next {@code count} patients of {@code gen} as bundles, to {@code sink}. */
  public interface Sink {
    void accept(JsonNode record, Bundle bundle) throws IOException;
  }

  /** Draws {@code count} records from a generator seeded with {@code seed} and passes each with its bundle. */
  public static void generate(long seed, long count, Sink sink) throws IOException {
    RecordGenerator gen = new RecordGenerator(seed);
    RecordToBundle writer = new RecordToBundle();
    StringBuilder sb = new StringBuilder(2048);
    for (long i = 0; i < count; i++) {
      sb.setLength(0);
      JsonNode record = JSON.readTree(gen.next(sb).toString());
      sink.accept(record, writer.write(record));
    }
  }

  /** Writes the patients to {@code out}: one bundle file each, or bulk NDJSON. Returns the resources written. */
  static long write(long seed, long count, Path out, boolean bulk) throws IOException {
    QuietFhirLogs.apply();
    Files.createDirectories(out);
    if (bulk) {
      try (BulkNdjsonWriter w = new BulkNdjsonWriter(out)) {
        generate(seed, count, (record, bundle) -> w.write(bundle));
        return w.resources();
      }
    }
    long[] resources = {0};
    generate(seed, count, (record, bundle) -> {
      resources[0] += bundle.getEntry().size();
      Files.writeString(out.resolve(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart() + ".json"),
          RecordToBundle.toJson(bundle), StandardCharsets.UTF_8);
    });
    return resources[0];
  }
}
