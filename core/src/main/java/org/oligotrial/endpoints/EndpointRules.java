package org.oligotrial.endpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.oligotrial.protocol.Endpoint;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.recist.LesionScope;

/**
 * Analysis conventions that are choices rather than facts, read from the protocol file where it states them.
 *
 * @param deathAllowanceDays a death without documented progression counts as an event of a {@code death: event}
 *     progression endpoint only when it occurs at most this many days after the last adequate tumour assessment (or
 *     after randomization when there was none); a later death, i.e. after missed assessments, is censored at the last
 *     adequate assessment (FDA, Clinical Trial Endpoints for the Approval of Cancer Drugs and Biologics, 2018, Table:
 *     "death or progression after more than one missed visit"). 0 or more. The protocol's {@code deathWindowDays}
 *     of its primary endpoint (else of the first endpoint stating one).
 * @param progressionEndpoints the progression endpoints derived from the tumour assessments, by protocol id, in
 *     protocol order: every endpoint of the protocol with an {@code event} block naming a progression scope
 */
public record EndpointRules(int deathAllowanceDays, List<ProgressionEndpoint> progressionEndpoints) {

  /**
   * @throws IllegalArgumentException if the allowance is negative or an id is repeated
   * @throws NullPointerException if the list is null
   */
  public EndpointRules {
    if (deathAllowanceDays < 0) {
      throw new IllegalArgumentException("deathAllowanceDays: must be 0 or more, was " + deathAllowanceDays);
    }
    progressionEndpoints = List.copyOf(progressionEndpoints);
    if (progressionEndpoints.stream().map(ProgressionEndpoint::id).distinct().count() != progressionEndpoints.size()) {
      throw new IllegalArgumentException("progressionEndpoints: an endpoint id is repeated");
    }
  }

  /**
   * The same endpoints with the allowance that censors a death once {@code missed} scheduled assessments have been
   * missed.
   *
   * @param intervalDays days between scheduled assessments, 1 or more
   * @param missed number of missed assessments that makes a death uninformative, 1 or more
   * @throws IllegalArgumentException if either is below 1
   */
  public EndpointRules afterMissedAssessments(int intervalDays, int missed) {
    if (intervalDays < 1 || missed < 1) {
      throw new IllegalArgumentException("intervalDays and missed must be 1 or more, were " + intervalDays + ", " + missed);
    }
    return new EndpointRules(Math.multiplyExact(intervalDays, missed), progressionEndpoints);
  }

  /**
   * The rules a protocol states: every endpoint with an {@code event} block naming a progression scope becomes a
   * progression endpoint; the death window is the {@code deathWindowDays} of the primary endpoint, else of the first
   * endpoint that states one, else 0 (no {@code death: event} window stated: a death without progression is an event
   * only on the day of the last adequate assessment). A protocol without {@code event} blocks derives no progression
   * endpoint.
   *
   * @throws NullPointerException if protocol is null
   */
  public static EndpointRules of(Protocol protocol) {
    List<ProgressionEndpoint> list = new ArrayList<>();
    Integer primaryWindow = null;
    Integer firstWindow = null;
    for (Endpoint e : protocol.endpoints()) {
      Endpoint.EventDefinition ev = e.event();
      if (ev == null || LesionScope.fromCode(ev.progression()) == null) {
        continue;
      }
      list.add(new ProgressionEndpoint(e.id(), LesionScope.fromCode(ev.progression()), ev.deathIsEvent()));
      if (ev.deathWindowDays() != null) {
        if (e.primary() && primaryWindow == null) {
          primaryWindow = ev.deathWindowDays();
        }
        if (firstWindow == null) {
          firstWindow = ev.deathWindowDays();
        }
      }
    }
    int window = primaryWindow != null ? primaryWindow : firstWindow != null ? firstWindow : 0;
    return new EndpointRules(window, list);
  }

  /** The definition with that protocol id, or null when the protocol does not derive it. */
  public ProgressionEndpoint endpoint(String id) {
    Objects.requireNonNull(id, "id");
    return progressionEndpoints.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
  }
}
