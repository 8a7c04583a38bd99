package org.oligotrial.endpoints;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oligotrial.ctcae.CodedTerm;

/**
 * Toxicity (CTCAE) summaries: the worst grade per participant per term, and per arm the number of participants by
 * worst grade, grouped by MedDRA system organ class (SOC) and then term, the layout of a safety table.
 *
 * <p>Counting: each participant counts once per term, at the worst grade recorded for it, and once per SOC, at the
 * worst grade of any term of that SOC (the usual safety-table convention, e.g. the CONSORT harms extension, Ioannidis
 * et al., Ann Intern Med 2004, doi:10.7326/0003-4819-141-10-200411160-00009); participants without any event count in
 * the arm's denominator. Terms are grouped ignoring case and surrounding spaces and shown as first spelled. SOCs and
 * terms come in alphabetical order, the uncoded entries ({@link CodedTerm#UNCODED_SOC}) last. Stateless and
 * thread-safe.
 */
public final class ToxicitySummary {
  private ToxicitySummary() {}

  /**
   * Number of participants of one arm with a term (or, in a SOC row, with any term of the SOC), by worst grade.
   *
   * @param arm the arm code
   * @param soc the system organ class
   * @param term the CTCAE term, or null in a SOC row (any term of the SOC)
   * @param participantsInArm the denominator: every participant of the arm
   * @param byWorstGrade element {@code g - 1} is the number of participants whose worst grade is {@code g}, g = 1..5
   */
  public record ArmTerm(String arm, String soc, String term, int participantsInArm, List<Integer> byWorstGrade) {
    public ArmTerm {
      byWorstGrade = List.copyOf(byWorstGrade);
    }

    /** Participants with the term at any grade. */
    public int anyGrade() {
      return byWorstGrade.stream().mapToInt(Integer::intValue).sum();
    }

    /** Participants whose worst grade for the term is 3 or more. */
    public int grade3OrWorse() {
      return byWorstGrade.get(2) + byWorstGrade.get(3) + byWorstGrade.get(4);
    }

    /** {@link #grade3OrWorse()} / participants in the arm; NaN for an empty arm. */
    public double grade3OrWorseProportion() {
      return participantsInArm == 0 ? Double.NaN : (double) grade3OrWorse() / participantsInArm;
    }
  }

  /**
   * One term's row of the table: the counts in each arm (every arm of the trial, in alphabetical order, zero rows
   * included).
   */
  public record TermRow(String term, List<ArmTerm> byArm) {
    public TermRow {
      byArm = List.copyOf(byArm);
    }
  }

  /** One SOC of the table: its own row (participants with any term of the SOC) and its terms' rows. */
  public record SocGroup(String soc, List<ArmTerm> anyTermByArm, List<TermRow> terms) {
    public SocGroup {
      anyTermByArm = List.copyOf(anyTermByArm);
      terms = List.copyOf(terms);
    }
  }

  /** The worst grade of each term, terms in alphabetical order. @throws NullPointerException for null events */
  public static Map<String, Integer> worstGrades(List<AdverseEvent> events) {
    Map<String, String> spelling = new LinkedHashMap<>();
    Map<String, Integer> worst = new TreeMap<>();
    for (AdverseEvent e : events) {
      String key = key(e.term());
      spelling.putIfAbsent(key, e.term().trim());
      worst.merge(key, e.grade(), Math::max);
    }
    Map<String, Integer> out = new TreeMap<>();
    worst.forEach((k, g) -> out.put(spelling.get(k), g));
    return Collections.unmodifiableMap(out);
  }

  /**
   * The safety table: SOC by SOC, a row for the SOC and a row per term, each with the counts by arm.
   *
   * @param participants endpoints of every participant (their histories' adverse events are read)
   */
  public static List<SocGroup> table(List<ParticipantEndpoints> participants) {
    Tally t = tally(participants);
    List<SocGroup> out = new ArrayList<>();
    for (String soc : t.socs()) {
      List<ArmTerm> socRow = new ArrayList<>();
      for (String arm : t.armSize.keySet()) {
        socRow.add(t.row(arm, soc, null));
      }
      List<TermRow> rows = new ArrayList<>();
      for (String termKey : t.terms.get(soc)) {
        List<ArmTerm> byArm = new ArrayList<>();
        for (String arm : t.armSize.keySet()) {
          byArm.add(t.row(arm, soc, termKey));
        }
        rows.add(new TermRow(t.spelling.get(termKey), byArm));
      }
      out.add(new SocGroup(soc, socRow, rows));
    }
    return out;
  }

  /**
   * The term rows as a flat list, arm by arm, then SOC and term in the table's order; only terms the arm has.
   *
   * @param participants endpoints of every participant
   */
  public static List<ArmTerm> byArm(List<ParticipantEndpoints> participants) {
    Tally t = tally(participants);
    List<ArmTerm> out = new ArrayList<>();
    for (String arm : t.armSize.keySet()) {
      for (String soc : t.socs()) {
        for (String termKey : t.terms.get(soc)) {
          ArmTerm r = t.row(arm, soc, termKey);
          if (r.anyGrade() > 0) {
            out.add(r);
          }
        }
      }
    }
    return out;
  }

  /** Counts by arm, SOC and term key ({@code null} term key: the SOC's own row). */
  private static final class Tally {
    final Map<String, Integer> armSize = new TreeMap<>();
    final Map<String, TreeSet<String>> terms = new HashMap<>();
    final Map<String, String> spelling = new HashMap<>();
    final Map<List<String>, int[]> counts = new HashMap<>();

    List<String> socs() {
      List<String> s = new ArrayList<>(terms.keySet());
      s.sort(Comparator.comparing((String x) -> x.equals(CodedTerm.UNCODED_SOC))
          .thenComparing(Comparator.naturalOrder()));
      return s;
    }

    ArmTerm row(String arm, String soc, String termKey) {
      int[] c = counts.getOrDefault(java.util.Arrays.asList(arm, soc, termKey), new int[5]);
      List<Integer> grades = new ArrayList<>();
      for (int g : c) {
        grades.add(g);
      }
      return new ArmTerm(arm, soc, termKey == null ? null : spelling.get(termKey), armSize.get(arm), grades);
    }
  }

  private static Tally tally(List<ParticipantEndpoints> participants) {
    Tally t = new Tally();
    for (ParticipantEndpoints p : participants) {
      String arm = p.history().arm();
      t.armSize.merge(arm, 1, Integer::sum);
      // worst grade of this participant per (SOC, term) and per SOC
      Map<List<String>, Integer> worst = new HashMap<>();
      for (AdverseEvent e : p.history().adverseEvents()) {
        String k = key(e.term());
        t.spelling.putIfAbsent(k, e.term().trim());
        t.terms.computeIfAbsent(e.soc(), s -> new TreeSet<>()).add(k);
        worst.merge(java.util.Arrays.asList(arm, e.soc(), k), e.grade(), Math::max);
        worst.merge(java.util.Arrays.asList(arm, e.soc(), null), e.grade(), Math::max);
      }
      worst.forEach((k, g) -> t.counts.computeIfAbsent(k, x -> new int[5])[g - 1]++);
    }
    return t;
  }

  private static String key(String term) {
    return term.trim().toLowerCase(Locale.ROOT);
  }
}
