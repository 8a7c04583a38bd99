package org.oligotrial.design;

/**
 * The size of a log-rank trial. Events and patients are given unrounded, as rpact reports them, and rounded up.
 *
 * @param formula the events formula used
 * @param design the assumptions
 * @param events the number of events needed (unrounded)
 * @param patients the number of patients needed (unrounded): {@code events / eventProbability}
 * @param patientsExperimental patients in the experimental arm (unrounded)
 * @param patientsControl patients in the control arm (unrounded)
 * @param eventProbability the probability that a patient has had the event at the analysis, averaged over the arms
 *     with the allocation ratio
 * @param eventProbabilityExperimental the same in the experimental arm
 * @param eventProbabilityControl the same in the control arm
 * @param hazardControl the control hazard {@code log 2 / median} (per month)
 * @param hazardExperimental the experimental hazard {@code hazardRatio * hazardControl} (per month)
 * @param criticalZ the critical value \( z_{1-\alpha/s} \)
 */
public record SampleSize(
    EventsFormula formula, LogRankDesign design, double events, double patients, double patientsExperimental,
    double patientsControl, double eventProbability, double eventProbabilityExperimental,
    double eventProbabilityControl, double hazardControl, double hazardExperimental, double criticalZ) {

  /** Events rounded up. */
  public long eventsNeeded() {
    return (long) Math.ceil(events - 1e-9);
  }

  /** Patients rounded up. */
  public long patientsNeeded() {
    return (long) Math.ceil(patients - 1e-9);
  }
}
