package org.oligotrial.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes bundles' resources as FHIR Bulk Data NDJSON, as a bulk export delivers them: one file per resource type
 * ({@code Patient.ndjson}, {@code Observation.ndjson}, ...; with gzip {@code Patient.ndjson.gz}, ...), one resource
 * per line. The writer is not thread-safe; {@link #lines} (the encoding, the costly part) may be called from any
 * number of threads, each with its own parser, and their results written here in order.
 */
public final class BulkNdjsonWriter implements Closeable {
  /** One JSON parser per thread: the shared FhirContext is thread-safe, a parser is not. */
  private static final ThreadLocal<IParser> PARSER = ThreadLocal.withInitial(() -> Encoding.R4.newJsonParser());

  /**
   * The context the lines are encoded with: R4 with two encoder passes left out, each a walk of the whole resource
   * that changes nothing for resources as a bulk export holds them: moving reference targets without an id into
   * {@code contained} (such resources have ids), and stripping versions from references (a reference is written as
   * it is). The encoding is about a third cheaper (JFR and a CPU-time measure of 2,000 generated patients,
   * docs/benchmarks.md) and, for the generator's bundles, the same text byte for byte ({@code BulkGenerationTest}).
   * Made on first use: a context of its own (not the shared cached one, whose options other code relies on).
   */
  private static final class Encoding {
    static final FhirContext R4 = create();

    private static FhirContext create() {
      FhirContext ctx = FhirContext.forR4();
      ctx.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
      ctx.getParserOptions().setStripVersionsFromReferences(false);
      return ctx;
    }
  }

  private final Path dir;
  private final boolean gzip;
  private final Map<String, BufferedWriter> files = new TreeMap<>();
  private long resources;

  /** @param dir the output directory (created if missing; existing files of the same names are replaced) */
  public BulkNdjsonWriter(Path dir) throws IOException {
    this(dir, false);
  }

  /**
   * @param dir the output directory (created if missing; existing files of the same names are replaced)
   * @param gzip whether to write {@code <Type>.ndjson.gz} (gzip-compressed) instead of {@code <Type>.ndjson}
   */
  public BulkNdjsonWriter(Path dir, boolean gzip) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.gzip = gzip;
  }

  /** One line per resource of the bundle: {@code {type, compact JSON}}, in the bundle's order. Thread-safe. */
  public static List<String[]> lines(Bundle bundle) {
    IParser parser = PARSER.get();
    List<String[]> out = new ArrayList<>(bundle.getEntry().size());
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      Resource r = e.getResource();
      out.add(new String[] {r.fhirType(), parser.encodeResourceToString(r)});
    }
    return out;
  }

  /** Appends each resource of the bundle to its type's file. */
  public void write(Bundle bundle) throws IOException {
    write(lines(bundle));
  }

  /** Appends lines made by {@link #lines}, each to its type's file. */
  public void write(List<String[]> lines) throws IOException {
    for (String[] line : lines) {
      BufferedWriter w = files.get(line[0]);
      if (w == null) {
        Path file = dir.resolve(line[0] + (gzip ? ".ndjson.gz" : ".ndjson"));
        w = gzip
            ? new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)
            : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        files.put(line[0], w);
      }
      w.write(line[1]);
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
