package org.oligotrial.endpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oligotrial.randomization.StratificationFactor;

/**
 * Writes the analysis dataset as CSV for {@code oligotrial analyze} (and R's {@code read.csv}): a header line, one
 * line per participant, {@code \n} line ends, UTF-8 by the caller's writer. Columns:
 *
 * <pre>
 * participant_id, arm, FACTOR..., pfs_time, pfs_event, pfs_months, pfs_source, os_time, os_event, os_months, tpfs_time, tpfs_event, tpfs_months,
 * lc_time, lc_event, lc_months, ofc_time, ofc_event, ofc_months, cycle_compliance, fraction_compliance, worst_grade
 * </pre>
 *
 * {@code FACTOR...} is one column per stratification factor of the protocol, named by the factor's id and in protocol
 * order (for NCT03119519 {@code histology, first_line, brain_metastasis, metastases, thoracic_stage}; for a trial
 * with one factor, one column); {@code arm} holds the protocol's arm ids. {@code *_time} are days from
 * randomization, {@code *_event} 1 = event and 0 = censored, {@code *_months} = days / 30.4375 with 4 decimals;
 * compliance proportions with 4 decimals. {@code pfs_source} is what decided PFS: {@code RECIST}, {@code CLINICAL},
 * {@code DEATH} or {@code CENSORED} ({@link EventSource}). {@code ofc} is oligometastatic-foci control. Missing values
 * (local control without a primary-tumour lesion, foci control without a baseline focus, compliance with nothing
 * planned, an unrecorded stratum) are {@code NA}. Text containing a comma, quote or line break is quoted.
 * Stateless and thread-safe.
 */
public final class AnalysisCsv {
  private AnalysisCsv() {}

  /** The header columns in order, for the given stratification factors. */
  public static List<String> columns(List<StratificationFactor> factors) {
    return columnsFor(StrataColumns.names(factors));
  }

  /** The header columns in order, for the given factor ids (the strata columns). */
  public static List<String> columnsFor(List<String> factorIds) {
    List<String> c = new ArrayList<>(List.of("participant_id", "arm"));
    c.addAll(factorIds);
    for (String e : List.of("pfs", "os", "tpfs", "lc", "ofc")) {
      c.addAll(List.of(e + "_time", e + "_event", e + "_months"));
      if (e.equals("pfs")) {
        c.add("pfs_source");
      }
    }
    c.addAll(List.of("cycle_compliance", "fraction_compliance", "worst_grade"));
    return c;
  }

  /**
   * Writes the header and the rows.
   *
   * @throws UncheckedIOException if the writer fails
   * @throws IllegalArgumentException if a row has not one level per factor
   */
  public static void write(List<StratificationFactor> factors, List<AnalysisRow> rows, Writer out) {
    try {
      out.write(String.join(",", columns(factors)) + "\n");
      for (AnalysisRow r : rows) {
        if (r.strataLevels().size() != factors.size()) {
          throw new IllegalArgumentException("row of " + r.participantId() + " has " + r.strataLevels().size()
              + " strata levels for " + factors.size() + " factors");
        }
        List<String> f = new ArrayList<>();
        f.add(text(r.participantId()));
        f.add(text(r.arm()));
        r.strataLevels().forEach(l -> f.add(text(l)));
        time(f, r.pfs());
        f.add(r.pfs().source().name());
        time(f, r.os());
        time(f, r.thoracicPfs());
        time(f, r.localControl());
        time(f, r.oligometastaticControl());
        f.add(decimal(r.compliance().cycleProportion()));
        f.add(decimal(r.compliance().fractionProportion()));
        f.add(Integer.toString(r.worstGradeAny()));
        out.write(String.join(",", f) + "\n");
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSV as a string. */
  public static String toCsv(List<StratificationFactor> factors, List<AnalysisRow> rows) {
    java.io.StringWriter w = new java.io.StringWriter();
    write(factors, rows, w);
    return w.toString();
  }

  private static void time(List<String> f, TimeToEvent t) {
    if (t == null) {
      f.addAll(List.of("NA", "NA", "NA"));
    } else {
      f.add(Long.toString(t.days()));
      f.add(Integer.toString(t.eventFlag()));
      f.add(String.format(Locale.ROOT, "%.4f", t.months()));
    }
  }

  private static String decimal(Double v) {
    return v == null ? "NA" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String text(String s) {
    if (s == null) {
      return "NA";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
