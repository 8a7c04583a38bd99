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
 * @param deathAllowanceDays a death without documented progression counts as a PFS (and thoracic PFS) event only
 *     when it occurs at most this many days after the last adequate tumour assessment (or after randomization when
 *     there was none); a later death, i.e. after two or more missed assessments, is censored at the last adequate
 *     assessment (FDA, Clinical Trial Endpoints for the Approval of Cancer Drugs and Biologics, 2018, Table:
 *     "death or progression after more than one missed visit"). 0 or more. The protocol's {@code deathWindowDays}
 *     of the primary endpoint.
 * @param progressionEndpoints the progression endpoints derived from the tumour assessments, by protocol id:
 *     {@value #PFS}, {@value #THORACIC_PFS}, {@value #LOCAL_CONTROL} and {@value #OLIGOMETASTATIC_CONTROL}; an id
 *     missing here is not derived (its column is NA), except PFS which is always derived
 */
public record EndpointRules(int deathAllowanceDays, List<ProgressionEndpoint> progressionEndpoints) {
  /** Tumour assessments assumed every 6 weeks (42 days), the protocol's minimum interval for stable disease. */
  public static final int ASSESSMENT_INTERVAL_DAYS = 42;
  /** Protocol id of progression-free survival (primary endpoint). */
  public static final String PFS = "pfs";
  /** Protocol id of thoracic progression-free survival. */
  public static final String THORACIC_PFS = "thoracic-pfs";
  /** Protocol id of local control of the primary thoracic tumour. */
  public static final String LOCAL_CONTROL = "local-control";
  /** Protocol id of oligometastatic-foci control. */
  public static final String OLIGOMETASTATIC_CONTROL = "oligometastatic-control";

  /** The definitions of NCT03119519, as in protocols/nct03119519.yaml. */
  public static final List<ProgressionEndpoint> TRIAL_ENDPOINTS = List.of(
      new ProgressionEndpoint(PFS, LesionScope.ALL, true),
      new ProgressionEndpoint(THORACIC_PFS, LesionScope.THORACIC, true),
      new ProgressionEndpoint(LOCAL_CONTROL, LesionScope.PRIMARY_TUMOUR, false),
      new ProgressionEndpoint(OLIGOMETASTATIC_CONTROL, LesionScope.OLIGOMETASTATIC_FOCI, false));

  /** Two assessment intervals: a death more than 84 days after the last assessment is censored. */
  public static final EndpointRules DEFAULT = afterMissedAssessments(ASSESSMENT_INTERVAL_DAYS, 2);

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

  /** The trial's endpoint definitions with this allowance. */
  public EndpointRules(int deathAllowanceDays) {
    this(deathAllowanceDays, TRIAL_ENDPOINTS);
  }

  /**
   * The allowance that censors a death once {@code missed} scheduled assessments have been missed.
   *
   * @param intervalDays days between scheduled assessments, 1 or more
   * @param missed number of missed assessments that makes a death uninformative, 1 or more
   * @throws IllegalArgumentException if either is below 1
   */
  public static EndpointRules afterMissedAssessments(int intervalDays, int missed) {
    if (intervalDays < 1 || missed < 1) {
      throw new IllegalArgumentException("intervalDays and missed must be 1 or more, were " + intervalDays + ", " + missed);
    }
    return new EndpointRules(Math.multiplyExact(intervalDays, missed));
  }

  /**
   * The rules a protocol states: every endpoint with an {@code event} block becomes a progression endpoint; the
   * death window is the primary PFS endpoint's {@code deathWindowDays}. A protocol without {@code event} blocks (an
   * older file) gives {@link #DEFAULT}.
   *
   * @throws NullPointerException if protocol is null
   */
  public static EndpointRules of(Protocol protocol) {
    List<ProgressionEndpoint> list = new ArrayList<>();
    Integer window = null;
    for (Endpoint e : protocol.endpoints()) {
      Endpoint.EventDefinition ev = e.event();
      if (ev == null || LesionScope.fromCode(ev.progression()) == null) {
        continue;
      }
      list.add(new ProgressionEndpoint(e.id(), LesionScope.fromCode(ev.progression()), ev.deathIsEvent()));
      if (e.id().equals(PFS) && ev.deathWindowDays() != null) {
        window = ev.deathWindowDays();
      }
    }
    if (list.isEmpty()) {
      return DEFAULT;
    }
    return new EndpointRules(window == null ? DEFAULT.deathAllowanceDays() : window, list);
  }

  /** The definition with that protocol id, or null when the protocol does not derive it. */
  public ProgressionEndpoint endpoint(String id) {
    Objects.requireNonNull(id, "id");
    return progressionEndpoints.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
  }
}
