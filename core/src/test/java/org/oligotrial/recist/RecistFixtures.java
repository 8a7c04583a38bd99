package org.oligotrial.recist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for hand-made RECIST histories; baseline on 2024-01-01, assessments by day offset. */
final class RecistFixtures {
  static final LocalDate BASELINE_DATE = LocalDate.of(2024, 1, 1);

  private RecistFixtures() {}

  static BigDecimal mm(String v) {
    return new BigDecimal(v);
  }

  static TargetLesion lesion(String id, String organ, String mm) {
    return new TargetLesion(id, organ, false, mm(mm));
  }

  static TargetLesion node(String id, String mm) {
    return new TargetLesion(id, "lymph node", true, mm(mm));
  }

  static Baseline baseline(TargetLesion... targets) {
    return new Baseline(BASELINE_DATE, List.of(targets), List.of());
  }

  static Baseline baseline(List<TargetLesion> targets, List<NonTargetLesion> nonTargets) {
    return new Baseline(BASELINE_DATE, targets, nonTargets);
  }

  /** Targets given as id, mm pairs ("T1", "20", "T2", null...). */
  static Map<String, BigDecimal> targets(String... idMm) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    for (int i = 0; i < idMm.length; i += 2) {
      m.put(idMm[i], idMm[i + 1] == null ? null : mm(idMm[i + 1]));
    }
    return m;
  }

  static Assessment at(int day, Map<String, BigDecimal> targets) {
    return at(day, targets, Map.of(), NewLesions.NO);
  }

  static Assessment at(int day, Map<String, BigDecimal> targets, Map<String, NonTargetStatus> nonTargets,
      NewLesions newLesions) {
    return new Assessment(BASELINE_DATE.plusDays(day), targets, nonTargets, newLesions);
  }

  static RecistEvaluation evaluate(Baseline b, Assessment... as) {
    return new RecistEvaluator().evaluate(b, List.of(as));
  }

  static AssessmentResult only(Baseline b, Assessment a) {
    return evaluate(b, a).assessments().get(0);
  }
}
