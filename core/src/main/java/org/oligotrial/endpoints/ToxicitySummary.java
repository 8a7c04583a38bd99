package org.oligotrial.endpoints;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Toxicity (CTCAE) summaries: the worst grade per participant per term, and per arm the number of participants by
 * worst grade. Each participant counts once per term, at the worst grade recorded (the usual safety-table
 * convention); participants without any event count in the arm's denominator. Terms are grouped ignoring case and
 * surrounding spaces and shown as first spelled. Stateless and thread-safe.
 */
public final class ToxicitySummary {
  private ToxicitySummary() {}

  /**
   * Number of participants of one arm with a term, by worst grade.
   *
   * @param arm the arm code
   * @param term the CTCAE term
   * @param participantsInArm the denominator: every participant of the arm
   * @param byWorstGrade element {@code g - 1} is the number of participants whose worst grade for the term is
   *     {@code g}, for g = 1..5
   */
  public record ArmTerm(String arm, String term, int participantsInArm, List<Integer> byWorstGrade) {
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

  /** The worst grade of each term, terms in alphabetical order. @throws NullPointerException for null events */
  public static Map<String, Integer> worstGrades(List<AdverseEvent> events) {
    Map<String, String> spelling = new LinkedHashMap<>();
    Map<String, Integer> worst = new TreeMap<>();
    for (AdverseEvent e : events) {
      String key = e.term().trim().toLowerCase(Locale.ROOT);
      spelling.putIfAbsent(key, e.term().trim());
      worst.merge(key, e.grade(), Math::max);
    }
    Map<String, Integer> out = new TreeMap<>();
    worst.forEach((k, g) -> out.put(spelling.get(k), g));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Aggregates derived endpoints by arm and term, arms and terms in alphabetical order.
   *
   * @param participants endpoints of every participant
   */
  public static List<ArmTerm> byArm(List<ParticipantEndpoints> participants) {
    Map<String, Integer> armSize = new TreeMap<>();
    Map<String, Map<String, int[]>> counts = new TreeMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (ParticipantEndpoints p : participants) {
      String arm = p.history().arm();
      armSize.merge(arm, 1, Integer::sum);
      Map<String, int[]> perTerm = counts.computeIfAbsent(arm, a -> new TreeMap<>());
      p.worstGrades().forEach((term, grade) -> {
        String key = term.toLowerCase(Locale.ROOT);
        spelling.putIfAbsent(key, term);
        perTerm.computeIfAbsent(key, k -> new int[5])[grade - 1]++;
      });
    }
    List<ArmTerm> out = new ArrayList<>();
    counts.forEach((arm, perTerm) -> perTerm.forEach((key, c) -> {
      List<Integer> grades = new ArrayList<>();
      for (int g : c) {
        grades.add(g);
      }
      out.add(new ArmTerm(arm, spelling.get(key), armSize.get(arm), grades));
    }));
    return out;
  }
}
