package org.oligotrial.design;

import java.util.List;

/**
 * A group-sequential log-rank design in events, patients and calendar time (see {@link GroupSequentialSurvival}).
 * Immutable. Event counts are unrounded, as rpact gives them.
 *
 * @param design the boundaries on the z scale
 * @param hazardRatio the hazard ratio experimental : control assumed
 * @param allocationRatio patients experimental : control
 * @param eventsFixed the events of the fixed design with the same alpha and power (Schoenfeld)
 * @param maximumEvents the events at the last look: inflation factor times {@code eventsFixed}
 * @param eventsPerStage the events at each look: information rate times {@code maximumEvents}
 * @param expectedEventsH0 the expected events at stopping under H0 (futility bounds obeyed)
 * @param expectedEventsH1 the same under the assumed hazard ratio
 * @param maximumPatients the patients to enrol: {@code maximumEvents} over the probability of an observed event at
 *     the end of follow-up
 * @param analysisTimes the calendar times (months from the first patient's entry) at which the expected events reach
 *     each look's events, under the assumed hazards; the last is accrual plus follow-up
 * @param hrEfficacy the efficacy bounds as hazard ratios \( \exp(\mp c_k (1 + r)/\sqrt{r D_k}) \), on the side of the
 *     assumed effect
 * @param hrEfficacyOtherSide for a two-sided design the bounds on the other side, otherwise empty
 * @param hrFutility the futility bounds as hazard ratios at the interim looks, empty without futility
 */
public record SurvivalGroupSequentialDesign(
    GroupSequentialDesign design, double hazardRatio, double allocationRatio, double eventsFixed,
    double maximumEvents, List<Double> eventsPerStage, double expectedEventsH0, double expectedEventsH1,
    double maximumPatients, List<Double> analysisTimes, List<Double> hrEfficacy, List<Double> hrEfficacyOtherSide,
    List<Double> hrFutility) {

  public SurvivalGroupSequentialDesign {
    eventsPerStage = List.copyOf(eventsPerStage);
    analysisTimes = List.copyOf(analysisTimes);
    hrEfficacy = List.copyOf(hrEfficacy);
    hrEfficacyOtherSide = List.copyOf(hrEfficacyOtherSide);
    hrFutility = List.copyOf(hrFutility);
  }
}
