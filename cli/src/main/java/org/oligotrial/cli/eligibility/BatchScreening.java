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
import java.util.List;
import org.oligotrial.cli.UserInputException;
import org.oligotrial.eligibility.CriterionResult;
import org.oligotrial.eligibility.CriterionStatus;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.Criterion;

/**
 * Streams an NDJSON file through the engine, one line at a time (memory stays flat whatever the file size), writing
 * one CSV row per record and then the CONSORT tallies. A bad record becomes an error row with its line number.
 */
final class BatchScreening {
  private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

  private final EligibilityEngine engine;
  private final PrintWriter err;
  private final ScreeningRecordParser parser = new ScreeningRecordParser();

  BatchScreening(EligibilityEngine engine, PrintWriter err) {
    this.engine = engine;
    this.err = err;
  }

  void run(Path in, Path out, PrintWriter stdout) throws IOException {
    List<Criterion> criteria = engine.protocol().criteria();
    long[] failedBy = new long[criteria.size()];
    long assessed = 0;
    long eligible = 0;
    long ineligible = 0;
    long incomplete = 0;
    long errors = 0;
    boolean progress = System.console() != null;
    long start = System.nanoTime();
    long lastProgress = start;
    InputStream input;
    try {
      input = Files.newInputStream(in);
    } catch (NoSuchFileException e) {
      throw new UserInputException("no such file: " + in, e);
    }
    Writer csvTarget = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
        : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    try (input; BufferedWriter csv = new BufferedWriter(csvTarget, 1 << 16)) {
      csv.write("line,id,verdict,failed,missing,error\n");
      NdjsonLines lines = new NdjsonLines(input);
      long lineNo = 0;
      StringBuilder row = new StringBuilder(256);
      while (lines.next()) {
        lineNo++;
        if (lines.blank()) {
          continue;
        }
        assessed++;
        row.setLength(0);
        row.append(lineNo).append(',');
        try {
          EligibilityResult r = engine.evaluate(parser.parse(lines.buffer(), lines.offset(), lines.length()));
          switch (r.verdict()) {
            case ELIGIBLE -> eligible++;
            case INELIGIBLE -> ineligible++;
            default -> incomplete++;
          }
          List<CriterionResult> cs = r.criteria();
          StringBuilder failed = new StringBuilder();
          for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).status() == CriterionStatus.FAIL) {
              failedBy[i]++;
              failed.append(failed.length() == 0 ? "" : " ").append(cs.get(i).id());
            }
          }
          Csv.field(row, r.id()).append(',').append(r.verdict()).append(',');
          Csv.field(row, failed.toString()).append(',');
          Csv.field(row, String.join(" ", r.missing())).append(",\n");
        } catch (ScreeningRecordException e) {
          errors++;
          row.append(",ERROR,,,");
          Csv.field(row, "line " + lineNo + (e.field().isEmpty() ? "" : ", field " + e.field()) + ": "
              + e.problem()).append('\n');
        }
        csv.append(row);
        if (progress && (assessed & 1023) == 0) {
          long now = System.nanoTime();
          if (now - lastProgress > PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            err.printf("\rscreened %,d records (%,.0f/s)", assessed, assessed * 1e9 / (now - start));
            err.flush();
          }
        }
      }
    }
    if (progress) {
      err.print("\r\033[K");
      err.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter report = out == null ? err : stdout;
    report.printf("Screened %s against %s%n", in, engine.protocol().id());
    report.printf("  assessed for eligibility  %,d%n", assessed);
    report.printf("  eligible                  %,d%n", eligible);
    report.printf("  ineligible                %,d  (a record may fail several criteria)%n", ineligible);
    for (int i = 0; i < failedBy.length; i++) {
      if (failedBy[i] > 0) {
        Criterion c = criteria.get(i);
        report.printf("    %-4s %-50s %,d%n", c.id(), c.title(), failedBy[i]);
      }
    }
    report.printf("  incomplete (data missing) %,d%n", incomplete);
    report.printf("  errors (unreadable)       %,d%s%n", errors, errors > 0 ? "  (see the error rows" + (out == null
        ? ")" : " in " + out + ")") : "");
    report.printf("  time %.1f s (%,.0f records/s)%n", seconds, seconds > 0 ? assessed / seconds : 0.0);
    report.flush();
  }

  /** Minimal CSV quoting (RFC 4180). */
  static final class Csv {
    private Csv() {}

    static StringBuilder field(StringBuilder sb, String s) {
      if (s == null) {
        return sb;
      }
      if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
        return sb.append(s);
      }
      return sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
  }
}
