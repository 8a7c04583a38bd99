package org.oligotrial.cli.eligibility;

import java.util.Arrays;
import java.util.List;
import org.oligotrial.eligibility.CriterionResult;
import org.oligotrial.eligibility.CriterionStatus;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;

/** A run of consecutive NDJSON lines (their bytes copied), screened together into CSV rows and tallies. */
final class BatchChunk {

  /** Counts for the CONSORT report. Not thread-safe; each chunk has its own, merged in order. */
  static final class Tally {
    long assessed;
    long eligible;
    long ineligible;
    long incomplete;
    long errors;
    final long[] failedBy;

    Tally(int criteria) {
      failedBy = new long[criteria];
    }

    void add(Tally o) {
      assessed += o.assessed;
      eligible += o.eligible;
      ineligible += o.ineligible;
      incomplete += o.incomplete;
      errors += o.errors;
      for (int i = 0; i < failedBy.length; i++) {
        failedBy[i] += o.failedBy[i];
      }
    }
  }

  /** The CSV rows and the tallies of one chunk. */
  record Result(CharSequence csv, Tally tally) {}

  private final long firstLine;
  private byte[] bytes = new byte[1 << 16];
  private int used;
  private int[] offsets = new int[64];
  private int[] lengths = new int[64];
  private int size;

  BatchChunk(long firstLine) {
    this.firstLine = firstLine;
  }

  int size() {
    return size;
  }

  /** Copies the current line (blank lines too, so that line numbers stay right). */
  void add(NdjsonLines line) {
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
    }
    int n = line.length();
    if (used + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + n));
    }
    System.arraycopy(line.buffer(), line.offset(), bytes, used, n);
    offsets[size] = used;
    lengths[size] = line.blank() ? -1 : n;
    used += n;
    size++;
  }

  Result process(EligibilityEngine engine, ScreeningRecordParser parser) {
    Tally t = new Tally(engine.protocol().criteria().size());
    StringBuilder row = new StringBuilder(size * 64);
    StringBuilder failed = new StringBuilder();
    for (int k = 0; k < size; k++) {
      if (lengths[k] < 0) {
        continue;
      }
      long lineNo = firstLine + k;
      t.assessed++;
      row.append(lineNo).append(',');
      try {
        EligibilityResult r = engine.evaluate(parser.parse(bytes, offsets[k], lengths[k]));
        switch (r.verdict()) {
          case ELIGIBLE -> t.eligible++;
          case INELIGIBLE -> t.ineligible++;
          default -> t.incomplete++;
        }
        List<CriterionResult> cs = r.criteria();
        failed.setLength(0);
        for (int i = 0; i < cs.size(); i++) {
          if (cs.get(i).status() == CriterionStatus.FAIL) {
            t.failedBy[i]++;
            failed.append(failed.length() == 0 ? "" : " ").append(cs.get(i).id());
          }
        }
        csvField(row, r.id()).append(',').append(r.verdict()).append(',').append(failed).append(',');
        csvField(row, String.join(" ", r.missing())).append(",\n");
      } catch (ScreeningRecordException e) {
        t.errors++;
        row.append(",ERROR,,,");
        csvField(row, "line " + lineNo + (e.field().isEmpty() ? "" : ", field " + e.field()) + ": " + e.problem())
            .append('\n');
      }
    }
    return new Result(row, t);
  }

  /** Minimal CSV quoting (RFC 4180). */
  static StringBuilder csvField(StringBuilder sb, String s) {
    if (s == null) {
      return sb;
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return sb.append(s);
    }
    return sb.append('"').append(s.replace("\"", "\"\"")).append('"');
  }
}
