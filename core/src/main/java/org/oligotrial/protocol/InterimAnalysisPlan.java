package org.oligotrial.protocol;

import java.util.List;
import org.oligotrial.design.EfficacyBoundary;
import org.oligotrial.design.FutilityRule;
import org.oligotrial.design.GroupSequentialSpec;
import org.oligotrial.design.MonitoringPlan;

/**
 * The protocol's plan of interim analyses of its primary time-to-event endpoint: looks at numbers of events, the
 * alpha-spending function and the futility rule (docs/group-sequential.md). Checked by {@code protocol check}.
 *
 * @param endpoint the id of the endpoint whose events are counted
 * @param lookEvents the events at each look, increasing; the last is the final analysis
 * @param alpha the significance level
 * @param sides 1 or 2
 * @param power the power the design aims at (its beta is spent by a beta-spending futility rule)
 * @param hazardRatio the hazard ratio experimental : control the trial is designed to detect
 * @param spending {@code of}, {@code pocock}, {@code hsd:GAMMA} or {@code kd:RHO}
 * @param futility {@code none}, {@code beta-of}, ..., or {@code z:z1,...}
 * @param binding whether the futility bounds are binding
 * @param notes ids of the protocol notes that explain the plan
 */
public record InterimAnalysisPlan(String endpoint, List<Integer> lookEvents, double alpha, int sides, double power,
    double hazardRatio, String spending, String futility, boolean binding, List<String> notes) {

  public InterimAnalysisPlan {
    lookEvents = List.copyOf(lookEvents);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** The events of the final analysis. */
  public int plannedEvents() {
    return lookEvents.get(lookEvents.size() - 1);
  }

  /**
   * The design: information rates are the look events over the final events.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  public GroupSequentialSpec spec() {
    return new GroupSequentialSpec(lookEvents.stream().map(e -> (double) e / plannedEvents()).toList(), alpha,
        sides, power, EfficacyBoundary.parse(spending), FutilityRule.parse(futility), binding);
  }

  /** The plan a running trial is monitored against, with the allocation ratio experimental : control. */
  public MonitoringPlan monitoringPlan(double allocationRatio) {
    return new MonitoringPlan(spec(), plannedEvents(), hazardRatio, allocationRatio);
  }
}
