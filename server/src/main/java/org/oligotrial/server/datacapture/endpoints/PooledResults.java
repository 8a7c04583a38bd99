package org.oligotrial.server.datacapture.endpoints;

import java.util.ArrayList;
import java.util.List;
import org.oligotrial.endpoints.ComplianceSummary;
import org.oligotrial.endpoints.ToxicitySummary;

/**
 * Safety results pooled over the arms, for a reader who may not see them by arm
 * ({@link org.oligotrial.server.kernel.AccessPolicy#seesByArm}): the by-arm tables of the core summed into one group
 * {@link EndpointService#POOLED}. Each participant is in one arm, so the sums count each participant once. Stateless.
 */
final class PooledResults {
  private PooledResults() {}

  /**
   * The toxicity rows over every participant: per system organ class and term, the arms' counts added (each
   * participant is in one arm, so the sums count each participant once) over every participant as denominator; in
   * the table's order (SOC alphabetical, the uncoded last, then term).
   */
  static List<ToxicitySummary.ArmTerm> toxicity(List<ToxicitySummary.ArmTerm> byArm, int participants) {
    java.util.Map<List<String>, int[]> sums = new java.util.LinkedHashMap<>();
    for (ToxicitySummary.ArmTerm t : byArm) {
      int[] g = sums.computeIfAbsent(java.util.Arrays.asList(t.soc(), t.term()), k -> new int[5]);
      for (int i = 0; i < 5; i++) {
        g[i] += t.byWorstGrade().get(i);
      }
    }
    List<ToxicitySummary.ArmTerm> out = new ArrayList<>();
    sums.forEach((k, g) -> out.add(new ToxicitySummary.ArmTerm(EndpointService.POOLED, k.get(0), k.get(1),
        participants, java.util.Arrays.stream(g).boxed().toList())));
    out.sort(java.util.Comparator.comparing((ToxicitySummary.ArmTerm t) ->
            org.oligotrial.ctcae.CodedTerm.UNCODED_SOC.equals(t.soc()))
        .thenComparing(ToxicitySummary.ArmTerm::soc, java.util.Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
        .thenComparing(ToxicitySummary.ArmTerm::term, java.util.Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER)));
    return out;
  }

  /** Compliance over every participant: the arms' counts added, the proportions of the sums. */
  static List<ComplianceSummary.ArmCompliance> compliance(List<ComplianceSummary.ArmCompliance> byArm) {
    if (byArm.isEmpty()) {
      return List.of();
    }
    int n = 0, fullC = 0, fullF = 0;
    long pc = 0, dc = 0, pf = 0, df = 0;
    for (ComplianceSummary.ArmCompliance c : byArm) {
      n += c.participants();
      pc += c.plannedCycles();
      dc += c.deliveredCycles();
      fullC += c.fullCycles();
      pf += c.plannedFractions();
      df += c.deliveredFractions();
      fullF += c.fullFractions();
    }
    return List.of(new ComplianceSummary.ArmCompliance(EndpointService.POOLED, n, pc, dc,
        pc == 0 ? null : (double) dc / pc, fullC, pf, df, pf == 0 ? null : (double) df / pf, fullF));
  }
}
