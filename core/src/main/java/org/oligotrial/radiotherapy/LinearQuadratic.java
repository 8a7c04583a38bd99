package org.oligotrial.radiotherapy;

import java.util.Objects;

/**
 * The linear-quadratic model of fractionated radiotherapy (Fowler 1989, Br J Radiol 62:679-694,
 * doi:10.1259/0007-1285-62-740-679).
 *
 * <p>For {@code n} fractions of {@code d} Gy (total dose {@code D = n d}) and tissue ratio {@code alpha/beta} (Gy):
 *
 * <pre>
 *   BED  = n d (1 + d / (alpha/beta))
 *   EQD2 = BED / (1 + 2 / (alpha/beta))
 * </pre>
 *
 * No correction for overall treatment time or incomplete repair. Stateless and thread-safe; doses in Gy.
 */
public final class LinearQuadratic {
  /** alpha/beta for tumour and early-responding tissue, Gy. */
  public static final double ALPHA_BETA_TUMOUR = 10.0;
  /** alpha/beta for late-responding normal tissue, Gy. */
  public static final double ALPHA_BETA_LATE = 3.0;

  private LinearQuadratic() {}

  /**
   * BED for a schedule and alpha/beta.
   *
   * @throws IllegalArgumentException if alphaBeta is not a positive finite number
   * @throws NullPointerException if schedule is null
   */
  public static double bed(FractionationSchedule schedule, double alphaBeta) {
    Objects.requireNonNull(schedule, "schedule");
    requireAlphaBeta(alphaBeta);
    double d = schedule.dosePerFractionGy();
    // BED = n d (1 + d / (alpha/beta))
    return schedule.totalDoseGy() * (1 + d / alphaBeta);
  }

  /**
   * EQD2 for a schedule and alpha/beta.
   *
   * @throws IllegalArgumentException if alphaBeta is not a positive finite number
   * @throws NullPointerException if schedule is null
   */
  public static double eqd2(FractionationSchedule schedule, double alphaBeta) {
    // EQD2 = BED / (1 + 2 / (alpha/beta))
    return bed(schedule, alphaBeta) / (1 + 2 / alphaBeta);
  }

  /** BED and EQD2 for alpha/beta 10 and 3. @throws NullPointerException if schedule is null */
  public static DoseEquivalents equivalents(FractionationSchedule schedule) {
    return new DoseEquivalents(schedule, bed(schedule, ALPHA_BETA_TUMOUR), eqd2(schedule, ALPHA_BETA_TUMOUR),
        bed(schedule, ALPHA_BETA_LATE), eqd2(schedule, ALPHA_BETA_LATE));
  }

  /**
   * BED and EQD2 for alpha/beta 10 and 3 from a total dose and a number of fractions.
   *
   * @throws IllegalArgumentException naming the field when the dose is not positive or fractions below 1
   */
  public static DoseEquivalents equivalents(double totalDoseGy, int fractions) {
    return equivalents(new FractionationSchedule(totalDoseGy, fractions));
  }

  private static void requireAlphaBeta(double alphaBeta) {
    if (!(alphaBeta > 0) || Double.isInfinite(alphaBeta)) {
      throw new IllegalArgumentException("alphaBeta: must be a positive number of Gy, was " + alphaBeta);
    }
  }
}
