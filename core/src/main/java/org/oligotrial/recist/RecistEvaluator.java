package org.oligotrial.recist;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates a participant's tumour assessments by RECIST 1.1 (Eisenhauer et al. 2009, Eur J Cancer 45:228-247,
 * doi:10.1016/j.ejca.2008.10.026).
 *
 * <p>Per assessment, with {@code S} the sum of diameters (non-nodal longest diameters plus nodal short axes, in mm),
 * {@code S0} the baseline sum and {@code N} the nadir (the smallest fully measured sum among the baseline and the
 * prior assessments):
 *
 * <ul>
 *   <li>target PD when {@code S - N >= 0.2 N} and {@code S - N >= 5 mm}; this is tested on the measured targets
 *       alone, so a partial sum that already shows PD gives PD (a partial sum is a lower bound of the true one);
 *   <li>otherwise NE when a target was not measured;
 *   <li>otherwise CR when every non-nodal target is 0 mm and every nodal target is below 10 mm short axis;
 *   <li>otherwise PR when {@code S <= 0.7 S0} (a decrease of at least 30%);
 *   <li>otherwise SD.
 * </ul>
 *
 * <p>Non-target response: PD when any lesion shows unequivocal progression; else NE when any was not evaluated;
 * else CR when all are absent; else non-CR/non-PD; NN without non-target lesions. The overall response combines
 * them with the new-lesion finding through {@link ResponseTables}. A lesion that reappears right after an overall
 * complete response makes the overall response PD whatever the sums say (a non-nodal target measured above 0 mm, a
 * nodal target back to 10 mm or more, a non-target present again): the RECIST working group's answer to lesions
 * that disappear and reappear (EORTC RECIST FAQ, "Does a new lesion always result in PD?"); after any other response
 * a reappearing lesion only counts through the sums. Best overall response and the date of first progression follow
 * {@link BestOverallResponse}.
 *
 * <p>All comparisons are exact decimal arithmetic, so a threshold holds at exactly its value (30.0% is PR, 29.9%
 * is not). Instances are immutable and thread-safe.
 */
public final class RecistEvaluator {
  /** Minimum interval from baseline for stable disease to count, in days: 6 weeks, from the protocol. */
  public static final int DEFAULT_MIN_SD_DAYS = 42;

  private static final BigDecimal FIVE_MM = new BigDecimal("5");
  private static final BigDecimal NODE_NORMAL_MM = BigDecimal.TEN;
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final int minSdDays;

  /** An evaluator with the protocol's 42-day minimum interval for stable disease. */
  public RecistEvaluator() {
    this(DEFAULT_MIN_SD_DAYS);
  }

  /**
   * @param minSdDays minimum interval from baseline, in days, for stable disease to count in the best response
   * @throws IllegalArgumentException if negative
   */
  public RecistEvaluator(int minSdDays) {
    if (minSdDays < 0) {
      throw new IllegalArgumentException("minSdDays must be 0 or more, was " + minSdDays);
    }
    this.minSdDays = minSdDays;
  }

  /**
   * Checks the data ({@link RecistRules}) and evaluates every assessment.
   *
   * @param baseline the baseline assessment
   * @param assessments follow-up assessments in date order (may be empty)
   * @return the evaluation
   * @throws InvalidRecistDataException if the data break a RECIST rule or the input contract (message names it)
   * @throws NullPointerException if an argument is null
   */
  public RecistEvaluation evaluate(Baseline baseline, List<Assessment> assessments) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(assessments, "assessments");
    RecistRules.checkBaseline(baseline);
    RecistRules.checkAssessments(baseline, assessments);

    boolean hasTargets = !baseline.targets().isEmpty();
    BigDecimal baselineSum = hasTargets
        ? baseline.targets().stream().map(TargetLesion::mm).reduce(BigDecimal.ZERO, BigDecimal::add)
        : null;
    BigDecimal nadir = baselineSum;
    List<AssessmentResult> results = new ArrayList<>();
    OverallResponse previous = null;
    for (Assessment a : assessments) {
      List<String> missing = new ArrayList<>();
      BigDecimal sum = null;
      TargetResponse target = null;
      // a lesion seen again that a complete response had counted as gone
      boolean reappeared = false;
      if (hasTargets) {
        sum = BigDecimal.ZERO;
        boolean allGone = true;
        for (TargetLesion t : baseline.targets()) {
          BigDecimal mm = a.targets().get(t.id());
          if (mm == null) {
            missing.add(t.id());
            continue;
          }
          sum = sum.add(mm);
          // CR: non-nodal lesions disappeared, nodes back below 10 mm short axis
          boolean gone = t.node() ? mm.compareTo(NODE_NORMAL_MM) < 0 : mm.signum() == 0;
          allGone &= gone;
          reappeared |= !gone;
        }
        target = targetResponse(sum, baselineSum, nadir, missing.isEmpty(), allGone);
      }
      for (NonTargetLesion n : baseline.nonTargets()) {
        reappeared |= a.nonTargets().get(n.id()) == NonTargetStatus.PRESENT;
      }
      NonTargetResponse nonTarget = nonTargetResponse(baseline, a);
      OverallResponse overall = hasTargets
          ? ResponseTables.withTargets(target, nonTarget, a.newLesions())
          : ResponseTables.nonTargetsOnly(nonTarget, a.newLesions());
      boolean afterCr = previous == OverallResponse.CR && reappeared && overall != OverallResponse.PD;
      if (afterCr) {
        overall = OverallResponse.PD;
      }
      results.add(new AssessmentResult(a.date(), sum, hasTargets ? percent(sum, baselineSum) : null, nadir,
          hasTargets && nadir.signum() > 0 ? percent(sum, nadir) : null, target, nonTarget, a.newLesions(), overall,
          missing, afterCr));
      previous = overall;
      // the nadir for later assessments: only fully measured sums qualify
      if (hasTargets && missing.isEmpty() && sum.compareTo(nadir) < 0) {
        nadir = sum;
      }
    }
    BestOverallResponse bor = BestOverallResponse.of(baseline.date(), results, minSdDays);
    return new RecistEvaluation(baselineSum, results, bor.response(), bor.progressionDate(), minSdDays);
  }

  /** Target response; see the class comment for the order of the tests. */
  static TargetResponse targetResponse(
      BigDecimal sum, BigDecimal baselineSum, BigDecimal nadir, boolean complete, boolean allGone) {
    BigDecimal increase = sum.subtract(nadir);
    // PD: increase >= 20% of the nadir, i.e. 5 (S - N) >= N, and >= 5 mm absolute
    boolean pd = increase.compareTo(FIVE_MM) >= 0 && increase.multiply(FIVE_MM).compareTo(nadir) >= 0;
    if (pd) {
      return TargetResponse.PD;
    }
    if (!complete) {
      return TargetResponse.NE;
    }
    if (allGone) {
      return TargetResponse.CR;
    }
    // PR: decrease >= 30% of the baseline sum, i.e. 10 S <= 7 S0
    if (sum.multiply(BigDecimal.TEN).compareTo(baselineSum.multiply(new BigDecimal("7"))) <= 0) {
      return TargetResponse.PR;
    }
    return TargetResponse.SD;
  }

  static NonTargetResponse nonTargetResponse(Baseline baseline, Assessment a) {
    if (baseline.nonTargets().isEmpty()) {
      return NonTargetResponse.NN;
    }
    boolean anyNotEvaluated = false;
    boolean allAbsent = true;
    for (NonTargetLesion n : baseline.nonTargets()) {
      NonTargetStatus s = a.nonTargets().getOrDefault(n.id(), NonTargetStatus.NOT_EVALUATED);
      if (s == NonTargetStatus.PROGRESSION) {
        return NonTargetResponse.PD;
      }
      anyNotEvaluated |= s == NonTargetStatus.NOT_EVALUATED;
      allAbsent &= s == NonTargetStatus.ABSENT;
    }
    if (anyNotEvaluated) {
      return NonTargetResponse.NE;
    }
    return allAbsent ? NonTargetResponse.CR : NonTargetResponse.NON_CR_NON_PD;
  }

  private static double percent(BigDecimal value, BigDecimal reference) {
    return value.subtract(reference).multiply(HUNDRED).divide(reference, MathContext.DECIMAL64).doubleValue();
  }
}
