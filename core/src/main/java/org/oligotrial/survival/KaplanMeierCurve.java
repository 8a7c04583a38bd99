package org.oligotrial.survival;

import java.util.Objects;

/**
 * The Kaplan-Meier estimate of one group, with one entry per distinct observed time (event or censoring), as R's
 * {@code survfit} object: {@code time}, {@code n.risk}, {@code n.event}, {@code n.censor}, {@code surv},
 * {@code std.err}, {@code lower}, {@code upper}.
 *
 * <p>Two standard errors are offered and must not be confused:
 *
 * <ul>
 *   <li>{@link #greenwoodSe()} is what {@code survfit} stores as {@code std.err}: the standard error of the
 *       cumulative hazard \(-\log S(t)\), \(\sigma(t) = \sqrt{\sum_{t_i \le t} d_i / (n_i (n_i - d_i))}\);
 *   <li>{@link #stdErr(int)} and {@link #stdErrs()} give the standard error of the survival estimate itself,
 *       \(S(t)\,\sigma(t)\) (Greenwood's formula), which is what {@code summary(fit)$std.err} prints.
 * </ul>
 *
 * <p>Where \(S = 0\), \(\sigma = \infty\) and the standard error of \(S\), and the limits, are NaN (R's NA/NaN); with
 * the log-log type the limits are NaN also where \(S = 1\). Times are in the unit of the data.
 *
 * <p>Immutable: the arrays are copied in and every array accessor returns a copy (use the indexed accessors in
 * loops).
 *
 * @param group the group label ({@link SurvivalData#ALL} without groups)
 * @param n the number of subjects in the group
 * @param time the distinct observed times, ascending
 * @param nRisk subjects at risk just before each time (censored at that time are at risk)
 * @param nEvent events at each time
 * @param nCensor censorings at each time
 * @param survival the Kaplan-Meier estimate just after each time
 * @param greenwoodSe survfit's {@code std.err}: the standard error of the cumulative hazard
 * @param lower the lower confidence limit of the survival
 * @param upper the upper confidence limit of the survival
 * @param median the median survival time with its confidence interval
 * @param confidenceType the transformation of the confidence interval
 * @param confidenceLevel the confidence level, for example 0.95
 */
public record KaplanMeierCurve(
    String group,
    int n,
    double[] time,
    int[] nRisk,
    int[] nEvent,
    int[] nCensor,
    double[] survival,
    double[] greenwoodSe,
    double[] lower,
    double[] upper,
    MedianSurvival median,
    ConfidenceType confidenceType,
    double confidenceLevel) {

  public KaplanMeierCurve {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(median, "median");
    Objects.requireNonNull(confidenceType, "confidenceType");
    time = time.clone();
    nRisk = nRisk.clone();
    nEvent = nEvent.clone();
    nCensor = nCensor.clone();
    survival = survival.clone();
    greenwoodSe = greenwoodSe.clone();
    lower = lower.clone();
    upper = upper.clone();
    int m = time.length;
    if (nRisk.length != m || nEvent.length != m || nCensor.length != m || survival.length != m
        || greenwoodSe.length != m || lower.length != m || upper.length != m) {
      throw new IllegalArgumentException("all columns of a Kaplan-Meier curve need the same length");
    }
  }

  /** The number of distinct times (rows of the curve). */
  public int size() {
    return time.length;
  }

  /** The total number of events. */
  public int events() {
    int e = 0;
    for (int d : nEvent) {
      e += d;
    }
    return e;
  }

  public double time(int i) {
    return time[i];
  }

  public int nRisk(int i) {
    return nRisk[i];
  }

  public int nEvent(int i) {
    return nEvent[i];
  }

  public int nCensor(int i) {
    return nCensor[i];
  }

  public double survival(int i) {
    return survival[i];
  }

  public double greenwoodSe(int i) {
    return greenwoodSe[i];
  }

  public double lower(int i) {
    return lower[i];
  }

  public double upper(int i) {
    return upper[i];
  }

  /** The standard error of the survival estimate, \(S\sigma\) (Greenwood); NaN where \(S = 0\). */
  public double stdErr(int i) {
    return survival[i] * greenwoodSe[i];
  }

  /** {@link #stdErr(int)} at every time. */
  public double[] stdErrs() {
    double[] out = new double[time.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = stdErr(i);
    }
    return out;
  }

  /**
   * The survival estimate at time {@code t} (a step function, right-continuous): 1 before the first time.
   *
   * @param t a time in the unit of the data
   */
  public double survivalAt(double t) {
    int k = java.util.Arrays.binarySearch(time, t);
    int i = k >= 0 ? k : -k - 2;
    return i < 0 ? 1.0 : survival[i];
  }

  @Override
  public double[] time() {
    return time.clone();
  }

  @Override
  public int[] nRisk() {
    return nRisk.clone();
  }

  @Override
  public int[] nEvent() {
    return nEvent.clone();
  }

  @Override
  public int[] nCensor() {
    return nCensor.clone();
  }

  @Override
  public double[] survival() {
    return survival.clone();
  }

  @Override
  public double[] greenwoodSe() {
    return greenwoodSe.clone();
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KaplanMeierCurve c
        && group.equals(c.group) && n == c.n
        && java.util.Arrays.equals(time, c.time) && java.util.Arrays.equals(nRisk, c.nRisk)
        && java.util.Arrays.equals(nEvent, c.nEvent) && java.util.Arrays.equals(nCensor, c.nCensor)
        && java.util.Arrays.equals(survival, c.survival) && java.util.Arrays.equals(greenwoodSe, c.greenwoodSe)
        && java.util.Arrays.equals(lower, c.lower) && java.util.Arrays.equals(upper, c.upper)
        && median.equals(c.median) && confidenceType == c.confidenceType
        && Double.compare(confidenceLevel, c.confidenceLevel) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, n, java.util.Arrays.hashCode(time), java.util.Arrays.hashCode(survival), median);
  }

  @Override
  public String toString() {
    return "KaplanMeierCurve[group=" + group + ", n=" + n + ", events=" + events() + ", times=" + time.length
        + ", median=" + median + "]";
  }
}
