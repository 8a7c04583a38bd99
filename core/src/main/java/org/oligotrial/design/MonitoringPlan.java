package org.oligotrial.design;

/**
 * The plan a running log-rank trial is monitored against. Immutable; validated on construction.
 *
 * @param spec the group-sequential design (its efficacy boundary must be an alpha-spending function, evaluated at
 *     the realised information)
 * @param plannedEvents the events of the final analysis (the maximum information), positive
 * @param hazardRatio the hazard ratio experimental : control the trial was designed to detect (positive, not 1); it
 *     gives the direction of efficacy and the "design effect" of conditional power
 * @param allocationRatio patients experimental : control, positive
 */
public record MonitoringPlan(GroupSequentialSpec spec, double plannedEvents, double hazardRatio,
    double allocationRatio) {

  /**
   * @throws IllegalArgumentException naming the value out of range
   */
  public MonitoringPlan {
    if (!(spec.efficacy() instanceof EfficacyBoundary.Spending)) {
      throw new IllegalArgumentException("monitoring at the realised information needs an alpha-spending function"
          + " (of, pocock, hsd, kd), not " + spec.efficacy().label());
    }
    if (!(plannedEvents > 0 && Double.isFinite(plannedEvents))) {
      throw new IllegalArgumentException("planned events must be positive, got " + plannedEvents);
    }
    if (!(hazardRatio > 0 && hazardRatio != 1 && Double.isFinite(hazardRatio))) {
      throw new IllegalArgumentException("hazard ratio must be positive and not 1, got " + hazardRatio);
    }
    if (!(allocationRatio > 0 && Double.isFinite(allocationRatio))) {
      throw new IllegalArgumentException("allocation ratio must be positive, got " + allocationRatio);
    }
  }

  /** The statistical information \( r D/(1+r)^2 \) of {@code events} events for the log hazard ratio. */
  public double information(double events) {
    return allocationRatio * events / ((1 + allocationRatio) * (1 + allocationRatio));
  }
}
