package org.oligotrial.cli.eligibility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * Writes the patients to {@code out}: one bundle file each, or bulk NDJSON (gzip-compressed if {@code gzip}).
   * Returns the resources written. Bulk NDJSON is written by {@code threads} threads: the records are drawn in order
   * on this thread, each is made into a bundle and encoded (most of the time, in HAPI's JSON encoder) on a pool, and
   * the lines are written in the records' order, so that the files are the same for any number of threads.
   */
  static long write(long seed, long count, Path out, boolean bulk, boolean gzip, int threads) throws IOException {
    QuietFhirLogs.apply();
    Files.createDirectories(out);
    if (bulk) {
      return writeBulk(seed, count, out, gzip, Math.max(1, threads));
    }
    long[] resources = {0};
    generate(seed, count, (record, bundle) -> {
      resources[0] += bundle.getEntry().size();
      Files.writeString(out.resolve(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart() + ".json"),
          RecordToBundle.toJson(bundle), StandardCharsets.UTF_8);
    });
    return resources[0];
  }

  private static long writeBulk(long seed, long count, Path out, boolean gzip, int threads) throws IOException {
    RecordGenerator gen = new RecordGenerator(seed);
    RecordToBundle writer = new RecordToBundle();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fhir-encode");
      t.setDaemon(true);
      return t;
    });
    // at most this many patients in flight: bounds the memory whatever the population
    int window = 256 * threads;
    ArrayDeque<Future<List<String[]>>> pending = new ArrayDeque<>(window);
    StringBuilder sb = new StringBuilder(2048);
    try (BulkNdjsonWriter w = new BulkNdjsonWriter(out, gzip)) {
      for (long i = 0; i < count; i++) {
        sb.setLength(0);
        String json = gen.next(sb).toString();
        pending.add(pool.submit(() -> BulkNdjsonWriter.lines(writer.write(JSON.readTree(json)))));
        if (pending.size() >= window) {
          w.write(take(pending.poll()));
        }
      }
      while (!pending.isEmpty()) {
        w.write(take(pending.poll()));
      }
      return w.resources();
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String[]> take(Future<List<String[]>> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }
}
