package org.oligotrial.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes bundles' resources as FHIR Bulk Data NDJSON, as a bulk export delivers them: one file per resource type
 * ({@code Patient.ndjson}, {@code Observation.ndjson}, ...), one resource per line. Not thread-safe.
 */
public final class BulkNdjsonWriter implements Closeable {
  private final Path dir;
  private final IParser parser = FhirContext.forR4Cached().newJsonParser();
  private final Map<String, BufferedWriter> files = new TreeMap<>();
  private long resources;

  /** @param dir the output directory (created if missing; existing files of the same names are replaced) */
  public BulkNdjsonWriter(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /** Appends each resource of the bundle to its type's file. */
  public void write(Bundle bundle) throws IOException {
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      Resource r = e.getResource();
      BufferedWriter w = files.get(r.fhirType());
      if (w == null) {
        w = Files.newBufferedWriter(dir.resolve(r.fhirType() + ".ndjson"), StandardCharsets.UTF_8);
        files.put(r.fhirType(), w);
      }
      w.write(parser.encodeResourceToString(r));
      w.write('\n');
      resources++;
    }
  }

  /** Resources written so far. */
  public long resources() {
    return resources;
  }

  @Override
  public void close() throws IOException {
    for (BufferedWriter w : files.values()) {
      w.close();
    }
  }
}
