package org.oligotrial.design;

/**
 * What an interim (or the final) analysis observed.
 *
 * @param events the number of events (all arms) at the data cut-off, positive
 * @param logRankZ the (stratified) log-rank statistic of the experimental arm, \( (O_E - E_E)/\sqrt{V} \): negative
 *     when the experimental arm has fewer events than expected, i.e. for a hazard ratio below 1 (rpact's
 *     {@code overallLogRanks})
 * @param hazardRatio the Cox estimate of the hazard ratio experimental : control, or {@code NaN} to derive it from
 *     the log-rank statistic as rpact does, \( \exp(z (1 + r)/\sqrt{r D}) \)
 * @param standardError the standard error of the log hazard ratio (with {@code hazardRatio}), or {@code NaN} for
 *     \( (1 + r)/\sqrt{r D} \)
 */
public record ObservedLook(double events, double logRankZ, double hazardRatio, double standardError) {

  /**
   * @throws IllegalArgumentException naming the value out of range
   */
  public ObservedLook {
    if (!(events > 0 && Double.isFinite(events))) {
      throw new IllegalArgumentException("events must be positive, got " + events);
    }
    if (!Double.isFinite(logRankZ)) {
      throw new IllegalArgumentException("log-rank z must be a number, got " + logRankZ);
    }
    if (!Double.isNaN(hazardRatio) && !(hazardRatio > 0 && Double.isFinite(hazardRatio))) {
      throw new IllegalArgumentException("hazard ratio must be positive, got " + hazardRatio);
    }
    if (!Double.isNaN(standardError) && !(standardError > 0 && Double.isFinite(standardError))) {
      throw new IllegalArgumentException("standard error must be positive, got " + standardError);
    }
  }

  /** A look with the hazard ratio derived from the log-rank statistic. */
  public static ObservedLook ofLogRank(double events, double logRankZ) {
    return new ObservedLook(events, logRankZ, Double.NaN, Double.NaN);
  }
}
