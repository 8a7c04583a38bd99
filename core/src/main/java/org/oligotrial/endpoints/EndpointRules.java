package org.oligotrial.endpoints;

/**
 * Analysis conventions that are choices rather than facts.
 *
 * @param deathAllowanceDays a death without documented progression counts as a PFS (and thoracic PFS) event only
 *     when it occurs at most this many days after the last adequate tumour assessment (or after randomization when
 *     there was none); a later death, i.e. after two or more missed assessments, is censored at the last adequate
 *     assessment (FDA, Clinical Trial Endpoints for the Approval of Cancer Drugs and Biologics, 2018, Table:
 *     "death or progression after more than one missed visit"). 0 or more.
 */
public record EndpointRules(int deathAllowanceDays) {
  /** Tumour assessments assumed every 6 weeks (42 days), the protocol's minimum interval for stable disease. */
  public static final int ASSESSMENT_INTERVAL_DAYS = 42;

  /** Two assessment intervals: a death more than 84 days after the last assessment is censored. */
  public static final EndpointRules DEFAULT = afterMissedAssessments(ASSESSMENT_INTERVAL_DAYS, 2);

  /** @throws IllegalArgumentException if negative */
  public EndpointRules {
    if (deathAllowanceDays < 0) {
      throw new IllegalArgumentException("deathAllowanceDays: must be 0 or more, was " + deathAllowanceDays);
    }
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
}
