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
 * line per participant, {@code \n} line ends, UTF-8 by the caller's writer. The columns are the protocol's
 * ({@link #columns(org.oligotrial.protocol.Protocol, List)}):
 *
 * <pre>
 * participant_id, arm, FACTOR..., then per time-to-event endpoint PREFIX_time, PREFIX_event, PREFIX_months
 * [, PREFIX_source], then cycle_compliance, fraction_compliance, worst_grade
 * </pre>
 *
 * {@code FACTOR...} is one column per stratification factor of the protocol, named by the factor's id and in protocol
 * order (for NCT03119519 {@code histology, first_line, brain_metastasis, metastases, thoracic_stage}; for a trial
 * with one factor, one column); {@code arm} holds the protocol's arm ids. The endpoints are the protocol's endpoints
 * with an {@code event} block, in its order, each under its {@code column} prefix (NCT03119519: pfs, os, tpfs, lc,
 * ofc; SABR-COMET: os, pfs, lc). {@code *_time} are days from randomization, {@code *_event} 1 = event and 0 =
 * censored, {@code *_months} = days / 30.4375 with 4 decimals; compliance proportions with 4 decimals.
 * {@code *_source} (progression endpoints only) is what decided the time: {@code RECIST}, {@code CLINICAL},
 * {@code DEATH} or {@code CENSORED} ({@link EventSource}). Missing values (an endpoint not derived for the
 * participant, compliance with nothing planned, an unrecorded stratum) are {@code NA}. Text containing a comma, quote
 * or line break is quoted. The pooled dataset of a trial whose comparative results are not released
 * ({@link #writePooled}) has no {@code arm} and no compliance column. Stateless and thread-safe.
 */
public final class AnalysisCsv {
  private AnalysisCsv() {}

  /** {@link #columns(org.oligotrial.protocol.Protocol, List)} with the protocol's own stratification factors. */
  public static List<String> columns(org.oligotrial.protocol.Protocol protocol) {
    return columns(protocol, org.oligotrial.randomization.ProtocolRandomization.factors(protocol));
  }

  /**
   * The header columns of a protocol's dataset: {@code participant_id, arm}, the strata columns, then for every
   * time-to-event endpoint of the protocol, in protocol order, {@code <prefix>_time, <prefix>_event,
   * <prefix>_months} and, for a progression endpoint (one with {@code event.progression}), {@code <prefix>_source};
   * then {@code cycle_compliance, fraction_compliance, worst_grade}. The prefix is the endpoint's {@code column}.
   */
  public static List<String> columns(org.oligotrial.protocol.Protocol protocol, List<StratificationFactor> factors) {
    return columns(protocol, factors, true);
  }

  /**
   * The header columns of a protocol's pooled dataset ({@link #writePooled}): {@link #columns(
   * org.oligotrial.protocol.Protocol, List)} less {@code arm}, {@code cycle_compliance} and
   * {@code fraction_compliance}.
   */
  public static List<String> pooledColumns(org.oligotrial.protocol.Protocol protocol,
      List<StratificationFactor> factors) {
    return columns(protocol, factors, false);
  }

  private static List<String> columns(org.oligotrial.protocol.Protocol protocol, List<StratificationFactor> factors,
      boolean byArm) {
    List<String> c = new ArrayList<>(List.of("participant_id"));
    if (byArm) {
      c.add("arm");
    }
    c.addAll(StrataColumns.names(factors));
    for (org.oligotrial.protocol.Endpoint e : timeToEvent(protocol)) {
      String p = e.columnPrefix();
      c.addAll(List.of(p + "_time", p + "_event", p + "_months"));
      if (!e.event().deathOnly()) {
        c.add(p + "_source");
      }
    }
    if (byArm) {
      c.addAll(List.of("cycle_compliance", "fraction_compliance"));
    }
    c.add("worst_grade");
    return c;
  }

  /**
   * Writes a protocol's dataset ({@link #columns(org.oligotrial.protocol.Protocol, List)}); each row's values are
   * read by endpoint id ({@link AnalysisRow#endpoint}); {@code NA} when not derived.
   *
   * @throws UncheckedIOException if the writer fails
   * @throws IllegalArgumentException if a row has not one level per factor
   */
  public static void write(org.oligotrial.protocol.Protocol protocol, List<StratificationFactor> factors,
      List<AnalysisRow> rows, Writer out) {
    write(protocol, factors, rows, out, true);
  }

  /**
   * Writes a protocol's pooled dataset ({@link #pooledColumns}): as {@link #write(org.oligotrial.protocol.Protocol,
   * List, List, Writer)} without the arm and without the two compliance columns, which would name the arm (a
   * control arm without radiotherapy plans no fraction: its {@code fraction_compliance} is {@code NA}). The dataset
   * of a trial whose comparative results are not yet released.
   *
   * @throws UncheckedIOException if the writer fails
   * @throws IllegalArgumentException if a row has not one level per factor
   */
  public static void writePooled(org.oligotrial.protocol.Protocol protocol, List<StratificationFactor> factors,
      List<AnalysisRow> rows, Writer out) {
    write(protocol, factors, rows, out, false);
  }

  private static void write(org.oligotrial.protocol.Protocol protocol, List<StratificationFactor> factors,
      List<AnalysisRow> rows, Writer out, boolean byArm) {
    List<org.oligotrial.protocol.Endpoint> endpoints = timeToEvent(protocol);
    try {
      out.write(String.join(",", columns(protocol, factors, byArm)) + "\n");
      for (AnalysisRow r : rows) {
        if (r.strataLevels().size() != factors.size()) {
          throw new IllegalArgumentException("row of " + r.participantId() + " has " + r.strataLevels().size()
              + " strata levels for " + factors.size() + " factors");
        }
        List<String> f = new ArrayList<>();
        f.add(text(r.participantId()));
        if (byArm) {
          f.add(text(r.arm()));
        }
        r.strataLevels().forEach(l -> f.add(text(l)));
        for (org.oligotrial.protocol.Endpoint e : endpoints) {
          TimeToEvent t = r.endpoint(e.id());
          time(f, t);
          if (!e.event().deathOnly()) {
            f.add(t == null ? "NA" : t.source().name());
          }
        }
        if (byArm) {
          f.add(decimal(r.compliance().cycleProportion()));
          f.add(decimal(r.compliance().fractionProportion()));
        }
        f.add(Integer.toString(r.worstGradeAny()));
        out.write(String.join(",", f) + "\n");
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A protocol's dataset as a string. */
  public static String toCsv(org.oligotrial.protocol.Protocol protocol, List<StratificationFactor> factors,
      List<AnalysisRow> rows) {
    java.io.StringWriter w = new java.io.StringWriter();
    write(protocol, factors, rows, w);
    return w.toString();
  }

  /** A protocol's pooled dataset ({@link #writePooled}) as a string. */
  public static String toCsvPooled(org.oligotrial.protocol.Protocol protocol, List<StratificationFactor> factors,
      List<AnalysisRow> rows) {
    java.io.StringWriter w = new java.io.StringWriter();
    writePooled(protocol, factors, rows, w);
    return w.toString();
  }

  /** The protocol's time-to-event endpoints (those with an {@code event} block), in protocol order. */
  public static List<org.oligotrial.protocol.Endpoint> timeToEvent(org.oligotrial.protocol.Protocol protocol) {
    return protocol.endpoints().stream().filter(org.oligotrial.protocol.Endpoint::timeToEvent).toList();
  }

  /**
   * The column prefix of the protocol's primary endpoint when it is time-to-event (the default endpoint of
   * {@code analyze}); null otherwise.
   */
  public static String primaryPrefix(org.oligotrial.protocol.Protocol protocol) {
    return protocol.endpoints().stream().filter(e -> e.primary() && e.timeToEvent()).findFirst()
        .map(org.oligotrial.protocol.Endpoint::columnPrefix).orElse(null);
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
