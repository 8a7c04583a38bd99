package org.oligotrial.cli.eligibility;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.input.UserInputException;
import org.oligotrial.protocol.Criterion;

/**
 * Streams an NDJSON file through the engine: the reading thread cuts the input into chunks of lines, worker threads
 * parse and evaluate them, and the rows are written in input order. At most two chunks per worker are in flight, so
 * memory stays flat whatever the file size. A bad record becomes an error row with its line number.
 */
final class BatchScreening {
  private static final long PROGRESS_EVERY_NANOS = 500_000_000L;
  private static final int CHUNK_LINES = 2048;

  private final EligibilityEngine engine;
  /** Reads the records the protocol declares; thread-safe, shared by the workers. */
  private final ScreeningRecordParser parser;
  private final PrintWriter err;
  private final int threads;

  BatchScreening(EligibilityEngine engine, PrintWriter err, int threads) {
    this.engine = engine;
    this.parser = new ScreeningRecordParser(engine.protocol());
    this.err = err;
    this.threads = Math.max(1, threads);
  }

  void run(Path in, Path out, PrintWriter stdout) throws IOException {
    InputStream input;
    try {
      input = Files.newInputStream(in);
    } catch (NoSuchFileException e) {
      throw new UserInputException("no such file: " + in, e);
    }
    boolean progress = System.console() != null;
    long start = System.nanoTime();
    long lastProgress = start;
    BatchChunk.Tally total = new BatchChunk.Tally(engine.protocol().criteria().size());
    Writer csvTarget = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
        : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "screen-batch");
      t.setDaemon(true);
      return t;
    }) : null;
    try (input; BufferedWriter csv = new BufferedWriter(csvTarget, 1 << 16)) {
      csv.write("line,id,verdict,failed,missing,error\n");
      NdjsonLines lines = new NdjsonLines(input);
      ArrayDeque<Future<BatchChunk.Result>> inFlight = new ArrayDeque<>();
      long lineNo = 0;
      boolean more = true;
      while (more) {
        BatchChunk chunk = new BatchChunk(lineNo + 1);
        while (chunk.size() < CHUNK_LINES && (more = lines.next())) {
          lineNo++;
          chunk.add(lines);
        }
        if (chunk.size() == 0) {
          continue;
        }
        if (pool == null) {
          write(chunk.process(engine, parser), csv, total);
        } else {
          inFlight.add(pool.submit(() -> chunk.process(engine, parser)));
          if (inFlight.size() >= 2 * threads) {
            write(get(inFlight.poll()), csv, total);
          }
        }
        if (progress) {
          long now = System.nanoTime();
          if (now - lastProgress > PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            err.printf("\rscreened %,d records (%,.0f/s)", total.assessed, total.assessed * 1e9 / (now - start));
            err.flush();
          }
        }
      }
      while (!inFlight.isEmpty()) {
        write(get(inFlight.poll()), csv, total);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    if (progress) {
      err.print("\r\033[K");
      err.flush();
    }
    report(in, out, out == null ? err : stdout, total, (System.nanoTime() - start) / 1e9);
  }

  private static BatchChunk.Result get(Future<BatchChunk.Result> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private static void write(BatchChunk.Result r, Writer csv, BatchChunk.Tally total) throws IOException {
    csv.append(r.csv());
    total.add(r.tally());
  }

  private void report(Path in, Path out, PrintWriter report, BatchChunk.Tally t, double seconds) {
    List<Criterion> criteria = engine.protocol().criteria();
    report.printf("Screened %s against %s%n", in, engine.protocol().id());
    report.printf("  assessed for eligibility  %,d%n", t.assessed);
    report.printf("  eligible                  %,d%n", t.eligible);
    report.printf("  ineligible                %,d  (a record may fail several criteria)%n", t.ineligible);
    for (int i = 0; i < t.failedBy.length; i++) {
      if (t.failedBy[i] > 0) {
        Criterion c = criteria.get(i);
        report.printf("    %-4s %-52s %,d%n", c.id(), c.title(), t.failedBy[i]);
      }
    }
    report.printf("  incomplete (data missing) %,d%n", t.incomplete);
    report.printf("  errors (unreadable)       %,d%s%n", t.errors, t.errors > 0 ? "  (see the error rows" + (out == null
        ? ")" : " in " + out + ")") : "");
    report.printf("  time %.1f s (%,.0f records/s, %d thread%s)%n", seconds, seconds > 0 ? t.assessed / seconds : 0.0,
        threads, threads == 1 ? "" : "s");
    report.flush();
  }
}
